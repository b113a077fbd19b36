import "server-only";
import { pruneIdempotencyRecords } from "../api/idempotency";
import { db } from "../db";

export const RETENTION = {
  rawMs: 48 * 3_600_000,
  fiveMinuteMs: 30 * 86_400_000,
  hourlyMs: 400 * 86_400_000,
};

/**
 * Deletes telemetry past retention (raw 48 h, 5-minute roll-ups 30 days, hourly roll-ups 400 days) and API
 * answers kept for Idempotency-Key replays past their 24 h window.
 */
export async function applyRetention(now: Date) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const raw = await db.telemetrySample.deleteMany({ where: { at: { lt: before(RETENTION.rawMs) } } });
  const fiveMinute = await db.telemetryRollup.deleteMany({
    where: { bucketSec: 300, bucketStart: { lt: before(RETENTION.fiveMinuteMs) } },
  });
  const hourly = await db.telemetryRollup.deleteMany({
    where: { bucketSec: 3600, bucketStart: { lt: before(RETENTION.hourlyMs) } },
  });
  const idempotency = await pruneIdempotencyRecords(now);
  return { raw: raw.count, fiveMinute: fiveMinute.count, hourly: hourly.count, idempotency };
}
