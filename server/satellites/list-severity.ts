import "server-only";
import { db, type Prisma } from "../db";
import { afterWhere, orderOf, reversed, type SortKey } from "./list-cursor";
import { severityOrder, severityWhere, SEVERITIES, type Severity } from "./severity";

type Row = Awaited<ReturnType<typeof db.satellite.findMany>>[number];

/** Within a severity, satellites are in name order (then slug, which is unique). */
export const SEVERITY_KEYS: SortKey[] = [
  { field: "name", dir: "asc" },
  { field: "slug", dir: "asc" },
];

/** How many satellites of `where` hold each severity at `now`: four indexed queries, whatever the fleet. */
async function severityCounts(where: Prisma.SatelliteWhereInput, now: Date): Promise<Map<Severity, number>> {
  const only = (s: Severity) => db.satellite.count({ where: { AND: [where, severityWhere(s, now)] } });
  const [connected, offline, stale, neverSeen] = await Promise.all([
    db.satellite.groupBy({
      by: ["reportedHealth"],
      where: { AND: [where, { staleAfter: { gt: now } }] },
      _count: { _all: true },
    }),
    only("offline"),
    only("stale"),
    only("never_seen"),
  ]);
  const counts = new Map<Severity, number>([
    ["offline", offline],
    ["stale", stale],
    ["never_seen", neverSeen],
  ]);
  for (const g of connected) counts.set(g.reportedHealth, g._count._all);
  return counts;
}

/** Where to start: rows to skip (a page number), or a keyset position [severity, name, slug]. */
export type SeverityStart =
  { skip: number } | { cursor: [severity: string, name: string, slug: string]; backwards: boolean };

/**
 * Severity depends on `now`, so no column holds it: each severity is a bucket (./severity.ts), counted with
 * the filters, and the page is read from the one or two buckets it spans, by name, with indexed conditions.
 * Reads up to `take` rows (backwards from a cursor: returned in the list's order all the same).
 */
export async function bySeverity(
  where: Prisma.SatelliteWhereInput,
  dir: "asc" | "desc",
  start: SeverityStart,
  take: number,
  now: Date,
  held?: ReadonlyMap<Severity, number>,
): Promise<{ total: number; rows: Row[] }> {
  // Counts from the fleet's state in memory when the caller has them (the list: ./list.ts), else in SQL.
  const counts = held ?? (await severityCounts(where, now));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const backwards = "cursor" in start && start.backwards;
  const heldAtCursor = held !== undefined && "cursor" in start;
  let order: readonly Severity[] = severityOrder(dir);
  if (backwards) order = [...order].reverse();
  let skip = "skip" in start ? start.skip : 0;
  let from = 0;
  if ("cursor" in start) {
    from = order.indexOf(start.cursor[0] as Severity);
    if (from < 0 || !SEVERITIES.includes(start.cursor[0] as Severity)) from = 0;
  }
  const keys = backwards ? reversed(SEVERITY_KEYS) : SEVERITY_KEYS;
  const ids: string[] = [];
  for (let i = from; i < order.length && take > 0; i++) {
    const severity = order[i];
    const n = counts.get(severity) ?? 0;
    // Held counts may be a second old: a bucket they call empty is still read when a cursor places the page
    // (a cursor never skips, so only an empty bucket is passed over here).
    if (skip >= n && !heldAtCursor) {
      skip -= n;
      continue;
    }
    const keyset = "cursor" in start && i === from ? [afterWhere(keys, start.cursor.slice(1))] : [];
    // Ids only: a large bucket is sorted by name in a temporary index, and small rows sort cheaply.
    const read = await db.satellite.findMany({
      where: { AND: [where, severityWhere(severity, now), ...keyset] },
      orderBy: orderOf(keys),
      skip,
      take,
      select: { id: true },
    });
    for (const r of read) ids.push(r.id);
    take -= read.length;
    skip = 0;
  }
  if (backwards) ids.reverse();
  if (ids.length === 0) return { total, rows: [] };
  const byId = new Map((await db.satellite.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
  // A satellite retired between the two reads is left out rather than shown as a gap.
  return { total, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}
