import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../../test/factories";
import { db } from "../../db";
import { evaluatePolicies } from "../../policies/pass";
import { registerSatellite } from "../../satellites/register";
import { apiClient, tokenOf } from "./ops-test-kit";
import { policyOps } from "./policies";

const call = apiClient(policyOps);
let admin: string;
let viewer: string;
let satSlug: string;

beforeAll(async () => {
  await seedRegions();
  const adminCtx = await ctxAs("admin");
  admin = await tokenOf(adminCtx);
  viewer = await tokenOf(await ctxAs("viewer"));
  const sat = await registerSatellite(adminCtx, satelliteInput({ labels: { tier: "gold" } }));
  satSlug = sat.slug;
  await db.satelliteFacts.create({
    data: { satelliteId: sat.id, diskEncrypted: false, reportedAt: new Date() },
  });
});

describe("policies over the REST API", () => {
  it("creates, reads, changes (a new version) and archives a policy, refusing bad parameters by field", async () => {
    const bad = await call("POST", "/policies", {
      token: admin,
      body: {
        id: "api-agent",
        name: "Agent",
        kind: "min-agent-version",
        severity: "low",
        params: { version: "x" },
      },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("params.version");
    const created = await call("POST", "/policies", {
      token: admin,
      body: {
        id: "api-disk",
        name: "Disk",
        kind: "disk-encryption",
        severity: "high",
        frameworks: ["GDPR Art. 32"],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "api-disk", version: 1, mode: "audit", archivedAt: null });
    expect((await call("POST", "/policies", { token: viewer, body: { id: "x" } })).status).toBe(403);
    const got = await call("GET", "/policies/api-disk", { token: viewer });
    const changed = await call("PATCH", "/policies/api-disk", {
      token: admin,
      body: { mode: "enforce" },
      headers: { "if-match": got.headers.get("etag")! },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, mode: "enforce" });
    const versions = await call("GET", "/policies/api-disk/versions", { token: viewer });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const list = await call("GET", "/policies", { token: viewer });
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain("api-disk");
  });

  it("reads a satellite's results and waives one, then revokes the waiver", async () => {
    await evaluatePolicies(new Date(), { force: true });
    const before = await call("GET", `/satellites/${satSlug}/policy-results`, { token: viewer });
    expect(before.status).toBe(200);
    expect(before.body.rows.find((r: { policyId: string }) => r.policyId === "api-disk")).toMatchObject({
      outcome: "violation",
      reason: "disk encryption is off",
    });
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const tooLong = new Date(Date.now() + 200 * 86_400_000).toISOString();
    const refused = await call("POST", "/policy-waivers", {
      token: admin,
      body: { policyId: "api-disk", satelliteId: satSlug, reason: "swap booked", expiresAt: tooLong },
    });
    expect(refused.status).toBe(422);
    const waiver = await call("POST", "/policy-waivers", {
      token: admin,
      body: { policyId: "api-disk", satelliteId: satSlug, reason: "disk swap booked for Tuesday", expiresAt },
    });
    expect(waiver.status).toBe(201);
    expect(waiver.body).toMatchObject({ state: "live", satelliteSlug: satSlug });
    const after = await call("GET", `/satellites/${satSlug}/policy-results`, { token: viewer });
    expect(after.body.rows.find((r: { policyId: string }) => r.policyId === "api-disk").outcome).toBe(
      "waived",
    );
    const listed = await call("GET", "/policy-waivers?policyId=api-disk", { token: viewer });
    expect(listed.body.items).toHaveLength(1);
    const revoked = await call("POST", `/policy-waivers/${waiver.body.id}/revoke`, { token: admin });
    expect(revoked.body.state).toBe("revoked");
    const archived = await call("POST", "/policies/api-disk/archive", { token: admin });
    expect(archived.body.archivedAt).not.toBeNull();
  });
});
