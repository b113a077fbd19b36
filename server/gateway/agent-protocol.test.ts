import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { post, sample, startGateway } from "../../test/gateway";
import type { Ctx } from "../auth/context";
import { createJoinToken } from "../agents/join-tokens";
import { enqueueCommand } from "../commands/enqueue";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { decommissionSatellite } from "../satellites/decommission";

let gw: Awaited<ReturnType<typeof startGateway>>;
let admin: Ctx;
let operator: Ctx;
let n = 0;
const slug = () => `proto-${Date.now().toString(36)}-${n++}`;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  gw = await startGateway();
});
afterAll(() => gw.close());

const enrollUrl = () => `${gw.url}/api/agent/v1/enroll`;
const beatUrl = () => `${gw.url}/api/agent/v1/heartbeat`;
const ackUrl = (id: string) => `${gw.url}/api/agent/v1/commands/${id}/ack`;

function newSatelliteBlock(s = slug()) {
  return {
    slug: s,
    name: "Frankfurt Edge 01",
    kind: "edge",
    provider: "own",
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
    capacity: { cores: 64, memoryGb: 512, storageTb: 40 },
    link: { uplinkMbps: 1000, downlinkMbps: 1000 },
    labels: { tier: "gold" },
  };
}

async function enrolled() {
  const { token } = await createJoinToken(admin, { uses: 1 });
  const res = await post(enrollUrl(), {
    joinToken: token,
    satellite: newSatelliteBlock(),
    agentVersion: "1.4.0",
    stackVersion: "2026.11.1",
  });
  expect(res.status).toBe(201);
  return {
    ...(res.body as { satelliteId: string; agentToken: string }),
    auth: { authorization: `Bearer ${res.body.agentToken}` },
  };
}

async function rowCounts() {
  return {
    samples: await db.telemetrySample.count(),
    satellites: await db.satellite.count(),
    credentials: await db.agentCredential.count(),
    commands: await db.command.findMany({ select: { state: true, deliveries: true } }),
  };
}

describe("POST /api/agent/v1/enroll", () => {
  it("trades a join token for an agent token, stored only as a hash", async () => {
    const { token } = await createJoinToken(admin, { uses: 2, expiresIn: "1h" });
    const block = newSatelliteBlock();
    const res = await post(enrollUrl(), {
      joinToken: token,
      satellite: block,
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
    });
    expect(res.status).toBe(201);
    expect(res.body.agentToken).toMatch(/^orr_agent_[A-Za-z0-9_-]{43}$/);
    expect(res.body.heartbeatIntervalSec).toBe(10);
    const s = await db.satellite.findUniqueOrThrow({ where: { id: res.body.satelliteId } });
    expect(s).toMatchObject({
      slug: block.slug,
      regionId: "eu-gdpr",
      lifecycle: "active",
      agentVersion: "1.4.0",
    });
    const creds = await db.agentCredential.findMany({ where: { satelliteId: s.id } });
    expect(creds).toHaveLength(1);
    expect(JSON.stringify(creds)).not.toContain(res.body.agentToken);
    expect(creds[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("with a token bound to a registered satellite, ignores the satellite fields but the versions", async () => {
    const { id } = await registerSatellite(admin, satelliteInput({ country: "JP" }));
    const { token } = await createJoinToken(admin, { satelliteId: id });
    const res = await post(enrollUrl(), {
      joinToken: token,
      satellite: { ...newSatelliteBlock(), country: "US" },
      agentVersion: "1.4.1",
      stackVersion: "2026.12.0",
    });
    expect(res.status).toBe(201);
    expect(res.body.satelliteId).toBe(id);
    const s = await db.satellite.findUniqueOrThrow({ where: { id } });
    expect(s).toMatchObject({
      country: "JP",
      regionId: "jp-appi",
      lifecycle: "active",
      agentVersion: "1.4.1",
      stackVersion: "2026.12.0",
    });
  });

  it("refuses used-up, expired, revoked and unknown join tokens with 401, writing nothing", async () => {
    const { token } = await createJoinToken(admin, { uses: 1 });
    expect(
      (
        await post(enrollUrl(), {
          joinToken: token,
          satellite: newSatelliteBlock(),
          agentVersion: "1",
          stackVersion: "1",
        })
      ).status,
    ).toBe(201);
    const before = await rowCounts();
    for (const joinToken of [token, "orr_join_" + "x".repeat(43), "not-a-token"]) {
      const res = await post(enrollUrl(), {
        joinToken,
        satellite: newSatelliteBlock(),
        agentVersion: "1",
        stackVersion: "1",
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHORIZED");
    }
    const expired = await createJoinToken(
      admin,
      { uses: 1, expiresIn: "1m" },
      new Date(Date.now() - 120_000),
    );
    expect(
      (
        await post(enrollUrl(), {
          joinToken: expired.token,
          satellite: newSatelliteBlock(),
          agentVersion: "1",
          stackVersion: "1",
        })
      ).status,
    ).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 409 for a slug already taken, 422 with field paths for bad fields, and writes nothing", async () => {
    const taken = newSatelliteBlock();
    const first = await createJoinToken(admin, { uses: 5 });
    expect(
      (
        await post(enrollUrl(), {
          joinToken: first.token,
          satellite: taken,
          agentVersion: "1",
          stackVersion: "1",
        })
      ).status,
    ).toBe(201);
    const before = await rowCounts();
    const conflict = await post(enrollUrl(), {
      joinToken: first.token,
      satellite: taken,
      agentVersion: "1",
      stackVersion: "1",
    });
    expect(conflict.status).toBe(409);
    expect(Object.keys(conflict.body.error.fields)).toEqual(["satellite.slug"]);
    const bad = await post(enrollUrl(), {
      joinToken: first.token,
      satellite: { ...newSatelliteBlock(), lat: 91, country: "XX" },
      agentVersion: "1",
      stackVersion: "1",
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["satellite.country", "satellite.lat"]);
    const unbound = await post(enrollUrl(), { joinToken: first.token, agentVersion: "1", stackVersion: "1" });
    expect(unbound.status).toBe(422);
    expect(unbound.body.error.fields.satellite).toMatch(/required/);
    expect(await rowCounts()).toEqual(before);
    // The refused attempts did not spend the token's uses.
    expect((await db.joinToken.findUniqueOrThrow({ where: { id: first.id } })).uses).toBe(1);
  });
});

describe("transport errors", () => {
  it("400 for a body that is not JSON, 415 for another content type, 413 past 256 KiB", async () => {
    const { auth } = await enrolled();
    const before = await rowCounts();
    const notJson = await post(beatUrl(), "{ nope", auth);
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("BAD_REQUEST");
    const wrongType = await post(beatUrl(), JSON.stringify({ samples: [] }), {
      ...auth,
      "content-type": "text/plain",
    });
    expect(wrongType.status).toBe(415);
    const huge = await post(beatUrl(), JSON.stringify({ pad: "x".repeat(300 * 1024) }), auth);
    expect(huge.status).toBe(413);
    const unknownPath = await post(`${gw.url}/api/agent/v1/nope`, {});
    expect(unknownPath.status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("POST /api/agent/v1/heartbeat", () => {
  it("stores samples once per seq, updates the satellite, and answers after the commit", async () => {
    const { satelliteId, auth } = await enrolled();
    const body = {
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
      samples: [sample(1), sample(2, new Date(), { services: { compute: "ok", network: "degraded" } })],
    };
    const first = await post(beatUrl(), body, auth);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      accepted: 2,
      duplicates: 0,
      lastSeq: 2,
      heartbeatIntervalSec: 10,
      commands: [],
    });
    expect(await db.telemetrySample.count({ where: { satelliteId } })).toBe(2);
    const again = await post(beatUrl(), body, auth);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, lastSeq: 2 });
    const s = await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } });
    expect(s.reportedHealth).toBe("degraded");
    expect(s.lastSeenAt).not.toBeNull();
    expect(Number(s.lastSeq)).toBe(2);
    // An older buffered sample arriving late does not overwrite the newer state.
    const late = await post(
      beatUrl(),
      { ...body, samples: [sample(0, new Date(Date.now() - 3_600_000), { services: { compute: "down" } })] },
      auth,
    );
    expect(late.body).toMatchObject({ accepted: 1, lastSeq: 2 });
    expect((await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } })).reportedHealth).toBe(
      "degraded",
    );
  });

  it.each([
    ["samples[0].cpuPct", { samples: [sample(1, new Date(), { cpuPct: 101 })] }],
    ["samples[0].lossPct", { samples: [sample(1, new Date(), { lossPct: -1 })] }],
    ["samples[0].at", { samples: [sample(1, new Date(Date.now() + 10 * 60_000))] }],
    ["samples[0].at", { samples: [sample(1, new Date(Date.now() - 8 * 86_400_000))] }],
    ["samples[0].at", { samples: [sample(1, new Date(), { at: "yesterday" })] }],
    ["samples[0].services.network", { samples: [sample(1, new Date(), { services: { network: "meh" } })] }],
    ["samples[0].seq", { samples: [sample(-1)] }],
    ["samples[0].seq", { samples: [sample(2 ** 53)] }],
    ["samples[1].seq", { samples: [sample(5), sample(5)] }],
    ["samples", { samples: [] }],
    ["samples", { samples: Array.from({ length: 501 }, (_, i) => sample(i)) }],
    ["agentVersion", { agentVersion: undefined }],
  ])("422 naming %s, and nothing written", async (field, patch) => {
    const { auth } = await enrolled();
    const before = await rowCounts();
    const res = await post(
      beatUrl(),
      { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [sample(1)], ...patch },
      auth,
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it("401 for a missing, malformed, unknown or revoked token", async () => {
    const body = { agentVersion: "1", stackVersion: "1", samples: [sample(1)] };
    expect((await post(beatUrl(), body)).status).toBe(401);
    expect((await post(beatUrl(), body, { authorization: "Bearer nope" })).status).toBe(401);
    expect(
      (await post(beatUrl(), body, { authorization: `Bearer orr_agent_${"a".repeat(43)}` })).status,
    ).toBe(401);
    const { satelliteId, auth } = await enrolled();
    await decommissionSatellite(admin, { id: satelliteId, reason: "test revocation" });
    // The gateway remembers a good token for a few seconds; a fresh process sees the revocation at once.
    const { forgetAgentTokens } = await import("../agents/auth");
    forgetAgentTokens();
    const revoked = await post(beatUrl(), body, auth);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revoked/);
  });

  it("429 with Retry-After past 120 calls a minute for one agent", async () => {
    const { auth } = await enrolled();
    const body = { agentVersion: "1", stackVersion: "1", samples: [sample(1)] };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // The bucket refills 2 calls a second: with the clock held still, a slow machine cannot refill it
    // between calls and hide the limit.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      for (let i = 0; i < 125; i++) {
        const res = await post(beatUrl(), body, auth);
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get("retry-after");
      }
    } finally {
      vi.useRealTimers();
    }
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe("commands over the protocol", () => {
  it("deliver on a heartbeat, then ack idempotently; conflicts are 409 and other satellites' commands 404", async () => {
    const a = await enrolled();
    const b = await enrolled();
    const cmd = await enqueueCommand(operator, { satelliteId: a.satelliteId, type: "diagnostics.run" });
    const beat = await post(
      beatUrl(),
      { agentVersion: "1", stackVersion: "1", samples: [sample(1)] },
      a.auth,
    );
    expect(beat.body.commands).toHaveLength(1);
    expect(beat.body.commands[0]).toMatchObject({
      id: cmd.id,
      type: "diagnostics.run",
      idempotencyKey: cmd.idempotencyKey,
    });
    expect(beat.body.commands[0].expiresAt).toMatch(/Z$/);
    // Within its lease it is not delivered again.
    expect(
      (await post(beatUrl(), { agentVersion: "1", stackVersion: "1", samples: [sample(2)] }, a.auth)).body
        .commands,
    ).toEqual([]);

    expect((await post(ackUrl(cmd.id), { status: "running" }, b.auth)).status).toBe(404);
    expect((await post(ackUrl("nope"), { status: "running" }, a.auth)).status).toBe(404);
    expect((await post(ackUrl(cmd.id), { status: "finished" }, a.auth)).status).toBe(422);
    const running = await post(ackUrl(cmd.id), { status: "running" }, a.auth);
    expect(running.body).toMatchObject({ id: cmd.id, state: "running" });
    const done = await post(
      ackUrl(cmd.id),
      { status: "succeeded", message: "all good", result: { uptimeSec: 5 } },
      a.auth,
    );
    expect(done.status).toBe(200);
    expect(done.body.state).toBe("succeeded");
    const repeat = await post(ackUrl(cmd.id), { status: "succeeded", message: "all good" }, a.auth);
    expect(repeat.body).toEqual(done.body);
    const conflict = await post(ackUrl(cmd.id), { status: "failed" }, a.auth);
    expect(conflict.status).toBe(409);
    const stored = await db.command.findUniqueOrThrow({ where: { id: cmd.id } });
    expect(stored).toMatchObject({ state: "succeeded", deliveries: 1, message: "all good" });
    expect(stored.result).toEqual({ uptimeSec: 5 });
  });

  it("a confirmed cordon cordons the satellite", async () => {
    const a = await enrolled();
    const cmd = await enqueueCommand(operator, {
      satelliteId: a.satelliteId,
      type: "satellite.cordon",
      payload: { reason: "disk swap" },
    });
    await post(beatUrl(), { agentVersion: "1", stackVersion: "1", samples: [sample(1)] }, a.auth);
    expect((await db.satellite.findUniqueOrThrow({ where: { id: a.satelliteId } })).lifecycle).toBe("active");
    await post(ackUrl(cmd.id), { status: "succeeded" }, a.auth);
    expect((await db.satellite.findUniqueOrThrow({ where: { id: a.satelliteId } })).lifecycle).toBe(
      "cordoned",
    );
  });
});

describe("nothing lost", () => {
  it("the same buffered batch sent several times at once is stored exactly once", async () => {
    const { satelliteId, auth } = await enrolled();
    const start = Date.now() - 3_600_000;
    const buffered = Array.from({ length: 360 }, (_, i) => sample(i + 1, new Date(start + i * 10_000)));
    const body = { agentVersion: "1", stackVersion: "1", samples: buffered };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(beatUrl(), body, auth)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((sum, a) => sum + a.body.accepted, 0)).toBe(360);
    expect(answers.reduce((sum, a) => sum + a.body.duplicates, 0)).toBe(4 * 360);
    const stored = await db.telemetrySample.findMany({
      where: { satelliteId },
      select: { seq: true },
      orderBy: { seq: "asc" },
    });
    expect(stored.map((s) => Number(s.seq))).toEqual(buffered.map((s) => s.seq));
  });
});

describe("hostile requests", () => {
  it("a malformed escape in the path is a 404, and the server keeps answering", async () => {
    const res = await post(`${gw.url}/api/agent/v1/commands/%zz/ack`, { status: "running" });
    expect(res.status).toBe(404);
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
  });

  it("NUL characters are refused with 422 on both databases, writing nothing", async () => {
    const { auth } = await enrolled();
    const before = await rowCounts();
    const res = await post(
      beatUrl(),
      { agentVersion: "1\u0000", stackVersion: "1", samples: [sample(1)] },
      auth,
    );
    expect(res.status).toBe(422);
    expect(await rowCounts()).toEqual(before);
  });

  it("guessing tokens from one address earns 429s, but a valid agent at that address is never refused", async () => {
    const { auth } = await enrolled();
    const statuses: number[] = [];
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() }); // no refill between guesses on a slow machine
    try {
      for (let i = 0; i < 35; i++) {
        const res = await post(
          beatUrl(),
          { agentVersion: "1", stackVersion: "1", samples: [sample(i)] },
          { authorization: `Bearer orr_agent_${"b".repeat(43)}` },
        );
        statuses.push(res.status);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    const ok = await post(beatUrl(), { agentVersion: "1", stackVersion: "1", samples: [sample(1)] }, auth);
    expect(ok.status).toBe(200);
  });

  it("a token bound to a registered satellite ignores even an invalid satellite block", async () => {
    const { id } = await registerSatellite(admin, satelliteInput());
    const { token } = await createJoinToken(admin, { satelliteId: id });
    const res = await post(enrollUrl(), {
      joinToken: token,
      satellite: { lat: "nowhere" },
      agentVersion: "1.4.0",
      stackVersion: "1",
    });
    expect(res.status).toBe(201);
    expect(res.body.satelliteId).toBe(id);
  });
});
