// Writes the demo's past (prisma/seed-data/history.ts): join times, connectivity events, roll-ups and two
// resolved incidents. Roll-ups are hundreds of thousands of rows, so they go through the drivers in bulk:
// one prepared statement in large transactions on SQLite, multi-row inserts on PostgreSQL.
import { db } from "../../server/db";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../../server/db-raw";
import {
  connectivityMoves,
  FIVE_MIN_MS,
  HOUR_MS,
  ROLLUP_COLUMNS,
  rollupRows,
  type HistoryPlan,
  type RollupRow,
} from "./history";

const DAY_MS = 86_400_000;
const SQLITE_ROWS_PER_INSERT = 50;
const COLS = ROLLUP_COLUMNS.map((c) => `"${c}"`).join(",");

type RowSource = Iterable<RollupRow>;

function writeSqlite(sources: RowSource[]): number {
  const sqlite = rawSqlite();
  // The roll-ups' second index is written out of order: a large page cache keeps it off the disk until commit.
  sqlite.pragma("cache_size = -262144");
  const tuple = `(${ROLLUP_COLUMNS.map(() => "?").join(",")})`;
  const statement = (rows: number) =>
    sqlite.prepare(
      `INSERT OR IGNORE INTO "TelemetryRollup" (${COLS}) VALUES ${Array(rows).fill(tuple).join(",")}`,
    );
  const many = statement(SQLITE_ROWS_PER_INSERT);
  const one = statement(1);
  let count = 0;
  // One transaction for all: the seed runs before the console starts, and each index page is written once.
  sqlite.transaction(() => {
    let batch: RollupRow[] = [];
    for (const source of sources) {
      for (const row of source) {
        batch.push(row);
        count++;
        if (batch.length === SQLITE_ROWS_PER_INSERT) {
          many.run(batch.flat());
          batch = [];
        }
      }
    }
    for (const row of batch) one.run(row);
  })();
  return count;
}

async function writePostgres(sources: RowSource[]): Promise<number> {
  const pool = rawPgPool();
  const width = ROLLUP_COLUMNS.length;
  const perInsert = Math.floor(30_000 / width);
  let count = 0;
  let batch: RollupRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch
      .map((_, r) => `(${ROLLUP_COLUMNS.map((__, c) => `$${r * width + c + 1}`).join(",")})`)
      .join(",");
    await pool.query(
      `INSERT INTO "TelemetryRollup" (${COLS}) VALUES ${values} ON CONFLICT DO NOTHING`,
      batch.flat(),
    );
    count += batch.length;
    batch = [];
  };
  for (const source of sources) {
    for (const row of source) {
      batch.push(row);
      if (batch.length >= perInsert) await flush();
    }
  }
  await flush();
  return count;
}

/**
 * The plan's satellites get their join time and connectivity, their events and roll-ups; the incidents
 * are written resolved, with their updates. Returns what it wrote, for the seed's summary line.
 */
export async function writeHistory(plan: HistoryPlan) {
  const windowStart = plan.now - plan.days * DAY_MS;
  const satellites = await db.satellite.findMany({
    where: { slug: { in: [...plan.satellites.keys()] } },
    select: {
      id: true,
      slug: true,
      lat: true,
      lon: true,
      uplinkMbps: true,
      downlinkMbps: true,
      heartbeatIntervalSec: true,
    },
  });
  const idOf = new Map(satellites.map((s) => [s.slug, s.id]));

  // A satellite that has reported before is "connected" as far as the reconciler knows, so its first beat
  // on this core is no new join that would start its history over.
  const events: { satelliteId: string; from: never; to: never; at: Date }[] = [];
  await db.$transaction(
    async (tx) => {
      for (const s of satellites) {
        const history = plan.satellites.get(s.slug);
        if (!history) continue;
        await tx.satellite.update({
          where: { id: s.id },
          data: { createdAt: new Date(history.firstSeen - 2 * DAY_MS), recordedConnectivity: "connected" },
        });
        for (const m of connectivityMoves(history, windowStart)) {
          events.push({ satelliteId: s.id, from: m.from as never, to: m.to as never, at: new Date(m.at) });
        }
      }
      for (let i = 0; i < events.length; i += 1000) {
        await tx.connectivityEvent.createMany({ data: events.slice(i, i + 1000) });
      }
    },
    { timeout: 600_000 },
  );

  // Hourly roll-ups for the whole window (uptime bars, 7- and 30-day charts), 5-minute ones for the last day.
  const toDate = isSqlite ? (ms: number) => sqliteDate(new Date(ms)) : (ms: number) => pgDate(new Date(ms));
  const hourlyFrom = Math.floor(windowStart / HOUR_MS) * HOUR_MS;
  const fiveFrom = Math.floor((plan.now - DAY_MS) / FIVE_MIN_MS) * FIVE_MIN_MS;
  const sources: RowSource[] = [];
  for (const s of satellites) {
    const history = plan.satellites.get(s.slug);
    if (!history) continue;
    sources.push(rollupRows(s, history, HOUR_MS, hourlyFrom, plan.now, toDate));
    sources.push(rollupRows(s, history, FIVE_MIN_MS, fiveFrom, plan.now, toDate));
  }
  const rollups = isSqlite ? writeSqlite(sources) : await writePostgres(sources);

  for (const incident of plan.incidents) {
    const ids = incident.slugs.flatMap((slug) => (idOf.has(slug) ? [idOf.get(slug) as string] : []));
    await db.incident.create({
      data: {
        title: incident.title,
        impact: incident.impact,
        status: "resolved",
        startedAt: new Date(incident.startedAt),
        resolvedAt: new Date(incident.resolvedAt),
        createdAt: new Date(incident.startedAt),
        satellites: { create: ids.map((satelliteId) => ({ satelliteId })) },
        updates: {
          create: incident.updates.map((u) => ({
            status: u.status,
            body: u.body,
            createdAt: new Date(u.at),
          })),
        },
      },
    });
  }
  return { satellites: satellites.length, events: events.length, rollups, incidents: plan.incidents.length };
}
