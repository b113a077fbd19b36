import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample } from "../../test/gateway";
import type { AgentIdentity } from "../agents/auth";
import { recordHeartbeat } from "../agents/heartbeat";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { isSqlite, pgDate, rawPgPool } from "../db-raw";
import { registerSatellite } from "../satellites/register";
import { DEFAULT_PARTITION, ensureTelemetryPartitions, listDayPartitions } from "./partitions";
import { applyRetention } from "./retention";
import { PG_ROLLUP_SQL, rollUp } from "./rollups";

let admin: Ctx;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const D = new Date("2027-03-10T00:00:00.000Z");
const t = (ms: number) => new Date(D.getTime() + ms);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
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

/** Samples `seqs`, the first at `at` and then every 10 s, received 5 s after the last. */
async function beat(a: AgentIdentity, at: Date, seqs: number[]) {
  const samples = seqs.map((seq, i) => sample(seq, new Date(at.getTime() + i * 10_000)));
  const received = new Date(at.getTime() + seqs.length * 10_000 + 5000);
  await recordHeartbeat(a, { agentVersion: "1", stackVersion: "1", samples }, received);
}

/** The partition each of a satellite's samples is stored in, by seq. */
async function partitionsOf(satelliteId: string): Promise<Record<string, string>> {
  const { rows } = await rawPgPool().query<{ seq: string; part: string }>(
    `SELECT "seq", tableoid::regclass::text AS part FROM "TelemetrySample" WHERE "satelliteId" = $1`,
    [satelliteId],
  );
  return Object.fromEntries(rows.map((r) => [r.seq, r.part.replaceAll('"', "")]));
}

async function dayNames(): Promise<string[]> {
  const client = await rawPgPool().connect();
  try {
    return (await listDayPartitions(client)).map((p) => p.name);
  } finally {
    client.release();
  }
}

/** Every partition of TelemetrySample a statement's plan reads. */
async function scanned(sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await rawPgPool().query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (typeof n["Relation Name"] === "string" && n["Relation Name"].startsWith("TelemetrySample_"))
      names.add(n["Relation Name"]);
    Object.values(n).forEach((v) => (Array.isArray(v) ? v.forEach(walk) : walk(v)));
  };
  walk(rows[0]["QUERY PLAN"]);
  return [...names].sort();
}

describe("raw retention in batches", () => {
  it("deletes every raw sample past 48 h a batch at a time and keeps the roll-ups", async () => {
    const a = await agent();
    const now = new Date("2026-10-03T12:00:00.000Z");
    await beat(a, new Date(now.getTime() - 49 * HOUR), [1, 2, 3, 4, 5]);
    await beat(a, new Date(now.getTime() - 47 * HOUR), [6]);
    await rollUp(new Date(now.getTime() - 46 * HOUR));
    const rollups = await db.telemetryRollup.count({ where: { satelliteId: a.satelliteId } });
    expect(rollups).toBeGreaterThan(0);
    const report = await applyRetention(now, 2);
    expect(report.raw).toBe(5);
    const left = await db.telemetrySample.findMany({ where: { satelliteId: a.satelliteId } });
    expect(left.map((s) => Number(s.seq))).toEqual([6]);
    expect(await db.telemetryRollup.count({ where: { satelliteId: a.satelliteId } })).toBe(rollups);
  });
});

describe.skipIf(isSqlite)("day partitions on PostgreSQL", () => {
  it("creates today's partition and the week's ahead, once", async () => {
    const created = await ensureTelemetryPartitions(t(6 * HOUR));
    expect(created).toEqual([10, 11, 12, 13, 14, 15, 16, 17].map((d) => `TelemetrySample_p202703${d}`));
    expect(await ensureTelemetryPartitions(t(20 * HOUR))).toEqual([]);
    expect(await dayNames()).toEqual(expect.arrayContaining(created));
  });

  it("stores a sample in its day's partition", async () => {
    const a = await agent();
    await beat(a, t(12 * HOUR), [1]);
    await beat(a, t(DAY + 12 * HOUR), [2]);
    expect(await partitionsOf(a.satelliteId)).toEqual({
      "1": "TelemetrySample_p20270310",
      "2": "TelemetrySample_p20270311",
    });
  });

  it("moves a day's rows out of the default partition when that day's partition is made", async () => {
    const a = await agent();
    const day = new Date("2027-05-01T12:00:00.000Z");
    await beat(a, day, [1, 2]);
    expect(await partitionsOf(a.satelliteId)).toEqual({ "1": DEFAULT_PARTITION, "2": DEFAULT_PARTITION });
    expect(await ensureTelemetryPartitions(day, 0)).toEqual(["TelemetrySample_p20270501"]);
    expect(await partitionsOf(a.satelliteId)).toEqual({
      "1": "TelemetrySample_p20270501",
      "2": "TelemetrySample_p20270501",
    });
    // The dedupe key still holds across the move: the same samples sent again are duplicates.
    const again = await recordHeartbeat(
      a,
      {
        agentVersion: "1",
        stackVersion: "1",
        samples: [sample(1, day), sample(2, new Date(day.getTime() + 10_000))],
      },
      new Date(day.getTime() + 60_000),
    );
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it("retention drops a whole day once it is past 48 h and rolled up, and keeps its roll-ups", async () => {
    const a = await agent();
    await beat(a, t(13 * HOUR), [1, 2, 3]);
    await beat(a, t(DAY + 13 * HOUR), [4, 5, 6]);
    const horizonPassed = t(3 * DAY + 30 * 60_000); // 48 h after 00:30 on the second day

    // Not rolled up yet: the day stays, whatever its age. The week ahead is made on the way.
    const early = await applyRetention(horizonPassed);
    expect(early.droppedPartitions).not.toContain("TelemetrySample_p20270310");
    expect(early.createdPartitions).toEqual([18, 19, 20].map((d) => `TelemetrySample_p202703${d}`));
    expect(await dayNames()).toContain("TelemetrySample_p20270310");

    await rollUp(t(DAY + 13 * HOUR + 10 * 60_000));
    const rollups = await db.telemetryRollup.findMany({
      where: { satelliteId: a.satelliteId },
      orderBy: [{ bucketSec: "asc" }, { bucketStart: "asc" }],
    });
    expect(rollups.map((r) => [r.bucketSec, r.bucketStart.toISOString(), r.samples])).toEqual([
      [300, "2027-03-10T13:00:00.000Z", 3],
      [300, "2027-03-11T13:00:00.000Z", 3],
      [3600, "2027-03-10T13:00:00.000Z", 3],
      [3600, "2027-03-11T13:00:00.000Z", 3],
    ]);

    const report = await applyRetention(horizonPassed);
    expect(report.droppedPartitions).toContain("TelemetrySample_p20270310");
    expect(report.droppedPartitions).not.toContain("TelemetrySample_p20270311");
    expect(await dayNames()).not.toContain("TelemetrySample_p20270310");
    expect(await partitionsOf(a.satelliteId)).toEqual({
      "4": "TelemetrySample_p20270311",
      "5": "TelemetrySample_p20270311",
      "6": "TelemetrySample_p20270311",
    });
    const kept = await db.telemetryRollup.findMany({
      where: { satelliteId: a.satelliteId },
      orderBy: [{ bucketSec: "asc" }, { bucketStart: "asc" }],
    });
    expect(kept).toEqual(rollups);
  });

  it("the roll-up reads only the partitions of the days it needs", async () => {
    const day = new Date("2027-06-10T00:00:00.000Z");
    await ensureTelemetryPartitions(new Date(day.getTime() - DAY), 2);
    const at = (h: number) => pgDate(new Date(day.getTime() + h * HOUR));
    // from, until, cutoff, floor: a window inside the one day.
    const window = [at(9), at(13), at(13), at(10)];
    expect(await scanned(PG_ROLLUP_SQL.fiveMinute, window)).toEqual(["TelemetrySample_p20270610"]);
    // The deferred-sample check reads from the cutoff on: that day and the days after it.
    const later = await scanned(PG_ROLLUP_SQL.deferred, window.slice(0, 3));
    expect(later).toContain("TelemetrySample_p20270610");
    expect(later).not.toContain("TelemetrySample_p20270609");
    // Without a bound on "at", every partition is read: what the bounds above save.
    const all = await scanned(`SELECT COUNT(*) FROM "TelemetrySample"`, []);
    expect(all).toEqual(expect.arrayContaining([DEFAULT_PARTITION, ...(await dayNames())]));
  });
});
