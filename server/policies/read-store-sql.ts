import "server-only";
import type { Outcome } from "@/lib/policies/kinds";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../db-raw";
import type { ChangeRow, Mark } from "./read-store";

// The posture log's reads from the database (read-store.ts holds the log): its mark, its changes in order and
// the current results, through the drivers rather than Prisma, since a whole read at 100,000 satellites is
// millions of rows.

const MARK_SQL = `SELECT (SELECT MAX("at") FROM "PolicyResultChange") AS "maxAt",
  (SELECT "value" FROM "JobState" WHERE "name" = 'policies.evaluation') AS "pass",
  (SELECT MIN("at") FROM "PolicyResultChange") AS "minAt",
  (SELECT COUNT(*) FROM "PolicyResultChange" WHERE "at" = (SELECT MAX("at") FROM "PolicyResultChange")) AS "atMax"`;

const ms = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date).getTime());

export async function readMark(): Promise<Mark> {
  const row = isSqlite
    ? (rawSqlite().prepare(MARK_SQL).get() as Record<string, unknown>)
    : (await rawPgPool().query<Record<string, unknown>>(MARK_SQL)).rows[0];
  let fullAt = -Infinity;
  let wrote = 0;
  let wroteAt = -Infinity;
  try {
    const pass = JSON.parse(String(row.pass)) as { fullAt: string; wrote?: number; wroteAt?: string };
    fullAt = new Date(pass.fullAt).getTime() || -Infinity;
    wrote = pass.wrote ?? 0;
    wroteAt = pass.wroteAt ? new Date(pass.wroteAt).getTime() : -Infinity;
  } catch {
    // No pass has run yet.
  }
  return {
    maxAt: ms(row.maxAt) ?? -Infinity,
    minAt: ms(row.minAt) ?? Infinity,
    atMax: Number(row.atMax ?? 0),
    wrote,
    wroteAt,
    fullAt,
  };
}

const CHANGES_SQL = `SELECT "id","policyId","satelliteId","policyVersion","outcome","reason","at" FROM "PolicyResultChange"`;
const ORDER = ` ORDER BY "at","id"`;

/** The log in order, from `from` (inclusive) or from the start, through the drivers. */
export async function readChanges(from: number | null): Promise<ChangeRow[]> {
  const date = from === null ? null : new Date(from);
  const raw = isSqlite
    ? ((date
        ? rawSqlite().prepare(`${CHANGES_SQL} WHERE "at" >= ?${ORDER}`).all(sqliteDate(date))
        : rawSqlite().prepare(`${CHANGES_SQL}${ORDER}`).all()) as Record<string, unknown>[])
    : (
        await rawPgPool().query<Record<string, unknown>>(
          date ? `${CHANGES_SQL} WHERE "at" >= $1${ORDER}` : `${CHANGES_SQL}${ORDER}`,
          date ? [pgDate(date)] : [],
        )
      ).rows;
  return raw.map((r) => ({
    ...(r as Omit<ChangeRow, "at">),
    policyVersion: Number(r.policyVersion),
    at: ms(r.at)!,
  }));
}

const RESULTS_SQL = `SELECT "policyId","satelliteId","outcome","reason","since" FROM "PolicyResult"`;

export async function readResults() {
  const raw = isSqlite
    ? (rawSqlite().prepare(RESULTS_SQL).all() as Record<string, unknown>[])
    : (await rawPgPool().query<Record<string, unknown>>(RESULTS_SQL)).rows;
  return raw.map((r) => ({
    policyId: r.policyId as string,
    satelliteId: r.satelliteId as string,
    outcome: r.outcome as Outcome,
    reason: r.reason as string,
    since: ms(r.since)!,
  }));
}
