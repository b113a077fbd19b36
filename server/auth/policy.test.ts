import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { authorize, type Ctx } from "./context";
import { PERMISSIONS, ROLES, can, type Permission, type Role } from "./policy";

// The whole table, written out: a change to the policy must change this test on purpose.
const EXPECTED: Record<Permission, Role[]> = {
  "satellites.read": ["viewer", "auditor", "operator", "admin"],
  "telemetry.read": ["viewer", "auditor", "operator", "admin"],
  "commands.read": ["viewer", "auditor", "operator", "admin"],
  "rollouts.read": ["viewer", "auditor", "operator", "admin"],
  "incidents.read": ["viewer", "auditor", "operator", "admin"],
  "releases.read": ["viewer", "auditor", "operator", "admin"],
  "compliance.read": ["viewer", "auditor", "operator", "admin"],
  "audit.read": ["auditor", "operator", "admin"],
  "compliance.report": ["auditor", "operator", "admin"],
  "alerts.read": ["operator", "admin"],
  "alerts.silence": ["operator", "admin"],
  "commands.write": ["operator", "admin"],
  "rollouts.write": ["operator", "admin"],
  "incidents.write": ["operator", "admin"],
  "rollouts.approve": ["admin"],
  "satellites.write": ["admin"],
  "releases.write": ["admin"],
  "tokens.manage": ["admin"],
  "users.manage": ["admin"],
  "status-pages.manage": ["admin"],
  "regions.manage": ["admin"],
  "alerts.manage": ["admin"],
  "policies.manage": ["admin"],
  "windows.manage": ["admin"],
};

const ctxFor = (role: Role, regionIds: string[] | null = null): Ctx => ({
  actor: { kind: "user", id: "u1", email: `${role}@example.test`, name: role, role, regionIds },
});

describe("policy table", () => {
  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
        if (allowed) expect(() => authorize(ctxFor(role), permission)).not.toThrow();
        else expect(() => authorize(ctxFor(role), permission)).toThrow(/does not have/);
      });
    }
  }

  it("refuses an anonymous call with UNAUTHORIZED", () => {
    try {
      authorize({ actor: null }, "satellites.read");
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("UNAUTHORIZED");
    }
  });

  it("applies the region scope to region-scoped permissions only", () => {
    const eu = ctxFor("operator", ["eu-gdpr"]);
    const fra = { slug: "fra-edge-01", regionId: "eu-gdpr" };
    const nyc = { slug: "nyc-dc-01", regionId: "us-fedramp" };
    expect(() => authorize(eu, "commands.write", { satellites: [fra] })).not.toThrow();
    expect(() => authorize(eu, "commands.write", { satellites: [nyc] })).toThrow(
      "Your role is limited to eu-gdpr: nyc-dc-01 is in us-fedramp.",
    );
    expect(() => authorize(eu, "satellites.read", { satellites: [nyc] })).not.toThrow();
    expect(() => authorize(ctxFor("operator"), "commands.write", { satellites: [nyc] })).not.toThrow();
  });
});
