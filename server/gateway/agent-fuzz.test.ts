import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { post, sample, startGateway } from "../../test/gateway";
import type { Ctx } from "../auth/context";
import { createJoinToken } from "../agents/join-tokens";
import { db } from "../db";

let gw: Awaited<ReturnType<typeof startGateway>>;
let admin: Ctx;

/** Enrolls one satellite through the gateway; each test gets its own, so one's rate limit never reaches another's. */
async function enroll(name: string): Promise<{ auth: Record<string, string>; satelliteId: string }> {
  const { token } = await createJoinToken(admin, { uses: 1 });
  const res = await post(`${gw.url}/api/agent/v1/enroll`, {
    joinToken: token,
    satellite: {
      slug: `${name}-${Date.now().toString(36)}`,
      name: "Fuzz",
      kind: "edge",
      provider: "own",
      city: "Oslo",
      country: "NO",
      lat: 59.9,
      lon: 10.7,
      capacity: { cores: 8, memoryGb: 32, storageTb: 1 },
      link: { uplinkMbps: 100, downlinkMbps: 100 },
    },
    agentVersion: "1.0.0",
    stackVersion: "1.0.0",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { auth: { authorization: `Bearer ${res.body.agentToken}` }, satelliteId: res.body.satelliteId };
}

/** Everything a heartbeat may write: its samples, the satellite's row, command deliveries, audit rows. */
async function written(satelliteId: string) {
  const [samples, satellite, commands, audit] = await Promise.all([
    db.telemetrySample.count({ where: { satelliteId } }),
    db.satellite.findUniqueOrThrow({ where: { id: satelliteId } }),
    db.command.count({ where: { deliveries: { gt: 0 } } }),
    db.auditEvent.count(),
  ]);
  return { samples, satellite, commands, audit };
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  gw = await startGateway();
});
afterAll(() => gw.close());

// Hostile bodies: arbitrary JSON, and valid-looking heartbeats with random values in every field.
const anyJson = fc.jsonValue({ maxDepth: 4 });
const sampleLike = fc.record(
  {
    seq: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(2 ** 60), fc.constant(null)),
    at: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
      fc.integer(),
    ),
    cpuPct: fc.oneof(fc.double(), fc.integer(), fc.string()),
    memPct: fc.double(),
    diskPct: fc.double(),
    rxMbps: fc.oneof(fc.double(), fc.constant(-1)),
    txMbps: fc.double(),
    rttMs: fc.double(),
    lossPct: fc.double(),
    services: fc.oneof(
      fc.dictionary(fc.string(), fc.oneof(fc.constantFrom("ok", "degraded", "down"), fc.string())),
      anyJson,
    ),
  },
  { requiredKeys: [] },
);
const heartbeatLike = fc.record(
  {
    agentVersion: fc.oneof(fc.string(), fc.constant("1.4.0"), anyJson),
    stackVersion: fc.oneof(fc.string(), fc.constant("2026.11.1")),
    samples: fc.oneof(fc.array(sampleLike, { maxLength: 5 }), anyJson),
  },
  { requiredKeys: [] },
);

describe("the heartbeat endpoint under random input", () => {
  it("never answers 5xx, and a refused request writes nothing", async () => {
    const { auth, satelliteId } = await enroll("fuzz");
    const start = await written(satelliteId);
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, heartbeatLike), async (body) => {
        const before = await written(satelliteId);
        const res = await post(`${gw.url}/api/agent/v1/heartbeat`, JSON.stringify(body), auth);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        expect([200, 400, 422, 429]).toContain(res.status);
        const after = await written(satelliteId);
        if (res.status === 200) {
          accepted += res.body.accepted as number;
          expect(after.samples).toBe(before.samples + (res.body.accepted as number));
          return;
        }
        refused++;
        const code = { 400: "BAD_REQUEST", 422: "VALIDATION", 429: "RATE_LIMITED" }[res.status];
        expect(res.body.error.code).toBe(code);
        if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        // Refused means untouched: no sample, no last-seen or version change, no delivery, no audit row.
        expect(after).toEqual(before);
      }),
      { numRuns: 110 },
    );
    expect(refused).toBeGreaterThan(0);
    expect((await written(satelliteId)).samples).toBe(start.samples + accepted);
  });

  it("stores a well-formed sample sent after the random ones", async () => {
    const { auth, satelliteId } = await enroll("fuzz-ok");
    const res = await post(
      `${gw.url}/api/agent/v1/heartbeat`,
      { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [sample(9_000_000)] },
      auth,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.accepted).toBe(1);
    const row = await db.telemetrySample.findFirstOrThrow({ where: { satelliteId, seq: 9_000_000 } });
    expect(row.cpuPct).toBe(41.5);
    const satellite = await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } });
    expect(satellite.agentVersion).toBe("1.4.0");
    expect(satellite.lastSeenAt).not.toBeNull();
  });

  it("past the per-agent limit answers 429 with Retry-After and writes nothing", async () => {
    const { auth, satelliteId } = await enroll("fuzz-limit");
    const beat = (seq: number) => ({ agentVersion: "1.0.0", stackVersion: "1.0.0", samples: [sample(seq)] });
    let res = await post(`${gw.url}/api/agent/v1/heartbeat`, beat(1), auth);
    for (let seq = 2; res.status === 200 && seq <= 200; seq++) {
      res = await post(`${gw.url}/api/agent/v1/heartbeat`, beat(seq), auth);
    }
    expect(res.status).toBe(429);
    const before = await written(satelliteId);
    const refused = await post(
      `${gw.url}/api/agent/v1/heartbeat`,
      { agentVersion: "9.9.9", stackVersion: "9.9.9", samples: [sample(10_000)] },
      auth,
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await written(satelliteId)).toEqual(before);
  });
});
