import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { can, type Permission, type Role } from "../auth/policy";
import { db } from "../db";
import { createApiToken } from "../tokens/create";
import { dispatch } from "./dispatch";
import { operations } from "./registry";

/**
 * Every route × role: which permission each operation needs, as the policy table grants it. An operation
 * missing from this table fails the test, so a new route cannot ship without its row. "self" is any signed-in
 * caller acting on their own things; "public" needs no caller. Region scope is covered, for the operations it
 * applies to, in scope.test.ts.
 */
const NEEDS: Record<string, Permission | "self" | "public"> = {
  getOpenApiDocument: "public",
  listRegions: "satellites.read",
  listPolicies: "compliance.read",
  getPolicy: "compliance.read",
  listPolicyVersions: "compliance.read",
  createPolicy: "policies.manage",
  updatePolicy: "policies.manage",
  archivePolicy: "policies.manage",
  listPolicyWaivers: "compliance.read",
  createPolicyWaiver: "policies.manage",
  revokePolicyWaiver: "policies.manage",
  getSatellitePolicyResults: "compliance.read",
  listWindows: "rollouts.read",
  getWindow: "rollouts.read",
  createWindow: "windows.manage",
  updateWindow: "windows.manage",
  setWindowEnabled: "windows.manage",
  deleteWindow: "windows.manage",
  listSatellites: "satellites.read",
  getSatellite: "satellites.read",
  createSatellite: "satellites.write",
  updateSatellite: "satellites.write",
  changeSatelliteLabels: "satellites.write",
  decommissionSatellite: "satellites.write",
  listCommands: "commands.read",
  getCommand: "commands.read",
  previewCommands: "commands.write",
  issueCommands: "commands.write",
  cancelCommand: "commands.write",
  listReleases: "releases.read",
  getRelease: "releases.read",
  createRelease: "releases.write",
  updateRelease: "releases.write",
  deleteRelease: "releases.write",
  listRollouts: "rollouts.read",
  getRollout: "rollouts.read",
  createRollout: "rollouts.write",
  previewRollout: "rollouts.write",
  startRollout: "rollouts.write",
  pauseRollout: "rollouts.write",
  resumeRollout: "rollouts.write",
  approveRolloutWave: "rollouts.approve",
  rollBackRollout: "rollouts.write",
  cancelRollout: "rollouts.write",
  retryRolloutLeftBehind: "rollouts.write",
  listIncidents: "incidents.read",
  getIncident: "incidents.read",
  openIncident: "incidents.write",
  editIncident: "incidents.write",
  postIncidentUpdate: "incidents.write",
  resolveIncident: "incidents.write",
  setAffectedSatellites: "incidents.write",
  publishIncident: "incidents.write",
  dismissIncidentProposal: "incidents.write",
  listMaintenance: "incidents.read",
  getMaintenance: "incidents.read",
  scheduleMaintenance: "incidents.write",
  cancelMaintenance: "incidents.write",
  listStatusPages: "status-pages.manage",
  getStatusPage: "status-pages.manage",
  createStatusPage: "status-pages.manage",
  updateStatusPage: "status-pages.manage",
  rotateStatusPageLink: "status-pages.manage",
  deleteStatusPage: "status-pages.manage",
  listStatusPins: "status-pages.manage",
  pinStatusComponent: "status-pages.manage",
  clearStatusPin: "status-pages.manage",
  listAuditEvents: "audit.read",
  listUsers: "users.manage",
  getUser: "users.manage",
  createUser: "users.manage",
  updateUser: "users.manage",
  disableUser: "users.manage",
  enableUser: "users.manage",
  listSsoMappings: "users.manage",
  listApiTokens: "self",
  createApiToken: "self",
  revokeApiToken: "self",
};

const ROLES: Role[] = ["viewer", "operator", "admin"];
const secrets = {} as Record<Role, string>;

beforeAll(async () => {
  await seedRegions();
  for (const role of ROLES) {
    const ctx = await ctxAs(role);
    secrets[role] = (await createApiToken(ctx, { name: `access-${role}`, role })).secret;
  }
});
afterAll(async () => {
  await db.idempotencyRecord.deleteMany({});
});

/** A path for the template with ids that name nothing: a permitted caller then gets 404, never 403. */
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, "no-such-$1");

async function call(method: string, path: string, role: Role | null): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (role) headers.authorization = `Bearer ${secrets[role]}`;
  const body = method === "GET" || method === "DELETE" ? undefined : "{}";
  return dispatch(new Request(`http://localhost/api/v1${concrete(path)}`, { method, headers, body }));
}

describe("every route × role", () => {
  it("has a row for every operation, and none for an operation that is gone", () => {
    const ids = operations().map((op) => op.id);
    expect(ids.filter((id) => !(id in NEEDS))).toEqual([]);
    expect(Object.keys(NEEDS).filter((id) => !ids.includes(id))).toEqual([]);
  });

  for (const op of operations()) {
    const needs = NEEDS[op.id];
    it(`${op.method} ${op.path} (${op.id}) answers each role as the policy says`, async () => {
      const auditBefore = await db.auditEvent.count();
      const anonymous = await call(op.method, op.path, null);
      expect(anonymous.status, "anonymous").toBe(needs === "public" ? 200 : 401);
      const refused: Role[] = [];
      for (const role of ROLES) {
        const allowed = needs === "public" || needs === "self" || can(role, needs);
        const res = await call(op.method, op.path, role);
        const problem = res.status >= 400 ? await res.json() : null;
        expect(res.status, `${role}: ${JSON.stringify(problem)}`).toBeLessThan(500);
        if (allowed) expect([401, 403], `${role} was refused: ${problem?.detail}`).not.toContain(res.status);
        else {
          expect(res.status, `${role} was let through`).toBe(403);
          refused.push(role);
        }
      }
      // A refusal changes nothing: no audit row was written for any refused or anonymous call.
      if (refused.length === ROLES.length) expect(await db.auditEvent.count()).toBe(auditBefore);
    });
  }
});
