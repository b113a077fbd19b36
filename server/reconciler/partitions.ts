import "server-only";
import type pg from "pg";
import { pgDate, rawPgPool } from "../db-raw";

// PostgreSQL keeps raw telemetry in one partition per UTC day of "at", plus a default partition for rows of
// a day that has none (docs/telemetry-storage.md). The migration that made the table partitioned names the
// days the same way.
const TABLE = "TelemetrySample";
export const DEFAULT_PARTITION = `${TABLE}_default`;
/** Days created ahead of today: a reconciler may be down this long before samples fall into the default. */
export const DAYS_AHEAD = 7;
const DAY_MS = 86_400_000;
const NAME = /^TelemetrySample_p(\d{4})(\d{2})(\d{2})$/;
// Partition changes wait at most this long for the table's lock, so ingest never queues long behind one;
// a change that gives up is retried on the next pass.
const LOCK_TIMEOUT = "2s";
// One partition maker at a time: a replica taking the lease over mid-pass must not race the first.
const LOCK_KEY = 0x0_74_73_70; // "tsp"

export type DayPartition = { name: string; from: Date; to: Date };

/** The partition that holds `at`'s UTC day. */
export function dayPartition(at: Date): DayPartition {
  const from = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const stamp = from.toISOString().slice(0, 10).replaceAll("-", "");
  return { name: `${TABLE}_p${stamp}`, from, to: new Date(from.getTime() + DAY_MS) };
}

/** The day partitions that exist, oldest first (the default partition is not among them). */
export async function listDayPartitions(client: pg.ClientBase): Promise<DayPartition[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = '"${TABLE}"'::regclass`,
  );
  return rows
    .flatMap((r) => {
      const m = NAME.exec(r.name);
      return m ? [dayPartition(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])))] : [];
    })
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

async function inTransaction<T>(client: pg.ClientBase, run: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    const result = await run();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Creates one day's partition unless it exists. Rows of that day already in the default partition (the
 * reconciler was down, or the day is in the past) move into it, so the attach never finds them in the way.
 * Built apart and attached, which locks the parent far more lightly than CREATE TABLE … PARTITION OF.
 */
async function createDay(client: pg.ClientBase, day: DayPartition): Promise<boolean> {
  return inTransaction(client, async () => {
    const existing = await client.query(`SELECT 1 FROM pg_class WHERE relname = $1`, [day.name]);
    if (existing.rowCount) return false;
    // Holds inserts routed to the default partition until commit: none may land in this day meanwhile.
    await client.query(`LOCK TABLE "${DEFAULT_PARTITION}" IN SHARE ROW EXCLUSIVE MODE`);
    await client.query(
      `CREATE TABLE "${day.name}" (LIKE "${TABLE}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    const from = pgDate(day.from);
    const to = pgDate(day.to);
    await client.query(
      `WITH moved AS (DELETE FROM "${DEFAULT_PARTITION}" WHERE "at" >= $1 AND "at" < $2 RETURNING *)
       INSERT INTO "${day.name}" SELECT * FROM moved`,
      [from, to],
    );
    // Attaching builds the parent's indexes, primary key and foreign key on the new table.
    await client.query(
      `ALTER TABLE "${TABLE}" ATTACH PARTITION "${day.name}" FOR VALUES FROM ('${from}') TO ('${to}')`,
    );
    return true;
  });
}

/** Makes sure the partitions of `now`'s day and the DAYS_AHEAD days after it exist; returns those it made. */
export async function ensureTelemetryPartitions(now: Date, daysAhead = DAYS_AHEAD): Promise<string[]> {
  const client = await rawPgPool().connect();
  try {
    const have = new Set((await listDayPartitions(client)).map((p) => p.name));
    const created: string[] = [];
    for (let i = 0; i <= daysAhead; i++) {
      const day = dayPartition(new Date(now.getTime() + i * DAY_MS));
      if (!have.has(day.name) && (await createDay(client, day))) created.push(day.name);
    }
    return created;
  } finally {
    client.release();
  }
}

/** Drops every day partition that ends at or before `before`; returns the names dropped. */
export async function dropTelemetryPartitionsBefore(before: Date): Promise<string[]> {
  if (Number.isNaN(before.getTime())) throw new Error("dropTelemetryPartitionsBefore: invalid date");
  const client = await rawPgPool().connect();
  try {
    const dropped: string[] = [];
    for (const day of await listDayPartitions(client)) {
      if (day.to > before) break;
      // A whole day goes at once: no row-by-row delete, no dead tuples, no vacuum debt.
      await inTransaction(client, () => client.query(`DROP TABLE IF EXISTS "${day.name}"`));
      dropped.push(day.name);
    }
    return dropped;
  } finally {
    client.release();
  }
}

/** Deletes the default partition's rows older than `before`, a batch per statement; returns how many. */
export async function pruneDefaultPartition(before: Date, batch: number): Promise<number> {
  const pool = rawPgPool();
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `DELETE FROM "${DEFAULT_PARTITION}" WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM "${DEFAULT_PARTITION}" WHERE "at" < $1 LIMIT ${batch}))`,
      [pgDate(before)],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return total;
  }
}
