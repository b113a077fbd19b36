import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions } from "../../test/factories";
import { post, sample, startGateway } from "../../test/gateway";
import { createJoinToken } from "../agents/join-tokens";
import { recordFacts } from "../agents/facts";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { getSatelliteFacts } from "../facts/get";

let gw: Awaited<ReturnType<typeof startGateway>>;
let admin: Ctx;
let n = 0;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  gw = await startGateway();
});
afterAll(() => gw.close());

const factsUrl = () => `${gw.url}/api/agent/v1/facts`;
const goodFacts = {
  agentVersion: "1.5.0",
  osName: "Ubuntu",
  osVersion: "24.04",
  kernel: "6.8.0-49-generic",
  diskEncrypted: true,
  timeSynced: true,
  clockOffsetMs: -0.41,
  fipsEnabled: false,
  pendingSecurityUpdates: 2,
  lastBackupAt: "2026-12-01T03:00:00Z",
};

async function enrolled(country = "DE") {
  const { token } = await createJoinToken(admin, { uses: 1 });
  const slug = `facts-${Date.now().toString(36)}-${n++}`;
  const res = await post(`${gw.url}/api/agent/v1/enroll`, {
    joinToken: token,
    satellite: {
      slug,
      name: "Facts Edge",
      kind: "edge",
      provider: "own",
      city: "Frankfurt",
      country,
      lat: 50.11,
      lon: 8.68,
      capacity: { cores: 64, memoryGb: 512, storageTb: 40 },
      link: { uplinkMbps: 1000, downlinkMbps: 1000 },
    },
    agentVersion: "1.4.0",
    stackVersion: "2026.11.1",
  });
  expect(res.status).toBe(201);
  const { satelliteId, agentToken } = res.body as { satelliteId: string; agentToken: string };
  return { satelliteId, auth: { authorization: `Bearer ${agentToken}` } };
}

describe("the facts report", () => {
  it("an old agent that sends no facts still heartbeats, and its facts stay unknown", async () => {
    const agent = await enrolled();
    const res = await post(
      `${gw.url}/api/agent/v1/heartbeat`,
      { agentVersion: "1.2.0", stackVersion: "2026.11.1", samples: [sample(1)] },
      agent.auth,
    );
    expect(res.status).toBe(200);
    expect(await db.satelliteFacts.findUnique({ where: { satelliteId: agent.satelliteId } })).toBeNull();
    expect(await getSatelliteFacts(admin, agent.satelliteId)).toBeNull();
  });

  it("stores the facts as one row for the agent's satellite and answers when to report next", async () => {
    const agent = await enrolled();
    const res = await post(factsUrl(), goodFacts, agent.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: true, nextReportSec: 3600 });
    const viewer = await ctxAs("viewer");
    const facts = await getSatelliteFacts(viewer, agent.satelliteId);
    expect(facts).toMatchObject({
      osName: "Ubuntu",
      osVersion: "24.04",
      kernel: "6.8.0-49-generic",
      agentVersion: "1.5.0",
      diskEncrypted: true,
      timeSynced: true,
      clockOffsetMs: -0.41,
      fipsEnabled: false,
      pendingSecurityUpdates: 2,
    });
    expect(facts?.lastBackupAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("absent and null facts are stored as unknown, and a later report can forget a fact", async () => {
    const agent = await enrolled();
    const at = new Date("2026-12-06T00:00:00Z");
    const identity = await identityOf(agent.satelliteId);
    await recordFacts(identity, goodFacts, at);
    const later = new Date(at.getTime() + 61 * 60_000);
    const answer = await recordFacts(identity, { agentVersion: "1.5.0", diskEncrypted: null }, later);
    expect(answer.stored).toBe(true);
    const row = await db.satelliteFacts.findUniqueOrThrow({ where: { satelliteId: agent.satelliteId } });
    expect(row).toMatchObject({ osName: null, diskEncrypted: null, fipsEnabled: null, lastBackupAt: null });
    expect(row.reportedAt.toISOString()).toBe(later.toISOString());
  });

  it("stores at most one report per 50 minutes and says when the next will be stored", async () => {
    const agent = await enrolled();
    const identity = await identityOf(agent.satelliteId);
    const at = new Date("2026-12-06T00:00:00Z");
    expect((await recordFacts(identity, goodFacts, at)).stored).toBe(true);
    const soon = await recordFacts(
      identity,
      { ...goodFacts, diskEncrypted: false },
      new Date(at.getTime() + 10 * 60_000),
    );
    expect(soon).toEqual({ stored: false, reportedAt: at.toISOString(), nextReportSec: 40 * 60 });
    const row = await db.satelliteFacts.findUniqueOrThrow({ where: { satelliteId: agent.satelliteId } });
    expect(row.diskEncrypted).toBe(true);
    const after = await recordFacts(
      identity,
      { ...goodFacts, diskEncrypted: false },
      new Date(at.getTime() + 50 * 60_000),
    );
    expect(after.stored).toBe(true);
    const updated = await db.satelliteFacts.findUniqueOrThrow({ where: { satelliteId: agent.satelliteId } });
    expect(updated.diskEncrypted).toBe(false);
  });

  it("refuses bad facts naming the field, and stores nothing", async () => {
    const agent = await enrolled();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...goodFacts, diskEncrypted: "yes" }, "diskEncrypted"],
      [{ ...goodFacts, pendingSecurityUpdates: -1 }, "pendingSecurityUpdates"],
      [{ ...goodFacts, pendingSecurityUpdates: 1.5 }, "pendingSecurityUpdates"],
      [{ ...goodFacts, clockOffsetMs: 1e15 }, "clockOffsetMs"],
      [{ ...goodFacts, osName: "x".repeat(101) }, "osName"],
      [{ ...goodFacts, kernel: "" }, "kernel"],
      [{ ...goodFacts, lastBackupAt: "last tuesday" }, "lastBackupAt"],
      [{ ...goodFacts, lastBackupAt: new Date(Date.now() + 3_600_000).toISOString() }, "lastBackupAt"],
      [{ ...goodFacts, agentVersion: undefined }, "agentVersion"],
    ];
    for (const [body, field] of cases) {
      const res = await post(factsUrl(), body, agent.auth);
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.body.error.fields), field).toEqual([field]);
    }
    expect((await post(factsUrl(), "[1,2]", agent.auth)).status).toBe(422);
    expect((await post(factsUrl(), "{", agent.auth)).status).toBe(400);
    expect(await db.satelliteFacts.findUnique({ where: { satelliteId: agent.satelliteId } })).toBeNull();
  });

  it("needs the agent token, and an agent cannot report facts for another satellite", async () => {
    const a = await enrolled();
    const b = await enrolled();
    expect((await post(factsUrl(), goodFacts)).status).toBe(401);
    expect((await post(factsUrl(), goodFacts, { authorization: "Bearer orr_agent_nope" })).status).toBe(401);
    const res = await post(factsUrl(), { ...goodFacts, satelliteId: b.satelliteId }, a.auth);
    expect(res.status).toBe(200);
    expect(await db.satelliteFacts.findUnique({ where: { satelliteId: b.satelliteId } })).toBeNull();
    expect(await db.satelliteFacts.findUnique({ where: { satelliteId: a.satelliteId } })).not.toBeNull();
  });

  it("answers 405 for another method", async () => {
    const res = await fetch(factsUrl(), { method: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});

describe("getSatelliteFacts", () => {
  it("needs a signed-in reader and a known satellite", async () => {
    const agent = await enrolled();
    await expect(getSatelliteFacts(anonymous, agent.satelliteId)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(getSatelliteFacts(admin, "no-such-satellite")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const euOnly = await ctxAs("viewer", ["eu-gdpr"]);
    expect(await getSatelliteFacts(euOnly, agent.satelliteId)).toBeNull();
  });
});

async function identityOf(satelliteId: string) {
  const s = await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } });
  return {
    credentialId: `test-${satelliteId}`,
    satelliteId,
    slug: s.slug,
    regionId: s.regionId,
    intervalSec: 10,
    expiresAt: null,
  };
}
