// Host facts for the demo fleet, from the simulator's own model (agent/sim/facts-model.ts), so the demo shows
// compliance violations before any agent reports, and the simulator then reports the same facts. Pending
// satellites (never seen) and silent old agents get no row: their facts are unknown.
import { simulatedFacts } from "../../agent/sim/facts-model";
import { rngFor } from "../../agent/sim/prng";
import type { Db } from "../../server/db";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../../server/db-raw";

// PostgreSQL takes at most 65,535 parameters a statement; SQLite's prepared statements stay small.
const BATCH = 1000;
const SQLITE_ROWS_PER_INSERT = 50;
/** A seeded report is a little old, as if each agent had reported within its last hour. */
const MAX_AGE_MS = 45 * 60_000;

export type FactsSeedSatellite = {
  id: string;
  slug: string;
  country: string;
  agentVersion: string | null;
  lifecycle: string;
};

export function seedFactsRows(satellites: FactsSeedSatellite[], nowMs: number) {
  const rows = [];
  for (const s of satellites) {
    if (s.lifecycle === "pending" || s.lifecycle === "decommissioned") continue;
    const agentVersion = s.agentVersion ?? "1.4.0";
    const facts = simulatedFacts({ slug: s.slug, country: s.country, agentVersion }, nowMs);
    if (!facts) continue;
    rows.push({
      satelliteId: s.id,
      osName: facts.osName ?? null,
      osVersion: facts.osVersion ?? null,
      kernel: facts.kernel ?? null,
      agentVersion,
      diskEncrypted: facts.diskEncrypted ?? null,
      timeSynced: facts.timeSynced ?? null,
      clockOffsetMs: facts.clockOffsetMs ?? null,
      fipsEnabled: facts.fipsEnabled ?? null,
      pendingSecurityUpdates: facts.pendingSecurityUpdates ?? null,
      lastBackupAt: facts.lastBackupAt ? new Date(facts.lastBackupAt) : null,
      reportedAt: new Date(nowMs - Math.floor(rngFor(s.slug, "facts-age")() * MAX_AGE_MS)),
    });
  }
  return rows;
}

const COLUMNS = [
  "satelliteId",
  "osName",
  "osVersion",
  "kernel",
  "agentVersion",
  "diskEncrypted",
  "timeSynced",
  "clockOffsetMs",
  "fipsEnabled",
  "pendingSecurityUpdates",
  "lastBackupAt",
  "reportedAt",
  "updatedAt",
] as const;
const COLS = COLUMNS.map((c) => `"${c}"`).join(",");
type Row = ReturnType<typeof seedFactsRows>[number];

/** One value per column, as each driver stores it (SQLite: 0/1 and ISO text with an offset). */
function values(row: Row, updatedAt: Date, isSqliteDb: boolean): unknown[] {
  const date = (d: Date | null) => (d === null ? null : isSqliteDb ? sqliteDate(d) : pgDate(d));
  const flag = (b: boolean | null) => (b === null || !isSqliteDb ? b : b ? 1 : 0);
  return [
    row.satelliteId,
    row.osName,
    row.osVersion,
    row.kernel,
    row.agentVersion,
    flag(row.diskEncrypted),
    flag(row.timeSynced),
    row.clockOffsetMs,
    flag(row.fipsEnabled),
    row.pendingSecurityUpdates,
    date(row.lastBackupAt),
    date(row.reportedAt),
    date(updatedAt),
  ];
}

/**
 * Writes the fleet's facts through the drivers in bulk, like the history (Prisma's createMany took seconds
 * for 10,000 rows); returns how many satellites got facts.
 */
export async function seedFacts(db: Db, nowMs = Date.now()): Promise<number> {
  const satellites = await db.satellite.findMany({
    select: { id: true, slug: true, country: true, agentVersion: true, lifecycle: true },
  });
  const rows = seedFactsRows(satellites, nowMs);
  const now = new Date(nowMs);
  const tuple = `(${COLUMNS.map(() => "?").join(",")})`;
  if (isSqlite) {
    const sqlite = rawSqlite();
    const insert = (n: number) =>
      sqlite.prepare(`INSERT INTO "SatelliteFacts" (${COLS}) VALUES ${Array(n).fill(tuple).join(",")}`);
    const many = insert(SQLITE_ROWS_PER_INSERT);
    const one = insert(1);
    sqlite.transaction(() => {
      let i = 0;
      for (; i + SQLITE_ROWS_PER_INSERT <= rows.length; i += SQLITE_ROWS_PER_INSERT) {
        many.run(rows.slice(i, i + SQLITE_ROWS_PER_INSERT).flatMap((r) => values(r, now, true)));
      }
      for (; i < rows.length; i++) one.run(values(rows[i], now, true));
    })();
    return rows.length;
  }
  const pool = rawPgPool();
  const width = COLUMNS.length;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const placeholders = batch
      .map((_, r) => `(${COLUMNS.map((__, c) => `$${r * width + c + 1}`).join(",")})`)
      .join(",");
    await pool.query(
      `INSERT INTO "SatelliteFacts" (${COLS}) VALUES ${placeholders}`,
      batch.flatMap((r) => values(r, now, false)),
    );
  }
  return rows.length;
}
