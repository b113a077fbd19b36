// Writes the seeded fleet through the drivers in bulk: Prisma's createMany took ~100 s for 100,000 satellites,
// multi-row statements in one transaction take a few. SQLite gets prepared multi-row INSERTs, PostgreSQL one
// json_populate_recordset per batch (it casts the enums, JSON and timestamps itself).
import { randomBytes } from "node:crypto";
import { rngFor } from "../../agent/sim/prng";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../../server/db-raw";
import { connectivityDeadlines, offlineAfterSec, staleAfterSec, type Connectivity } from "@/lib/connectivity";

export type FleetRow = Record<string, string | number | boolean | Date | null | Record<string, string>>;

/** Parameters per SQLite statement: well under its limit of 32,766, and a statement that prepares fast. */
const SQLITE_PARAMS = 1500;
const PG_ROWS_PER_INSERT = 5000;

/** A cuid-like id (Prisma's default for the column applies only when Prisma writes the row). */
export function seedId(): string {
  // Random bytes drawn in bulk: one call per id cost ~30 µs, most of building 100,000 rows.
  if (pool.length - used < 15) {
    pool = randomBytes(15 * 4096);
    used = 0;
  }
  used += 15;
  return `c${pool
    .subarray(used - 15, used)
    .toString("base64url")
    .toLowerCase()
    .replace(/[-_]/g, "0")}`;
}
let pool: Buffer = Buffer.alloc(0);
let used = 0;

/**
 * The latest heartbeat of a running fleet, as if every agent but the pending ones had been reporting
 * (--last-seen): most connected and healthy, a few degraded or critical, a few stale or offline. For
 * benchmarks: without agents reporting, the fleet goes stale and offline within minutes, as a real one would.
 */
export function lastSeenColumns(
  s: { slug: string; lifecycle: string; heartbeatIntervalSec: number; uplinkMbps: number },
  nowMs: number,
): FleetRow {
  if (s.lifecycle === "pending") return {};
  const random = rngFor(s.slug, "last-seen");
  const roll = random();
  const interval = s.heartbeatIntervalSec;
  const silentSec =
    roll < 0.03
      ? offlineAfterSec(interval) + random() * 86_400 // offline: gone for up to a day
      : roll < 0.05
        ? staleAfterSec(interval) + random() * (offlineAfterSec(interval) - staleAfterSec(interval) - 1)
        : random() * interval;
  const lastSeenAt = new Date(nowMs - Math.floor(silentSec * 1000));
  const connectivity: Connectivity = roll < 0.03 ? "offline" : roll < 0.05 ? "stale" : "connected";
  const h = random();
  const reportedHealth = h < 0.9 ? "healthy" : h < 0.97 ? "degraded" : "critical";
  const load = 0.05 + random() * 0.6;
  return {
    lastSeenAt,
    ...connectivityDeadlines(lastSeenAt, interval),
    reportedHealth,
    healthChangedAt: new Date(lastSeenAt.getTime() - Math.floor(random() * 7 * 86_400_000)),
    lastRxMbps: Math.round(s.uplinkMbps * load),
    lastTxMbps: Math.round(s.uplinkMbps * load * 0.6),
    lastRttMs: Math.round(5 + random() * 120),
    recordedConnectivity: connectivity,
  };
}

const COLUMNS = [
  "id",
  "slug",
  "name",
  "kind",
  "provider",
  "city",
  "country",
  "lat",
  "lon",
  "regionId",
  "isRegionPinned",
  "labels",
  "cpuCores",
  "memoryGb",
  "storageTb",
  "uplinkMbps",
  "downlinkMbps",
  "stackVersion",
  "agentVersion",
  "lifecycle",
  "heartbeatIntervalSec",
  "labelText",
  "searchText",
  "lastSeenAt",
  "staleAfter",
  "offlineAfter",
  "reportedHealth",
  "healthChangedAt",
  "lastRxMbps",
  "lastTxMbps",
  "lastRttMs",
  "recordedConnectivity",
  "createdAt",
  "updatedAt",
] as const;
const DEFAULTS: FleetRow = {
  isRegionPinned: false,
  reportedHealth: "unknown",
  recordedConnectivity: "never_seen",
};

function sqliteValue(v: FleetRow[string] | undefined): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return sqliteDate(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v !== null && typeof v === "object") return JSON.stringify(v);
  return v;
}

/** Inserts the fleet (every column above; the missing ones null or their default) in one transaction. */
export function insertFleet(rows: readonly FleetRow[], now: Date): Promise<void> {
  return insertRows(
    "Satellite",
    COLUMNS,
    rows.map((r) => ({ ...DEFAULTS, createdAt: now, updatedAt: now, ...r })),
  );
}

/** Inserts rows of one table in one transaction, in multi-row statements; absent columns are written null. */
export async function insertRows(
  table: string,
  columns: readonly string[],
  rows: readonly FleetRow[],
): Promise<void> {
  const cols = columns.map((c) => `"${c}"`).join(",");
  if (isSqlite) {
    const sqlite = rawSqlite();
    const perInsert = Math.floor(SQLITE_PARAMS / columns.length);
    const tuple = `(${columns.map(() => "?").join(",")})`;
    const insert = (n: number) =>
      sqlite.prepare(`INSERT INTO "${table}" (${cols}) VALUES ${Array(n).fill(tuple).join(",")}`);
    const many = insert(perInsert);
    const one = insert(1);
    const values = (r: FleetRow) => columns.map((c) => sqliteValue(r[c]));
    sqlite.transaction(() => {
      let i = 0;
      for (; i + perInsert <= rows.length; i += perInsert)
        many.run(rows.slice(i, i + perInsert).flatMap(values));
      for (; i < rows.length; i++) one.run(values(rows[i]));
    })();
    return;
  }
  const client = await rawPgPool().connect();
  try {
    await client.query("BEGIN");
    for (let i = 0; i < rows.length; i += PG_ROWS_PER_INSERT) {
      const batch = rows.slice(i, i + PG_ROWS_PER_INSERT).map((r) =>
        Object.fromEntries(
          columns.map((c) => {
            const v = r[c];
            return [c, v instanceof Date ? pgDate(v) : (v ?? null)];
          }),
        ),
      );
      await client.query(
        `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
        [JSON.stringify(batch)],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
