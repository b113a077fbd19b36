import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { post, sample, startGateway } from "../../test/gateway";
import type { Ctx } from "../auth/context";
import { createJoinToken } from "../agents/join-tokens";
import { revokeAgentCredentials } from "../agents/revoke";
import { enqueueCommand } from "../commands/enqueue";
import { db } from "../db";
import { settleCommands } from "../reconciler/commands";
import { decommissionSatellite } from "../satellites/decommission";
import { registerSatellite } from "../satellites/register";

let gw: Awaited<ReturnType<typeof startGateway>>;
let admin: Ctx;
let operator: Ctx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  gw = await startGateway();
});
afterAll(() => gw.close());
afterAll(() => vi.useRealTimers());

const beat = (token: string, ...seqs: number[]) =>
  post(
    `${gw.url}/api/agent/v1/heartbeat`,
    { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: seqs.map((s) => sample(s)) },
    { authorization: `Bearer ${token}` },
  );
const ack = (token: string, id: string, status: string) =>
  post(`${gw.url}/api/agent/v1/commands/${id}/ack`, { status }, { authorization: `Bearer ${token}` });
const enroll = (joinToken: string) =>
  post(`${gw.url}/api/agent/v1/enroll`, { joinToken, agentVersion: "1.4.0", stackVersion: "2026.11.1" });

/** A registered satellite whose agent enrolled with a bound join token, as the README describes. */
async function enrolledSatellite() {
  const { id, slug } = await registerSatellite(admin, satelliteInput());
  const { token } = await createJoinToken(admin, { satelliteId: id });
  const res = await enroll(token);
  expect(res.status).toBe(201);
  return { id, slug, token: res.body.agentToken as string };
}

async function storedSeqs(satelliteId: string) {
  const rows = await db.telemetrySample.findMany({
    where: { satelliteId, seq: { gte: 0 } },
    select: { seq: true },
    orderBy: { seq: "asc" },
  });
  return rows.map((r) => Number(r.seq));
}

async function auditActions(satelliteId: string) {
  const rows = await db.auditEvent.findMany({
    where: { targetType: "satellite", targetId: satelliteId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => r.action);
}

/**
 * Moves the clock of this process (the gateway's too) forward; it keeps running from there, and timers stay
 * real. Never back: the gateway's rate limiters would see time run backwards.
 */
function advanceClock(ms: number) {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(now + ms);
}

describe("agent.rotate-credentials", () => {
  it("keeps heartbeats flowing: old token during the grace period, new one after, old one refused after it", async () => {
    const sat = await enrolledSatellite();
    const cmd = await enqueueCommand(operator, { satelliteId: sat.id, type: "agent.rotate-credentials" });

    const delivered = await beat(sat.token, 1);
    expect(delivered.status).toBe(200);
    expect(delivered.body.commands).toHaveLength(1);
    const newToken = delivered.body.commands[0].payload.agentToken as string;
    expect(newToken).toMatch(/^orr_agent_[A-Za-z0-9_-]{43}$/);
    expect(newToken).not.toBe(sat.token);
    // The command as stored and listed never holds the token.
    const stored = await db.command.findUniqueOrThrow({ where: { id: cmd.id } });
    expect(JSON.stringify(stored.payload)).not.toContain(newToken);

    // Until the agent uses the new token, the old one is untouched.
    expect((await beat(sat.token, 2)).status).toBe(200);
    // The agent saves it, then acks with it, then carries on with it.
    expect((await ack(newToken, cmd.id, "succeeded")).status).toBe(200);
    expect((await beat(newToken, 3)).status).toBe(200);
    // A heartbeat already on its way with the old token still lands during the grace period.
    expect((await beat(sat.token, 4)).status).toBe(200);

    advanceClock(10 * 60_000 + 1_000);
    const late = await beat(sat.token, 5);
    expect(late.status).toBe(401);
    expect((await beat(newToken, 5)).status).toBe(200);
    expect(await storedSeqs(sat.id)).toEqual([1, 2, 3, 4, 5]);
    expect((await db.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("succeeded");

    const actions = await auditActions(sat.id);
    expect(actions).toEqual(
      expect.arrayContaining([
        "agent.credentials.issue",
        "agent.credentials.rotate",
        "agent.credential.expire",
      ]),
    );
    const expire = await db.auditEvent.findFirstOrThrow({
      where: { targetId: sat.id, action: "agent.credential.expire" },
    });
    expect(expire.summary).toMatch(/stops working at .* replaced by/);
  });

  it("a redelivered rotation never leaves the agent without a working token", async () => {
    const sat = await enrolledSatellite();
    const cmd = await enqueueCommand(operator, { satelliteId: sat.id, type: "agent.rotate-credentials" });
    const first = await beat(sat.token, 1);
    const lost = first.body.commands[0].payload.agentToken as string; // this answer never reached the agent
    advanceClock(61_000); // past the delivery lease
    const again = await beat(sat.token, 2);
    expect(again.body.commands).toHaveLength(1);
    const second = again.body.commands[0].payload.agentToken as string;
    expect(second).not.toBe(lost);
    expect((await db.command.findUniqueOrThrow({ where: { id: cmd.id } })).deliveries).toBe(2);
    // Nothing was retired by the deliveries themselves: the agent still holds a working token.
    expect((await beat(sat.token, 3)).status).toBe(200);

    expect((await ack(second, cmd.id, "succeeded")).status).toBe(200);
    expect((await beat(second, 4)).status).toBe(200);
    // The token of the lost answer was never used: it is revoked once the rotation is settled.
    expect((await beat(lost, 5)).status).toBe(401);
    expect((await beat(sat.token, 5)).status).toBe(200);
    expect(await storedSeqs(sat.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it("an agent that cannot take the new token acks failed and keeps its old one", async () => {
    const sat = await enrolledSatellite();
    const cmd = await enqueueCommand(operator, { satelliteId: sat.id, type: "agent.rotate-credentials" });
    const unused = (await beat(sat.token, 1)).body.commands[0].payload.agentToken as string;
    expect((await ack(sat.token, cmd.id, "failed")).status).toBe(200);
    advanceClock(11 * 60_000);
    expect((await beat(sat.token, 2)).status).toBe(200);
    expect((await beat(unused, 3)).status).toBe(401);
  });

  it("a rotation that expires without an ack leaves no usable token behind", async () => {
    const sat = await enrolledSatellite();
    const cmd = await enqueueCommand(operator, { satelliteId: sat.id, type: "agent.rotate-credentials" });
    // The answer carrying the minted token never reached the agent; the minted token was never used.
    const lost = (await beat(sat.token, 1)).body.commands[0].payload.agentToken as string;
    await db.command.update({ where: { id: cmd.id }, data: { expiresAt: new Date(Date.now() + 1_000) } });
    advanceClock(61_000); // past the delivery lease and the command's expiry
    await settleCommands(new Date());
    expect((await db.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("expired");
    expect((await beat(lost, 2)).status).toBe(401);
    expect((await beat(sat.token, 3)).status).toBe(200);
    expect(await auditActions(sat.id)).toContain("agent.credential.expire");
  });
});

describe("revoking credentials", () => {
  it("refuses a revoked token at once in this process, even one it just accepted", async () => {
    const sat = await enrolledSatellite();
    expect((await beat(sat.token, 1)).status).toBe(200); // now in the 5 s token cache
    const started = performance.now();
    const revoked = await revokeAgentCredentials(admin, { satelliteId: sat.id, reason: "token leaked" });
    const refused = await beat(sat.token, 2);
    expect(refused.status).toBe(401);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(revoked.revokedTokens).toBe(1);
    expect(revoked.joinToken.token).toMatch(/^orr_join_/);
    const join = await db.joinToken.findUniqueOrThrow({ where: { id: revoked.joinToken.id } });
    expect(join).toMatchObject({ satelliteId: sat.id, maxUses: 1, uses: 0 });
  });

  it("refuses it at once when the revocation runs in another copy of the code, as a console action does", async () => {
    const sat = await enrolledSatellite();
    expect((await beat(sat.token, 1)).status).toBe(200); // cached by the gateway's copy of the auth module
    // Next's bundle holds its own copy of server/: a fresh module graph stands in for it.
    vi.resetModules();
    const fresh = await import("../agents/revoke");
    await fresh.revokeAgentCredentials(admin, { satelliteId: sat.id, reason: "revoked from the console" });
    expect((await beat(sat.token, 2)).status).toBe(401);
  });

  it("a decommission refuses a just-accepted token at once too", async () => {
    const sat = await enrolledSatellite();
    expect((await beat(sat.token, 1)).status).toBe(200);
    await decommissionSatellite(admin, { id: sat.id, reason: "site closed" });
    expect((await beat(sat.token, 2)).status).toBe(401);
  });

  it("recovers from a poisoned seq: after revoke and re-enroll the real agent's heartbeats are stored and update health", async () => {
    const sat = await enrolledSatellite();
    const stolen = sat.token;
    expect((await beat(sat.token, 1, 2, 3)).status).toBe(200);
    // A thief with the token claims the last possible seq with a critical health.
    const poison = await post(
      `${gw.url}/api/agent/v1/heartbeat`,
      {
        agentVersion: "1.4.0",
        stackVersion: "2026.11.1",
        samples: [sample(Number.MAX_SAFE_INTEGER, new Date(), { services: { compute: "down" } })],
      },
      { authorization: `Bearer ${stolen}` },
    );
    expect(poison.body.lastSeq).toBe(Number.MAX_SAFE_INTEGER);
    // The real agent is stored but ignored for health: it is frozen.
    await beat(sat.token, 4);
    expect((await db.satellite.findUniqueOrThrow({ where: { id: sat.id } })).reportedHealth).toBe("critical");

    const { joinToken } = await revokeAgentCredentials(admin, {
      satelliteId: sat.id,
      reason: "seq poisoned",
    });
    expect((await beat(stolen, 5)).status).toBe(401);
    const again = await enroll(joinToken.token);
    expect(again.status).toBe(201);
    expect(again.body.satelliteId).toBe(sat.id);
    const fresh = again.body.agentToken as string;

    // An agent with a fresh state directory restarts at seq 1: not a duplicate of the old rows.
    const first = await beat(fresh, 1);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0, lastSeq: 1 });
    const s = await db.satellite.findUniqueOrThrow({ where: { id: sat.id } });
    expect(s.reportedHealth).toBe("healthy");
    expect(Number(s.lastSeq)).toBe(1);
    // One that kept its state carries on above its old numbers, stored and counted as well.
    expect((await beat(fresh, 5, 6)).body).toMatchObject({ accepted: 2, lastSeq: 6 });
    expect(await storedSeqs(sat.id)).toEqual([1, 5, 6]);
    // The earlier samples are kept (for the charts), below every seq an agent may send.
    expect(await db.telemetrySample.count({ where: { satelliteId: sat.id, seq: { lt: 0 } } })).toBe(5);
    expect(await db.joinToken.findUniqueOrThrow({ where: { id: joinToken.id } })).toMatchObject({ uses: 1 });

    const actions = await auditActions(sat.id);
    expect(actions).toEqual(expect.arrayContaining(["agent.credentials.revoke", "agent.reenroll"]));
    const reenroll = await db.auditEvent.findFirstOrThrow({
      where: { targetId: sat.id, action: "agent.reenroll" },
    });
    expect(reenroll.summary).toContain(`was ${Number.MAX_SAFE_INTEGER}`);
    expect(
      await db.auditEvent.count({ where: { action: "join-token.create", targetId: joinToken.id } }),
    ).toBe(1);
  });

  it("a second re-enrollment archives again without colliding with the first archive", async () => {
    const sat = await enrolledSatellite();
    await beat(sat.token, 1, 2);
    const r1 = await revokeAgentCredentials(admin, { satelliteId: sat.id, reason: "first" });
    const t1 = (await enroll(r1.joinToken.token)).body.agentToken as string;
    await beat(t1, 1, 2, 3);
    const r2 = await revokeAgentCredentials(admin, { satelliteId: sat.id, reason: "second" });
    const t2 = (await enroll(r2.joinToken.token)).body.agentToken as string;
    expect((await beat(t2, 1)).body).toMatchObject({ accepted: 1 });
    expect(await db.telemetrySample.count({ where: { satelliteId: sat.id } })).toBe(6);
  });

  it("is for admins only: viewers and operators get FORBIDDEN, anonymous UNAUTHORIZED, and nothing changes", async () => {
    const sat = await enrolledSatellite();
    const viewer = await ctxAs("viewer");
    for (const [ctx, code] of [
      [viewer, "FORBIDDEN"],
      [operator, "FORBIDDEN"],
      [anonymous, "UNAUTHORIZED"],
    ] as const) {
      await expect(
        revokeAgentCredentials(ctx, { satelliteId: sat.id, reason: "nope" }),
      ).rejects.toMatchObject({
        code,
      });
    }
    expect((await beat(sat.token, 1)).status).toBe(200);
    expect(await db.agentCredential.count({ where: { satelliteId: sat.id, revokedAt: { not: null } } })).toBe(
      0,
    );
    expect(await auditActions(sat.id)).not.toContain("agent.credentials.revoke");
  });

  it("validates its input with the field named", async () => {
    const sat = await enrolledSatellite();
    await expect(revokeAgentCredentials(admin, { satelliteId: sat.id, reason: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { reason: expect.any(String) },
    });
    await expect(
      revokeAgentCredentials(admin, { satelliteId: sat.id, reason: "leak", expiresIn: "90d" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { expiresIn: expect.any(String) } });
    await expect(
      revokeAgentCredentials(admin, { satelliteId: "nope", reason: "leak" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
