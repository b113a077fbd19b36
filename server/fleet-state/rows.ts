import "server-only";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../db-raw";

// How the fleet's latest state is read: through the drivers themselves, as ingest writes it (at 10,000 rows
// Prisma's per-row cost was most of a read). SQLite hands dates back as ISO text, the pg pool as Dates.

/** One satellite's latest row: what the metrics, the map and the fleet counts need, nothing per sample. */
export type LatestSatellite = {
  id: string;
  slug: string;
  name: string;
  regionId: string;
  provider: string;
  kind: string;
  lifecycle: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  /** "|key=value|…|", as stored (labelText). */
  labelText: string;
  stackVersion: string | null;
  agentVersion: string | null;
  heartbeatIntervalSec: number;
  lastSeenAt: Date | null;
  staleAfter: Date | null;
  offlineAfter: Date | null;
  reportedHealth: string;
  healthChangedAt: Date | null;
  lastRxMbps: number | null;
  lastTxMbps: number | null;
  lastRttMs: number | null;
  uplinkMbps: number;
  downlinkMbps: number;
  updatedAt: Date;
};

const DATE_COLUMNS = [
  "lastSeenAt",
  "staleAfter",
  "offlineAfter",
  "healthChangedAt",
  "updatedAt",
] as const satisfies readonly (keyof LatestSatellite)[];

export const COLUMNS = [
  "id",
  "slug",
  "name",
  "regionId",
  "provider",
  "kind",
  "lifecycle",
  "city",
  "country",
  "lat",
  "lon",
  "labelText",
  "stackVersion",
  "agentVersion",
  "heartbeatIntervalSec",
  "lastSeenAt",
  "staleAfter",
  "offlineAfter",
  "reportedHealth",
  "healthChangedAt",
  "lastRxMbps",
  "lastTxMbps",
  "lastRttMs",
  "uplinkMbps",
  "downlinkMbps",
  "updatedAt",
] as const satisfies readonly (keyof LatestSatellite)[];

const SELECT = `SELECT ${COLUMNS.map((c) => `"${c}"`).join(",")} FROM "Satellite"`;
const FULL_SQL = `${SELECT} WHERE "lifecycle" <> 'decommissioned'`;
// Decommissioned rows are read too, so the state can drop them.
const STAMPS_SQL = `SELECT "id","updatedAt" FROM "Satellite" WHERE "updatedAt" > `;
/** Rows fetched by id per query: well under SQLite's bound-parameter limit. */
const BY_IDS_CHUNK = 500;

type RawRow = Record<string, unknown>;

function toRow(raw: RawRow): LatestSatellite {
  for (const c of DATE_COLUMNS) {
    const v = raw[c];
    if (typeof v === "string") raw[c] = new Date(v);
  }
  return raw as LatestSatellite;
}

/** Where the state reads from; tests and a later push path may pass their own. */
export type FleetReader = {
  /** Every satellite that is not decommissioned. */
  all(): Promise<LatestSatellite[]>;
  /** The id and updatedAt of every satellite (decommissioned ones included) whose row changed after `since`. */
  stampsSince(since: Date): Promise<{ id: string; updatedAt: Date }[]>;
  /** These satellites' rows, decommissioned or not; ids that no longer exist are left out. */
  byIds(ids: readonly string[]): Promise<LatestSatellite[]>;
};

// A delta read asks for stamps first: re-reading the whole overlap window in full cost ~15 times more per row
// than its two stamp columns, and nearly all of those rows are already held as they are.
export const driverReader: FleetReader = {
  async all() {
    const raw = isSqlite
      ? (rawSqlite().prepare(FULL_SQL).all() as RawRow[])
      : (await rawPgPool().query<RawRow>(FULL_SQL)).rows;
    return raw.map(toRow);
  },
  async stampsSince(since) {
    // Both databases keep updatedAt in a form that sorts as text (SQLite) or as a timestamp (PostgreSQL).
    const raw = isSqlite
      ? (rawSqlite().prepare(`${STAMPS_SQL}?`).all(sqliteDate(since)) as { id: string; updatedAt: string }[])
      : (await rawPgPool().query<{ id: string; updatedAt: Date }>(`${STAMPS_SQL}$1`, [pgDate(since)])).rows;
    return raw.map((r) => ({ id: r.id, updatedAt: new Date(r.updatedAt) }));
  },
  async byIds(ids) {
    const rows: LatestSatellite[] = [];
    for (let i = 0; i < ids.length; i += BY_IDS_CHUNK) {
      const chunk = ids.slice(i, i + BY_IDS_CHUNK);
      const raw = isSqlite
        ? (rawSqlite()
            .prepare(`${SELECT} WHERE "id" IN (${chunk.map(() => "?").join(",")})`)
            .all(...chunk) as RawRow[])
        : (await rawPgPool().query<RawRow>(`${SELECT} WHERE "id" = ANY($1)`, [chunk])).rows;
      for (const r of raw) rows.push(toRow(r));
    }
    return rows;
  },
};

/** Whether two rows of one satellite differ in anything the state holds. */
export function sameRow(a: LatestSatellite, b: LatestSatellite): boolean {
  for (const c of COLUMNS) {
    const x = a[c];
    const y = b[c];
    if (x instanceof Date || y instanceof Date) {
      if ((x as Date | null)?.getTime() !== (y as Date | null)?.getTime()) return false;
    } else if (x !== y) return false;
  }
  return true;
}
