import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { post, sample, startGateway } from "../../test/gateway";
import { createJoinToken } from "../agents/join-tokens";
import { db } from "../db";

let gw: Awaited<ReturnType<typeof startGateway>>;
let auth: Record<string, string>;

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  gw = await startGateway();
  const { token } = await createJoinToken(admin, { uses: 1 });
  const res = await post(`${gw.url}/api/agent/v1/enroll`, {
    joinToken: token,
    satellite: {
      slug: `fuzz-${Date.now().toString(36)}`,
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
  auth = { authorization: `Bearer ${res.body.agentToken}` };
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
  it("never answers 5xx and never stores a sample from a rejected request", async () => {
    const before = await db.telemetrySample.count();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, heartbeatLike), async (body) => {
        const res = await post(`${gw.url}/api/agent/v1/heartbeat`, JSON.stringify(body), auth);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        expect([200, 400, 422, 429]).toContain(res.status);
        if (res.status === 200) accepted += res.body.accepted as number;
        else expect(res.body.error.code).toBeTruthy();
      }),
      { numRuns: 110 },
    );
    expect(await db.telemetrySample.count()).toBe(before + accepted);
  });

  it("answers the sample itself correctly between the random ones", async () => {
    const res = await post(
      `${gw.url}/api/agent/v1/heartbeat`,
      { agentVersion: "1", stackVersion: "1", samples: [sample(9_000_000)] },
      auth,
    );
    expect([200, 429]).toContain(res.status);
  });
});
