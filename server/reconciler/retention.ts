import "server-only";
import { pruneIdempotencyRecords } from "../api/idempotency";
import { db } from "../db";
import { isSqlite, rawSqlite, sqliteDate } from "../db-raw";
import {
  dropTelemetryPartitionsBefore,
  ensureTelemetryPartitions,
  pruneDefaultPartition,
} from "./partitions";

export const RETENTION = {
  rawMs: 48 * 3_600_000,
  fiveMinuteMs: 30 * 86_400_000,
  hourlyMs: 400 * 86_400_000,
};
/** Raw rows deleted per statement: each holds the write lock briefly, so ingest never waits long. */
export const RAW_DELETE_BATCH = 5000;
/** The roll-up job's JobState row (rollups.ts): every sample received up to its time has been rolled up. */
export const ROLLUP_WATERMARK = "rollup.watermark";

export type RetentionReport = {
  raw: number;
  droppedPartitions: string[];
  createdPartitions: string[];
  fiveMinute: number;
  hourly: number;
  idempotency: number;
};

async function sqliteRaw(before: Date, batch: number): Promise<number> {
  const remove = rawSqlite().prepare(
    `DELETE FROM "TelemetrySample" WHERE rowid IN (SELECT rowid FROM "TelemetrySample" WHERE "at" < ? LIMIT ?)`,
  );
  let total = 0;
  for (;;) {
    const { changes } = remove.run(sqliteDate(before), batch);
    total += changes;
    if (changes < batch) return total;
    // Lets waiting ingest writes take the lock between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Raw samples on PostgreSQL go a whole UTC day at a time: the day's partition is dropped once all of it is
 * past the raw retention and the roll-ups have read past it, so the roll-ups of a dropped day are complete.
 * The days ahead are created here too, at start and then every pass (a no-op until a day is missing).
 */
async function postgresRaw(now: Date, horizon: Date, batch: number) {
  const createdPartitions = await ensureTelemetryPartitions(now);
  const state = await db.jobState.findUnique({ where: { name: ROLLUP_WATERMARK } });
  // No watermark (or an unreadable one) means nothing is known to be rolled up: no day is dropped.
  const rolledUpTo = Date.parse(state?.value ?? "") || 0;
  const droppedPartitions = await dropTelemetryPartitionsBefore(
    new Date(Math.min(horizon.getTime(), rolledUpTo)),
  );
  // Rows of days with no partition (late samples of a dropped day, rows older than the first partition).
  const raw = await pruneDefaultPartition(horizon, batch);
  return { raw, droppedPartitions, createdPartitions };
}

/**
 * Deletes telemetry past retention (raw 48 h, 5-minute roll-ups 30 days, hourly roll-ups 400 days) and API
 * answers kept for Idempotency-Key replays past their 24 h window. Raw samples on SQLite are deleted in
 * batches; on PostgreSQL whole days are dropped, so a raw sample is kept 48 to 72 h there.
 * Roll-ups are never deleted with raw data.
 */
export async function applyRetention(now: Date, batch = RAW_DELETE_BATCH): Promise<RetentionReport> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const raw = isSqlite
    ? { raw: await sqliteRaw(before(RETENTION.rawMs), batch), droppedPartitions: [], createdPartitions: [] }
    : await postgresRaw(now, before(RETENTION.rawMs), batch);
  const fiveMinute = await db.telemetryRollup.deleteMany({
    where: { bucketSec: 300, bucketStart: { lt: before(RETENTION.fiveMinuteMs) } },
  });
  const hourly = await db.telemetryRollup.deleteMany({
    where: { bucketSec: 3600, bucketStart: { lt: before(RETENTION.hourlyMs) } },
  });
  const idempotency = await pruneIdempotencyRecords(now);
  return { ...raw, fiveMinute: fiveMinute.count, hourly: hourly.count, idempotency };
}
