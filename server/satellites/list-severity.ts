import "server-only";
import { db, type Prisma } from "../db";
import { severityOrder, severityWhere, type Severity } from "./severity";

type Row = Awaited<ReturnType<typeof db.satellite.findMany>>[number];

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

/**
 * Severity depends on `now`, so no column holds it: each severity is a bucket (./severity.ts), counted with
 * the filters, and the page is read from the one or two buckets it spans, by name, with indexed conditions.
 */
export async function bySeverity(
  where: Prisma.SatelliteWhereInput,
  dir: "asc" | "desc",
  skip: number,
  take: number,
  now: Date,
): Promise<{ total: number; rows: Row[] }> {
  const counts = await severityCounts(where, now);
  const reads: Promise<{ id: string }[]>[] = [];
  let total = 0;
  for (const severity of severityOrder(dir)) {
    const n = counts.get(severity) ?? 0;
    total += n;
    if (take <= 0) continue;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const read = Math.min(take, n - skip);
    // Ids only: a large bucket is sorted by name in a temporary index, and small rows sort cheaply.
    reads.push(
      db.satellite.findMany({
        where: { AND: [where, severityWhere(severity, now)] },
        orderBy: [{ name: "asc" }, { slug: "asc" }],
        skip,
        take: read,
        select: { id: true },
      }),
    );
    take -= read;
    skip = 0;
  }
  const ids = (await Promise.all(reads)).flat().map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const byId = new Map((await db.satellite.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
  // A satellite retired between the two reads is left out rather than shown as a gap.
  return { total, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}
