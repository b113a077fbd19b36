import { beforeAll, describe, expect, it } from "vitest";
import type { TelemetryPoint, TelemetrySeries } from "@/lib/telemetry";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { rollUp } from "../reconciler/rollups";
import { registerSatellite } from "./register";
import { satelliteTelemetry, telemetryStartedAt } from "./telemetry";
import { rawBucketSec } from "./telemetry-buckets";

let admin: Ctx;
let viewer: Ctx;
// Mid-bucket on purpose: 2 min 30 s into the open hour, the open 5-minute bucket and the open minute.
const NOW = new Date("2026-11-21T12:02:30.000Z");
const ms = (iso: string) => new Date(iso).getTime();
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
});

async function satellite(overrides: Record<string, unknown> = {}) {
  return registerSatellite(admin, satelliteInput({ downlinkMbps: 1000, uplinkMbps: 400, ...overrides }));
}

let seq = 0;
type SampleValues = { cpuPct?: number; rxMbps?: number; health?: "healthy" | "degraded" | "critical" };
function sample(satelliteId: string, when: Date, values: SampleValues = {}) {
  seq += 1;
  return {
    satelliteId,
    seq: BigInt(seq),
    at: when,
    receivedAt: when,
    cpuPct: 40,
    memPct: 60,
    diskPct: 70,
    rxMbps: 200,
    txMbps: 100,
    rttMs: 30,
    lossPct: 0.2,
    health: "healthy" as const,
    services: {},
    ...values,
  };
}

/** One sample every `stepSec` in [from, to). */
async function samples(
  satelliteId: string,
  from: string,
  to: string,
  stepSec = 10,
  values: SampleValues = {},
) {
  const data = [];
  for (let t = ms(from); t < ms(to); t += stepSec * 1000) data.push(sample(satelliteId, new Date(t), values));
  await db.telemetrySample.createMany({ data });
}

type RollupValues = {
  samples: number;
  cpuAvg: number;
  rxMax: number;
  degradedCount: number;
  criticalCount: number;
  expectedCount: number;
};
function rollup(satelliteId: string, bucketSec: number, start: string, values: Partial<RollupValues> = {}) {
  return {
    satelliteId,
    bucketSec,
    bucketStart: at(start),
    samples: 30,
    cpuAvg: 50,
    cpuMax: 80,
    memAvg: 60,
    diskAvg: 70,
    rxAvg: 300,
    rxMax: 450,
    txAvg: 120,
    txMax: 150,
    rttAvg: 40,
    rttMax: 90,
    lossAvg: 0.5,
    healthyCount: 30,
    degradedCount: 0,
    criticalCount: 0,
    expectedCount: 30,
    ...values,
  };
}

const point = (series: TelemetrySeries, iso: string): TelemetryPoint => {
  const found = series.points.find((p) => p.t === ms(iso));
  if (!found) throw new Error(`no bucket at ${iso}`);
  return found;
};

const GAP = {
  samples: 0,
  rx: null,
  tx: null,
  rxMax: null,
  txMax: null,
  rtt: null,
  loss: null,
  cpu: null,
  mem: null,
  disk: null,
  uptimePct: null,
  degraded: null,
  critical: null,
};

async function expectRejected(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("1 h from raw samples", () => {
  it("averages samples into buckets of twice the interval, with uptime per minute and gaps as null", async () => {
    const s = await satellite();
    // 11:40–11:50 every 10 s, then silence until 11:55, then every 20 s (half the beats) to 12:00,
    // then every 10 s into the open minute. A critical beat and a peak sit in the 11:41:00 bucket.
    await samples(s.id, "2026-11-21T11:40:00Z", "2026-11-21T11:50:00Z");
    await samples(s.id, "2026-11-21T11:55:00Z", "2026-11-21T12:00:00Z", 20);
    await samples(s.id, "2026-11-21T12:00:05Z", "2026-11-21T12:02:30Z");
    await db.telemetrySample.updateMany({
      where: { satelliteId: s.id, at: at("2026-11-21T11:41:10Z") },
      data: { cpuPct: 60, rxMbps: 500, health: "critical" },
    });

    const series = await satelliteTelemetry(viewer, { id: s.id, range: "1h" }, NOW);
    expect(series).toMatchObject({ satelliteId: s.id, range: "1h", resolution: "raw", bucketSec: 20 });
    expect(series.capacity).toEqual({ rxMbps: 1000, txMbps: 400 });
    expect(series.from).toBe(ms("2026-11-21T11:03:00Z"));
    expect(series.to).toBe(NOW.getTime());
    expect(series.points).toHaveLength(179);
    expect(series.points.at(-1)?.t).toBe(ms("2026-11-21T12:02:20Z"));

    expect(point(series, "2026-11-21T11:41:00Z")).toEqual({
      t: ms("2026-11-21T11:41:00Z"),
      samples: 2,
      rx: 350,
      tx: 100,
      rxMax: 500,
      txMax: 100,
      rtt: 30,
      loss: 0.2,
      cpu: 50,
      mem: 60,
      disk: 70,
      uptimePct: 100,
      degraded: 0,
      critical: 1,
    });
    // Before the first sample there is nothing to measure; after it, silence is an outage at 0 %.
    expect(point(series, "2026-11-21T11:20:00Z")).toEqual({ t: ms("2026-11-21T11:20:00Z"), ...GAP });
    expect(point(series, "2026-11-21T11:52:00Z")).toEqual({
      t: ms("2026-11-21T11:52:00Z"),
      ...GAP,
      uptimePct: 0,
    });
    // 3 of the 6 beats a minute promises.
    expect(point(series, "2026-11-21T11:56:00Z").uptimePct).toBe(50);
    // The open minute: 30 s elapsed promise 3 beats, and 3 arrived (12:02:05, :15, :25).
    expect(point(series, "2026-11-21T12:02:20Z")).toMatchObject({ samples: 1, uptimePct: 100 });
  });

  it("reads silence as 0 % uptime from a first sample older than the range until decommissioning", async () => {
    const s = await satellite();
    await samples(s.id, "2026-11-21T09:00:00Z", "2026-11-21T09:01:00Z");
    await samples(s.id, "2026-11-21T11:30:00Z", "2026-11-21T11:30:30Z");
    await db.satellite.update({
      where: { id: s.id },
      data: { lifecycle: "decommissioned", decommissionedAt: at("2026-11-21T11:45:00Z") },
    });

    const series = await satelliteTelemetry(viewer, { id: s.id, range: "1h" }, NOW);
    expect(point(series, "2026-11-21T11:03:00Z")).toMatchObject({ samples: 0, cpu: null, uptimePct: 0 });
    // Three beats of the minute's six; the minute's silent buckets share its figure.
    expect(point(series, "2026-11-21T11:30:00Z")).toMatchObject({ samples: 2, uptimePct: 50 });
    expect(point(series, "2026-11-21T11:30:40Z")).toMatchObject({ samples: 0, uptimePct: 50 });
    expect(point(series, "2026-11-21T11:44:40Z")).toMatchObject({ samples: 0, uptimePct: 0 });
    expect(point(series, "2026-11-21T11:45:00Z")).toEqual({ t: ms("2026-11-21T11:45:00Z"), ...GAP });
    expect(point(series, "2026-11-21T12:02:20Z")).toEqual({ t: ms("2026-11-21T12:02:20Z"), ...GAP });
  });

  it("keeps to at most 360 points whatever the interval", () => {
    expect(rawBucketSec(1)).toBe(10);
    expect(rawBucketSec(5)).toBe(10);
    expect(rawBucketSec(10)).toBe(20);
    expect(rawBucketSec(30)).toBe(60);
    expect(rawBucketSec(3600)).toBe(600);
  });
});

describe("24 h from 5-minute roll-ups", () => {
  it("uses the roll-ups, fills what they do not cover yet from raw, and leaves missing buckets null", async () => {
    const s = await satellite();
    await db.telemetryRollup.createMany({
      data: [
        rollup(s.id, 300, "2026-11-21T11:40:00Z"),
        rollup(s.id, 300, "2026-11-21T11:50:00Z", {
          samples: 15,
          cpuAvg: 33.33,
          rxMax: 910,
          degradedCount: 5,
          criticalCount: 1,
        }),
      ],
    });
    // Raw of a rolled-up bucket must not be counted twice; 11:55 is closed but not rolled up yet.
    await samples(s.id, "2026-11-21T11:50:00Z", "2026-11-21T11:55:00Z", 10, { cpuPct: 99 });
    await samples(s.id, "2026-11-21T11:55:00Z", "2026-11-21T12:00:00Z", 10, { cpuPct: 20 });
    await samples(s.id, "2026-11-21T12:00:05Z", "2026-11-21T12:02:30Z", 10, {
      cpuPct: 30,
      health: "degraded",
    });

    const series = await satelliteTelemetry(viewer, { id: s.slug, range: "24h" }, NOW);
    expect(series).toMatchObject({ satelliteId: s.id, range: "24h", resolution: "5m", bucketSec: 300 });
    expect(series.from).toBe(ms("2026-11-20T12:05:00Z"));
    expect(series.points).toHaveLength(288);
    expect(series.points.at(-1)?.t).toBe(ms("2026-11-21T12:00:00Z"));

    expect(point(series, "2026-11-21T11:40:00Z")).toMatchObject({
      samples: 30,
      cpu: 50,
      rx: 300,
      rxMax: 450,
      tx: 120,
      rtt: 40,
      loss: 0.5,
      uptimePct: 100,
    });
    expect(point(series, "2026-11-21T11:45:00Z")).toEqual({
      t: ms("2026-11-21T11:45:00Z"),
      ...GAP,
      uptimePct: 0,
    });
    expect(point(series, "2026-11-21T11:35:00Z")).toEqual({ t: ms("2026-11-21T11:35:00Z"), ...GAP });
    expect(point(series, "2026-11-21T11:50:00Z")).toMatchObject({
      samples: 15,
      cpu: 33.3,
      rxMax: 910,
      uptimePct: 50,
      degraded: 5,
      critical: 1,
    });
    expect(point(series, "2026-11-21T11:55:00Z")).toMatchObject({ samples: 30, cpu: 20, uptimePct: 100 });
    // The open bucket: 150 s elapsed promise 15 beats; 15 arrived, all degraded.
    expect(point(series, "2026-11-21T12:00:00Z")).toMatchObject({
      samples: 15,
      cpu: 30,
      uptimePct: 100,
      degraded: 15,
      critical: 0,
    });
  });

  it("agrees with the reconciler's roll-ups and reaches now", async () => {
    const s = await satellite();
    const data = [];
    for (let t = ms("2026-11-21T11:30:00Z"); t < NOW.getTime(); t += 10_000) {
      data.push(sample(s.id, new Date(t), { cpuPct: (t / 10_000) % 97, rxMbps: (t / 10_000) % 13 }));
    }
    await db.telemetrySample.createMany({ data });
    await rollUp(NOW);
    const rolled = await db.telemetryRollup.count({ where: { satelliteId: s.id, bucketSec: 300 } });
    expect(rolled).toBe(6);

    const series = await satelliteTelemetry(viewer, { id: s.id, range: "24h" }, NOW);
    for (let start = ms("2026-11-21T11:30:00Z"); start <= ms("2026-11-21T12:00:00Z"); start += 300_000) {
      const inBucket = data.filter((d) => d.at.getTime() >= start && d.at.getTime() < start + 300_000);
      const p = point(series, new Date(start).toISOString());
      expect(p.samples).toBe(inBucket.length);
      expect(p.cpu).toBeCloseTo(inBucket.reduce((sum, d) => sum + d.cpuPct, 0) / inBucket.length, 1);
      expect(p.rxMax).toBe(Math.max(...inBucket.map((d) => d.rxMbps)));
      expect(p.uptimePct).toBe(100);
    }
    expect(point(series, "2026-11-21T11:25:00Z").samples).toBe(0);
  });
});

describe("7 d and 30 d from hourly roll-ups", () => {
  it("uses hourly roll-ups, and 5-minute roll-ups plus raw for the newest two hours", async () => {
    const s = await satellite();
    await db.telemetryRollup.createMany({
      data: [
        rollup(s.id, 3600, "2026-11-21T09:00:00Z", { samples: 360, cpuAvg: 10, expectedCount: 360 }),
        rollup(s.id, 3600, "2026-11-21T10:00:00Z", { samples: 180, cpuAvg: 20, rxMax: 700 }),
        // Partial hourly rows the reconciler keeps rewriting: the series must not use them.
        rollup(s.id, 3600, "2026-11-21T11:00:00Z", { samples: 1, cpuAvg: 99 }),
        rollup(s.id, 3600, "2026-11-21T12:00:00Z", { samples: 1, cpuAvg: 99 }),
        rollup(s.id, 300, "2026-11-21T11:00:00Z", { samples: 30, cpuAvg: 40 }),
        rollup(s.id, 300, "2026-11-21T11:05:00Z", { samples: 10, cpuAvg: 80 }),
      ],
    });
    await samples(s.id, "2026-11-21T12:00:05Z", "2026-11-21T12:02:30Z", 10, { cpuPct: 30 });

    const week = await satelliteTelemetry(viewer, { id: s.id, range: "7d" }, NOW);
    expect(week).toMatchObject({ range: "7d", resolution: "1h", bucketSec: 3600 });
    expect(week.points).toHaveLength(168);
    expect(week.from).toBe(ms("2026-11-14T13:00:00Z"));
    expect(point(week, "2026-11-21T08:00:00Z")).toEqual({ t: ms("2026-11-21T08:00:00Z"), ...GAP });
    expect(point(week, "2026-11-21T09:00:00Z")).toMatchObject({ samples: 360, cpu: 10, uptimePct: 100 });
    // Uptime counts the whole hour's beats, not only those of the 5-minute periods that had any.
    expect(point(week, "2026-11-21T10:00:00Z")).toMatchObject({
      samples: 180,
      cpu: 20,
      rxMax: 700,
      uptimePct: 50,
    });
    expect(point(week, "2026-11-21T11:00:00Z")).toMatchObject({ samples: 40, cpu: 50 });
    expect(point(week, "2026-11-21T12:00:00Z")).toMatchObject({ samples: 15, cpu: 30, uptimePct: 100 });

    const month = await satelliteTelemetry(viewer, { id: s.id, range: "30d" }, NOW);
    expect(month).toMatchObject({ range: "30d", resolution: "1h", bucketSec: 3600 });
    expect(month.points).toHaveLength(720);
    expect(point(month, "2026-11-21T10:00:00Z").cpu).toBe(20);
  });

  it("shows a satellite that never reported as all gaps", async () => {
    const s = await satellite();
    const series = await satelliteTelemetry(viewer, { id: s.id, range: "30d" }, NOW);
    expect(series.points.every((p) => p.samples === 0 && p.cpu === null && p.uptimePct === null)).toBe(true);
  });
});

describe("when telemetry started", () => {
  it("is the oldest sample or roll-up still kept, and null for a satellite that never reported", async () => {
    const s = await satellite();
    expect(await telemetryStartedAt(viewer, s.id)).toBeNull();
    await samples(s.id, "2026-11-21T11:40:00Z", "2026-11-21T11:41:00Z");
    expect(await telemetryStartedAt(viewer, s.id)).toEqual(at("2026-11-21T11:40:00Z"));
    // Raw samples are pruned first; an older roll-up still dates the start.
    await db.telemetryRollup.create({ data: rollup(s.id, 3600, "2026-11-01T08:00:00Z") });
    expect(await telemetryStartedAt(viewer, s.id)).toEqual(at("2026-11-01T08:00:00Z"));
    await expectRejected(telemetryStartedAt(anonymous, s.id), "UNAUTHORIZED");
  });
});

describe("refusals", () => {
  it("refuses an anonymous caller", async () => {
    const s = await satellite();
    await expectRejected(satelliteTelemetry(anonymous, { id: s.id, range: "1h" }, NOW), "UNAUTHORIZED");
  });

  it("names the field of a bad range", async () => {
    const s = await satellite();
    for (const range of ["2h", "", 24, ["1h", "24h"]]) {
      const error = await expectRejected(satelliteTelemetry(viewer, { id: s.id, range }, NOW), "VALIDATION");
      expect(Object.keys(error.fields ?? {})).toEqual(["range"]);
      expect(error.message).toContain("range");
    }
  });

  it("reads 24 h when no range is given", async () => {
    const s = await satellite();
    expect((await satelliteTelemetry(viewer, { id: s.id }, NOW)).range).toBe("24h");
  });

  it("reports an unknown satellite as not found", async () => {
    await expectRejected(
      satelliteTelemetry(viewer, { id: "no-such-satellite", range: "24h" }, NOW),
      "NOT_FOUND",
    );
    await expectRejected(satelliteTelemetry(viewer, { range: "24h" }, NOW), "VALIDATION");
  });
});
