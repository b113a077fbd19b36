import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample } from "../../test/gateway";
import type { AgentIdentity } from "../agents/auth";
import { recordHeartbeat } from "../agents/heartbeat";
import type { Ctx } from "../auth/context";
import { enqueueCommand } from "../commands/enqueue";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { settleCommands } from "./commands";
import { recordConnectivityTransitions } from "./connectivity";
import { Reconciler } from "./index";
import { applyRetention } from "./retention";
import { rollUp } from "./rollups";

let admin: Ctx;
let operator: Ctx;
const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
});

async function agent(): Promise<AgentIdentity> {
  const { id, slug } = await registerSatellite(admin, satelliteInput());
  return {
    credentialId: `cred-${id}`,
    satelliteId: id,
    slug,
    regionId: "eu-gdpr",
    intervalSec: 10,
    expiresAt: null,
  };
}

const beat = (
  a: AgentIdentity,
  now: Date,
  seqs: number[],
  patch: (seq: number) => Record<string, unknown> = () => ({}),
) =>
  recordHeartbeat(
    a,
    { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: seqs.map((s) => sample(s, now, patch(s))) },
    now,
  );

describe("connectivity transitions", () => {
  it("records connected → stale → offline → connected, with offline and recovery in the audit log", async () => {
    const a = await agent();
    await beat(a, at(0), [1]);
    await recordConnectivityTransitions(at(1));
    await recordConnectivityTransitions(at(45)); // stale after 40 s
    await recordConnectivityTransitions(at(200)); // offline after 180 s
    await recordConnectivityTransitions(at(210)); // nothing new
    await beat(a, at(300), [2]);
    await recordConnectivityTransitions(at(301));
    const events = await db.connectivityEvent.findMany({
      where: { satelliteId: a.satelliteId },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => `${e.from}→${e.to}`)).toEqual([
      "never_seen→connected",
      "connected→stale",
      "stale→offline",
      "offline→connected",
    ]);
    const audit = await db.auditEvent.findMany({
      where: { targetId: a.satelliteId, action: { in: ["satellite.offline", "satellite.online"] } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["satellite.offline", "satellite.online"]);
    expect(audit[0].summary).toMatch(/went offline \(last seen 3 min ago\)/);
  });
});

describe("command leases", () => {
  it("redelivers after the 60 s lease, fails after 10 deliveries, and expires unsent commands", async () => {
    const a = await agent();
    const cmd = await enqueueCommand(
      operator,
      {
        satelliteId: a.satelliteId,
        type: "service.restart",
        payload: { service: "dns" },
        expiresInSec: 7200,
      },
      at(0),
    );
    let seq = 1;
    expect((await beat(a, at(1), [seq++])).commands.map((c) => c.id)).toEqual([cmd.id]);
    expect((await beat(a, at(30), [seq++])).commands).toEqual([]); // leased
    await settleCommands(at(62));
    expect((await db.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("queued");
    expect((await beat(a, at(63), [seq++])).commands.map((c) => c.id)).toEqual([cmd.id]);
    for (let i = 3; i <= 10; i++) {
      await settleCommands(at(63 + (i - 2) * 61));
      expect((await beat(a, at(64 + (i - 2) * 61), [seq++])).commands).toHaveLength(1);
    }
    expect((await db.command.findUniqueOrThrow({ where: { id: cmd.id } })).deliveries).toBe(10);
    await settleCommands(at(2000));
    const failed = await db.command.findUniqueOrThrow({ where: { id: cmd.id } });
    expect(failed.state).toBe("failed");
    expect(failed.message).toMatch(/undeliverable/);
    expect((await beat(a, at(2001), [seq++])).commands).toEqual([]);

    const stale = await enqueueCommand(
      operator,
      { satelliteId: a.satelliteId, type: "diagnostics.run", expiresInSec: 60 },
      at(3000),
    );
    await settleCommands(at(3061));
    expect((await db.command.findUniqueOrThrow({ where: { id: stale.id } })).state).toBe("expired");
    expect((await beat(a, at(3062), [seq++])).commands).toEqual([]);
  });

  it("an idempotency key queues one command, however often it is sent", async () => {
    const a = await agent();
    const first = await enqueueCommand(operator, {
      satelliteId: a.satelliteId,
      type: "diagnostics.run",
      idempotencyKey: `diag-${a.satelliteId}`,
    });
    const again = await enqueueCommand(operator, {
      satelliteId: a.satelliteId,
      type: "diagnostics.run",
      idempotencyKey: `diag-${a.satelliteId}`,
    });
    expect(again).toMatchObject({ id: first.id, isNew: false });
    expect(await db.command.count({ where: { satelliteId: a.satelliteId } })).toBe(1);
  });
});

describe("roll-ups and retention", () => {
  it("5-minute and hourly roll-ups agree with the raw samples, late samples included", async () => {
    const a = await agent();
    const base = new Date("2026-11-21T08:00:00.000Z");
    const raw: { at: Date; cpu: number; rx: number; down: boolean }[] = [];
    for (let i = 0; i < 90; i++)
      raw.push({
        at: new Date(base.getTime() + i * 10_000),
        cpu: (i * 7) % 100,
        rx: 100 + i,
        down: i % 9 === 0,
      });
    const body = (slice: typeof raw, offset: number) => ({
      agentVersion: "1",
      stackVersion: "1",
      samples: slice.map((r, j) => ({
        ...sample(offset + j, r.at),
        cpuPct: r.cpu,
        rxMbps: r.rx,
        services: { compute: r.down ? "down" : "ok" },
      })),
    });
    const now = new Date(base.getTime() + 16 * 60_000);
    // First the newer half arrives, a roll-up runs, then the older half arrives late from a buffer.
    await recordHeartbeat(a, body(raw.slice(45), 45), now);
    await rollUp(new Date(now.getTime() + 31_000));
    await recordHeartbeat(a, body(raw.slice(0, 45), 0), new Date(now.getTime() + 40_000));
    await rollUp(new Date(now.getTime() + 75_000));
    await rollUp(new Date(now.getTime() + 80_000)); // idempotent

    const rollups = await db.telemetryRollup.findMany({
      where: { satelliteId: a.satelliteId, bucketSec: 300 },
      orderBy: { bucketStart: "asc" },
    });
    expect(rollups).toHaveLength(3);
    for (const r of rollups) {
      const inBucket = raw.filter(
        (x) => x.at >= r.bucketStart && x.at.getTime() < r.bucketStart.getTime() + 300_000,
      );
      expect(r.samples).toBe(inBucket.length);
      expect(r.cpuAvg).toBeCloseTo(inBucket.reduce((s, x) => s + x.cpu, 0) / inBucket.length, 6);
      expect(r.rxMax).toBe(Math.max(...inBucket.map((x) => x.rx)));
      expect(r.criticalCount).toBe(inBucket.filter((x) => x.down).length);
      expect(r.expectedCount).toBe(30);
    }
    const hourly = await db.telemetryRollup.findMany({
      where: { satelliteId: a.satelliteId, bucketSec: 3600 },
    });
    expect(hourly).toHaveLength(1);
    expect(hourly[0].bucketStart.toISOString()).toBe("2026-11-21T08:00:00.000Z");
    expect(hourly[0].samples).toBe(90);
    expect(hourly[0].cpuAvg).toBeCloseTo(raw.reduce((s, x) => s + x.cpu, 0) / 90, 6);
    expect(hourly[0].criticalCount).toBe(raw.filter((x) => x.down).length);

    // A sample of a bucket still open at roll-up time is rolled up once that bucket has closed.
    const open = new Date("2026-11-21T08:20:10.000Z");
    await recordHeartbeat(a, { agentVersion: "1", stackVersion: "1", samples: [sample(500, open)] }, open);
    await rollUp(new Date("2026-11-21T08:21:00.000Z"));
    expect(await db.telemetryRollup.count({ where: { satelliteId: a.satelliteId, bucketSec: 300 } })).toBe(3);
    await rollUp(new Date("2026-11-21T08:26:00.000Z"));
    const closed = await db.telemetryRollup.findMany({
      where: { satelliteId: a.satelliteId, bucketSec: 300 },
      orderBy: { bucketStart: "asc" },
    });
    expect(closed.map((r) => r.bucketStart.toISOString().slice(11, 16))).toEqual([
      "08:00",
      "08:05",
      "08:10",
      "08:20",
    ]);
    expect(closed[3].samples).toBe(1);
  });

  it("retention deletes exactly what is past 48 h, 30 days and 400 days", async () => {
    const a = await agent();
    const now = new Date("2026-11-28T12:00:00.000Z");
    const hour = 3_600_000;
    const old = new Date(now.getTime() - 48 * hour - 1000);
    const young = new Date(now.getTime() - 48 * hour + 60_000);
    await recordHeartbeat(
      a,
      { agentVersion: "1", stackVersion: "1", samples: [sample(1, old), sample(2, young)] },
      new Date(now.getTime() - 47 * hour),
    );
    const mk = (bucketSec: number, ageMs: number) => ({
      satelliteId: a.satelliteId,
      bucketSec,
      bucketStart: new Date(now.getTime() - ageMs),
      samples: 1,
      cpuAvg: 1,
      cpuMax: 1,
      memAvg: 1,
      diskAvg: 1,
      rxAvg: 1,
      rxMax: 1,
      txAvg: 1,
      txMax: 1,
      rttAvg: 1,
      rttMax: 1,
      lossAvg: 0,
      healthyCount: 1,
      degradedCount: 0,
      criticalCount: 0,
      expectedCount: 1,
    });
    await db.telemetryRollup.createMany({
      data: [
        mk(300, 30 * 24 * hour + 1000),
        mk(300, 30 * 24 * hour - 60_000),
        mk(3600, 400 * 24 * hour + 1000),
        mk(3600, 400 * 24 * hour - hour),
      ],
    });
    const answer = { method: "POST", path: "/commands", bodyHash: "h", status: 202, body: "{}" };
    await db.idempotencyRecord.createMany({
      data: [
        { ...answer, scope: "token:a", key: "old", createdAt: new Date(now.getTime() - 25 * hour) },
        { ...answer, scope: "token:a", key: "new", createdAt: new Date(now.getTime() - hour) },
      ],
    });
    const deleted = await applyRetention(now);
    expect(deleted.raw).toBeGreaterThanOrEqual(1);
    expect(deleted.idempotency).toBe(1);
    expect((await db.idempotencyRecord.findMany({ where: { scope: "token:a" } })).map((r) => r.key)).toEqual([
      "new",
    ]);
    const left = await db.telemetrySample.findMany({ where: { satelliteId: a.satelliteId } });
    expect(left.map((s) => Number(s.seq))).toEqual([2]);
    const rollups = await db.telemetryRollup.findMany({
      where: { satelliteId: a.satelliteId },
      orderBy: [{ bucketSec: "asc" }],
    });
    expect(rollups.map((r) => r.bucketSec)).toEqual([300, 3600]);
  });
});

describe("leadership", () => {
  it("one reconciler works at a time; another takes over when it stops or its lease lapses", async () => {
    const one = new Reconciler("one");
    const two = new Reconciler("two");
    const now = new Date();
    expect((await one.tick(now)).isLeader).toBe(true);
    expect((await two.tick(now)).isLeader).toBe(false);
    expect((await one.tick(new Date(now.getTime() + 5000))).isLeader).toBe(true);
    await one.stop();
    expect((await two.tick(new Date(now.getTime() + 6000))).isLeader).toBe(true);
    expect((await one.tick(new Date(now.getTime() + 7000))).isLeader).toBe(false);
    // two stops ticking without releasing (a crash): one takes over once the lease lapses.
    expect((await one.tick(new Date(now.getTime() + 27_000))).isLeader).toBe(true);
    await one.stop();
    await two.stop();
  });
});
