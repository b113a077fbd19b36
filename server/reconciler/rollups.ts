import "server-only";
import { db } from "../db";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../db-raw";
import { RETENTION, ROLLUP_WATERMARK as WATERMARK } from "./retention";

// Samples are stamped receivedAt before their commit; a margin keeps a tick from passing over one in flight.
const COMMIT_MARGIN_MS = 30_000;

// Shared column lists: the 5-minute roll-up aggregates raw samples, the hourly one the 5-minute roll-ups.
const COLS = `"satelliteId","bucketSec","bucketStart","samples","cpuAvg","cpuMax","memAvg","diskAvg","rxAvg","rxMax","txAvg","txMax","rttAvg","rttMax","lossAvg","healthyCount","degradedCount","criticalCount","expectedCount"`;
const UPSERT = `ON CONFLICT ("satelliteId","bucketSec","bucketStart") DO UPDATE SET
  "samples"=excluded."samples","cpuAvg"=excluded."cpuAvg","cpuMax"=excluded."cpuMax","memAvg"=excluded."memAvg",
  "diskAvg"=excluded."diskAvg","rxAvg"=excluded."rxAvg","rxMax"=excluded."rxMax","txAvg"=excluded."txAvg",
  "txMax"=excluded."txMax","rttAvg"=excluded."rttAvg","rttMax"=excluded."rttMax","lossAvg"=excluded."lossAvg",
  "healthyCount"=excluded."healthyCount","degradedCount"=excluded."degradedCount","criticalCount"=excluded."criticalCount",
  "expectedCount"=excluded."expectedCount"`;
const RAW_AGG = `COUNT(*), AVG(s."cpuPct"), MAX(s."cpuPct"), AVG(s."memPct"), AVG(s."diskPct"), AVG(s."rxMbps"), MAX(s."rxMbps"),
  AVG(s."txMbps"), MAX(s."txMbps"), AVG(s."rttMs"), MAX(s."rttMs"), AVG(s."lossPct"),
  SUM(CASE WHEN s."health"='healthy' THEN 1 ELSE 0 END), SUM(CASE WHEN s."health"='degraded' THEN 1 ELSE 0 END),
  SUM(CASE WHEN s."health"='critical' THEN 1 ELSE 0 END)`;
const W = (c: string) => `SUM(r."${c}" * r."samples") / SUM(r."samples")`;
const HOUR_AGG = `SUM(r."samples"), ${W("cpuAvg")}, MAX(r."cpuMax"), ${W("memAvg")}, ${W("diskAvg")}, ${W("rxAvg")}, MAX(r."rxMax"),
  ${W("txAvg")}, MAX(r."txMax"), ${W("rttAvg")}, MAX(r."rttMax"), ${W("lossAvg")},
  SUM(r."healthyCount"), SUM(r."degradedCount"), SUM(r."criticalCount"), SUM(r."expectedCount")`;

// SQLite keeps DateTime as ISO text: buckets are computed on epoch seconds and written back as the same text.
const sqEpoch = (col: string) => `CAST(strftime('%s', substr(${col}, 1, 19)) AS INTEGER)`;
const sqText = (epochExpr: string) =>
  `(strftime('%Y-%m-%dT%H:%M:%S', ${epochExpr}, 'unixepoch') || '.000+00:00')`;
const sqFloor = (col: string, sec: number) => sqText(`(${sqEpoch(col)} / ${sec}) * ${sec}`);

function sqliteRollup(from: string, until: string, cutoff: string, floor: string) {
  const touched = `WITH touched AS (SELECT "satelliteId", MIN("at") AS since FROM "TelemetrySample"
    WHERE "receivedAt" > @from AND "receivedAt" <= @until AND "at" < @cutoff AND "at" >= @floor GROUP BY "satelliteId")`;
  const db = rawSqlite();
  // Aggregate with plain reads (WAL: no lock held, ingest goes on), then write the few result rows at once.
  const fiveMinute = db
    .prepare(
      `${touched} SELECT s."satelliteId", 300, ${sqFloor('s."at"', 300)}, ${RAW_AGG}, 300 / MAX(1, sat."heartbeatIntervalSec")
       FROM touched t JOIN "TelemetrySample" s ON s."satelliteId" = t."satelliteId" AND s."at" >= ${sqFloor("t.since", 300)}
         AND s."at" < @cutoff
       JOIN "Satellite" sat ON sat."id" = s."satelliteId"
       GROUP BY s."satelliteId", ${sqEpoch('s."at"')} / 300`,
    )
    .raw()
    .all({ from, until, cutoff, floor }) as unknown[][];
  const upsert = db.prepare(
    `INSERT INTO "TelemetryRollup" (${COLS}) VALUES (${Array(19).fill("?").join(",")}) ${UPSERT}`,
  );
  // Small transactions: each holds the write lock for a millisecond or two, so ingest never waits long.
  const writeChunk = db.transaction((rows: unknown[][]) => {
    for (const row of rows) upsert.run(...row);
  });
  const write = (rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 200) writeChunk(rows.slice(i, i + 200));
  };
  write(fiveMinute);
  const hourly = db
    .prepare(
      `${touched} SELECT r."satelliteId", 3600, ${sqFloor('r."bucketStart"', 3600)}, ${HOUR_AGG}
       FROM touched t JOIN "TelemetryRollup" r ON r."satelliteId" = t."satelliteId" AND r."bucketSec" = 300
         AND r."bucketStart" >= ${sqFloor("t.since", 3600)}
       GROUP BY r."satelliteId", ${sqEpoch('r."bucketStart"')} / 3600`,
    )
    .raw()
    .all({ from, until, cutoff, floor }) as unknown[][];
  write(hourly);
  const deferred = db
    .prepare(
      `SELECT MIN("receivedAt") AS at FROM "TelemetrySample" WHERE "receivedAt" > ? AND "receivedAt" <= ? AND "at" >= ?`,
    )
    .get(from, until, cutoff) as { at: string | null };
  return deferred.at;
}

const bin = (sec: number, col: string) =>
  `date_bin(interval '${sec} seconds', ${col}, timestamp '2000-01-01')`;
const PG_TOUCHED = `WITH touched AS (SELECT "satelliteId", MIN("at") AS since FROM "TelemetrySample"
    WHERE "receivedAt" > $1 AND "receivedAt" <= $2 AND "at" < $3 AND "at" >= $4 GROUP BY "satelliteId")`;

/**
 * The PostgreSQL roll-up statements, parameters ($1 from, $2 until, $3 cutoff, $4 floor). Every read of raw
 * samples is bounded on "at" by parameters, so the planner scans only the day partitions in that range.
 */
export const PG_ROLLUP_SQL = {
  // s."at" >= $4 never narrows the join (t.since ≥ $4, and $4 is on the hour) but lets the planner prune.
  fiveMinute: `${PG_TOUCHED} INSERT INTO "TelemetryRollup" (${COLS})
       SELECT s."satelliteId", 300, ${bin(300, 's."at"')}, ${RAW_AGG}, 300 / GREATEST(1, MAX(sat."heartbeatIntervalSec"))
       FROM touched t JOIN "TelemetrySample" s ON s."satelliteId" = t."satelliteId" AND s."at" >= ${bin(300, "t.since")}
         AND s."at" >= $4 AND s."at" < $3
       JOIN "Satellite" sat ON sat."id" = s."satelliteId"
       GROUP BY s."satelliteId", ${bin(300, 's."at"')} ${UPSERT}`,
  hourly: `${PG_TOUCHED} INSERT INTO "TelemetryRollup" (${COLS})
       SELECT r."satelliteId", 3600, ${bin(3600, 'r."bucketStart"')}, ${HOUR_AGG}
       FROM touched t JOIN "TelemetryRollup" r ON r."satelliteId" = t."satelliteId" AND r."bucketSec" = 300
         AND r."bucketStart" >= ${bin(3600, "t.since")}
       GROUP BY r."satelliteId", ${bin(3600, 'r."bucketStart"')} ${UPSERT}`,
  // Takes $1..$3 only.
  deferred: `SELECT MIN("receivedAt") AS at FROM "TelemetrySample" WHERE "receivedAt" > $1 AND "receivedAt" <= $2 AND "at" >= $3`,
};

async function pgRollup(
  from: string,
  until: string,
  cutoff: string,
  floor: string,
): Promise<string | Date | null> {
  const client = await rawPgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(PG_ROLLUP_SQL.fiveMinute, [from, until, cutoff, floor]);
    await client.query(PG_ROLLUP_SQL.hourly, [from, until, cutoff, floor]);
    const { rows } = await client.query<{ at: Date | null }>(PG_ROLLUP_SQL.deferred, [from, until, cutoff]);
    await client.query("COMMIT");
    return rows[0]?.at ?? null;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Recomputes the 5-minute and hourly roll-ups of every bucket that received samples since the last tick,
 * from the raw data, so late (buffered) samples are counted too. Idempotent: a repeated tick rewrites the
 * same values.
 */
export async function rollUp(now: Date): Promise<{ from: Date; until: Date }> {
  const state = await db.jobState.findUnique({ where: { name: WATERMARK } });
  const from = state ? new Date(state.value) : new Date(0);
  const until = new Date(now.getTime() - COMMIT_MARGIN_MS);
  if (until <= from) return { from, until: from };
  // Only closed 5-minute buckets are rolled up, each sample about once. Samples of the open bucket are
  // deferred: the watermark stops just before the first of them, so the next tick sees them again.
  const cutoff = new Date(Math.floor(until.getTime() / 300_000) * 300_000);
  // Buckets older than the raw retention are final: their raw samples are gone, and recomputing them from a
  // few late arrivals would replace the roll-up with less than it had.
  const floor = new Date(Math.ceil((now.getTime() - RETENTION.rawMs + 3_600_000) / 3_600_000) * 3_600_000);
  const deferred = isSqlite
    ? sqliteRollup(sqliteDate(from), sqliteDate(until), sqliteDate(cutoff), sqliteDate(floor))
    : await pgRollup(pgDate(from), pgDate(until), pgDate(cutoff), pgDate(floor));
  const next = deferred ? new Date(new Date(deferred).getTime() - 1) : until;
  await db.jobState.upsert({
    where: { name: WATERMARK },
    create: { name: WATERMARK, value: next.toISOString() },
    update: { value: next.toISOString() },
  });
  return { from, until: next };
}
