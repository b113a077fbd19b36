import "server-only";
import { z } from "zod";
import {
  TELEMETRY_RANGES,
  type TelemetryRange,
  type TelemetryResolution,
  type TelemetrySeries,
} from "@/lib/telemetry";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, validationError } from "../errors";
import { makeGrid, openBucketStart, rawBucketSec, TelemetryBuckets, type Grid } from "./telemetry-buckets";

export { TELEMETRY_RANGES };

export const SatelliteTelemetryInput = z.object({
  id: z
    .string({ error: "must be a satellite id or slug" })
    .trim()
    .min(1, "must be a satellite id or slug")
    .max(100, "must be at most 100 characters"),
  range: z.enum(TELEMETRY_RANGES, { error: `must be one of ${TELEMETRY_RANGES.join(", ")}` }).default("24h"),
});
export type SatelliteTelemetryInput = z.infer<typeof SatelliteTelemetryInput>;

const HOUR_MS = 3_600_000;
const FIVE_MIN_MS = 300_000;
const RANGE_MS: Record<TelemetryRange, number> = {
  "1h": HOUR_MS,
  "24h": 24 * HOUR_MS,
  "7d": 7 * 24 * HOUR_MS,
  "30d": 30 * 24 * HOUR_MS,
};
const RESOLUTION: Record<TelemetryRange, TelemetryResolution> = {
  "1h": "raw",
  "24h": "5m",
  "7d": "1h",
  "30d": "1h",
};
// Past the newest 5-minute roll-up the series is filled from raw samples; the cap keeps a stalled
// reconciler from turning one chart request into a read of many hours of raw rows.
const MAX_RAW_FILL_MS = 2 * HOUR_MS;

const RAW_SELECT = {
  at: true,
  cpuPct: true,
  memPct: true,
  diskPct: true,
  rxMbps: true,
  txMbps: true,
  rttMs: true,
  lossPct: true,
  health: true,
} as const;
const ROLLUP_SELECT = {
  bucketStart: true,
  samples: true,
  cpuAvg: true,
  memAvg: true,
  diskAvg: true,
  rxAvg: true,
  rxMax: true,
  txAvg: true,
  txMax: true,
  rttAvg: true,
  lossAvg: true,
  degradedCount: true,
  criticalCount: true,
} as const;

function gridFor(range: TelemetryRange, intervalSec: number, now: number): Grid {
  const resolution = RESOLUTION[range];
  if (resolution === "raw") {
    const bucketSec = rawBucketSec(intervalSec);
    return makeGrid(RANGE_MS[range], bucketSec, Math.max(60, bucketSec), now);
  }
  const bucketSec = resolution === "5m" ? 300 : 3600;
  return makeGrid(RANGE_MS[range], bucketSec, bucketSec, now);
}

async function addRaw(buckets: TelemetryBuckets, satelliteId: string, from: number, now: Date) {
  const rows = await db.telemetrySample.findMany({
    where: { satelliteId, at: { gte: new Date(from), lte: now } },
    select: RAW_SELECT,
  });
  for (const row of rows) buckets.addSample(row);
}

/**
 * 5-minute roll-ups from `from`, then raw samples after the newest of them: the reconciler rolls up only
 * closed buckets, so without the raw fill a chart would stop up to one bucket (plus a tick) short of now.
 */
async function addFiveMinute(buckets: TelemetryBuckets, satelliteId: string, from: number, now: Date) {
  const rollups = await db.telemetryRollup.findMany({
    where: { satelliteId, bucketSec: 300, bucketStart: { gte: new Date(from), lte: now } },
    orderBy: { bucketStart: "asc" },
    select: ROLLUP_SELECT,
  });
  for (const row of rollups) buckets.addRollup(row);
  const newest = rollups.at(-1)?.bucketStart.getTime();
  const openFiveMinute = Math.floor(now.getTime() / FIVE_MIN_MS) * FIVE_MIN_MS;
  const rawFrom = Math.max(
    from,
    newest === undefined ? from : newest + FIVE_MIN_MS,
    openFiveMinute - MAX_RAW_FILL_MS,
  );
  await addRaw(buckets, satelliteId, rawFrom, now);
}

/**
 * When a satellite first reported, read from whichever store still holds its oldest data: raw samples are
 * kept 48 h, 5-minute roll-ups 30 days and hourly ones longer. Null if it never has.
 */
async function firstReportAt(satelliteId: string): Promise<number | null> {
  const oldestRollup = (bucketSec: number) =>
    db.telemetryRollup.findFirst({
      where: { satelliteId, bucketSec },
      orderBy: { bucketStart: "asc" },
      select: { bucketStart: true },
    });
  const [raw, fiveMinute, hourly] = await Promise.all([
    db.telemetrySample.findFirst({ where: { satelliteId }, orderBy: { at: "asc" }, select: { at: true } }),
    oldestRollup(300),
    oldestRollup(3600),
  ]);
  const times = [raw?.at, fiveMinute?.bucketStart, hourly?.bucketStart].flatMap((d) =>
    d ? [d.getTime()] : [],
  );
  return times.length > 0 ? Math.min(...times) : null;
}

/** When the satellite first reported telemetry, so the page can open its charts on a range that shows it. */
export async function telemetryStartedAt(ctx: Ctx, satelliteId: string): Promise<Date | null> {
  authorize(ctx, "satellites.read");
  const first = await firstReportAt(satelliteId);
  return first === null ? null : new Date(first);
}

/** A satellite's telemetry over a range, bucketed for charts, from the resolution the range needs. */
export async function satelliteTelemetry(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<TelemetrySeries> {
  authorize(ctx, "satellites.read");
  const parsed = SatelliteTelemetryInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, range } = parsed.data;
  const satellite = await db.satellite.findFirst({
    where: { OR: [{ id }, { slug: id }] },
    select: {
      id: true,
      heartbeatIntervalSec: true,
      uplinkMbps: true,
      downlinkMbps: true,
      decommissionedAt: true,
    },
  });
  if (!satellite) throw new AppError("NOT_FOUND", `No satellite "${id}".`);

  const intervalSec = Math.max(1, satellite.heartbeatIntervalSec);
  const grid = gridFor(range, intervalSec, now.getTime());
  const buckets = new TelemetryBuckets(grid);
  const resolution = RESOLUTION[range];
  if (resolution === "raw") {
    await addRaw(buckets, satellite.id, grid.firstStart, now);
  } else if (resolution === "5m") {
    await addFiveMinute(buckets, satellite.id, grid.firstStart, now);
  } else {
    // The open hour's hourly row is partial and the previous one may still miss its last 5 minutes:
    // both come from 5-minute roll-ups and raw samples instead.
    const tail = Math.max(grid.firstStart, openBucketStart(grid) - HOUR_MS);
    const hourly = await db.telemetryRollup.findMany({
      where: {
        satelliteId: satellite.id,
        bucketSec: 3600,
        bucketStart: { gte: new Date(grid.firstStart), lt: new Date(tail) },
      },
      select: ROLLUP_SELECT,
    });
    for (const row of hourly) buckets.addRollup(row);
    await addFiveMinute(buckets, satellite.id, tail, now);
  }
  // Silence before the first report is no outage; silence after it, until decommissioning, is.
  const reporting = {
    from: await firstReportAt(satellite.id),
    until: satellite.decommissionedAt?.getTime() ?? null,
  };
  return {
    satelliteId: satellite.id,
    range,
    resolution,
    bucketSec: grid.bucketSec,
    from: grid.firstStart,
    to: now.getTime(),
    capacity: { rxMbps: satellite.downlinkMbps, txMbps: satellite.uplinkMbps },
    points: buckets.points(intervalSec, reporting),
  };
}
