import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { latestFleet } from "../fleet-state";
import { aggregatesOf, filteredCountsOf, type FilteredCounts } from "../fleet-state/aggregates";
import { rowFilter } from "../map/map-rows";
import { parseInput, validationError } from "../errors";
import { labelNeedle } from "@/lib/labels";
import {
  afterWhere,
  decodeCursor,
  encodeCursor,
  filterDigest,
  orderOf,
  reversed,
  sortKeys,
  valuesOf,
} from "./list-cursor";
import { bySeverity } from "./list-severity";
import { SatelliteListCursor, SatelliteQuery, type SatelliteFilter } from "./schemas";
import { toSatelliteView, type SatelliteView } from "./view";

export type SatellitePage = {
  total: number;
  page: number;
  limit: number;
  /** The sort applied, the default filled in, so the page marks the right header. */
  sort: SatelliteQuery["sort"];
  dir: SatelliteQuery["dir"];
  items: SatelliteView[];
  /** Keyset cursors for the pages after and before this one (null at either end). */
  nextCursor: string | null;
  prevCursor: string | null;
};

type Row = Awaited<ReturnType<typeof db.satellite.findMany>>[number];

/**
 * Connectivity and health filters, as SQL over the deadlines ingest stores beside lastSeenAt, so the
 * database filters with indexes and agrees with connectivityOf() at the same `now`.
 */
export function statusWhere(query: SatelliteFilter, now: Date): Prisma.SatelliteWhereInput[] {
  const and: Prisma.SatelliteWhereInput[] = [];
  if (query.connectivity?.length) {
    const byState: Record<string, Prisma.SatelliteWhereInput> = {
      connected: { staleAfter: { gt: now } },
      stale: { staleAfter: { lte: now }, offlineAfter: { gt: now } },
      offline: { offlineAfter: { lte: now } },
      never_seen: { lastSeenAt: null },
    };
    and.push({ OR: query.connectivity.map((c) => byState[c]) });
  }
  if (query.health?.length) {
    const live = { offlineAfter: { gt: now } };
    const byHealth: Record<string, Prisma.SatelliteWhereInput> = {
      healthy: { ...live, reportedHealth: "healthy" },
      degraded: { ...live, reportedHealth: "degraded" },
      critical: { ...live, reportedHealth: "critical" },
      unknown: { OR: [{ lastSeenAt: null }, { offlineAfter: { lte: now } }, { reportedHealth: "unknown" }] },
    };
    and.push({ OR: query.health.map((h) => byHealth[h]) });
  }
  return and;
}

export function satelliteWhere(query: SatelliteFilter, now: Date): Prisma.SatelliteWhereInput {
  const and: Prisma.SatelliteWhereInput[] = [];
  if (query.q) and.push({ searchText: { contains: query.q.toLowerCase() } });
  if (query.region?.length) and.push({ regionId: { in: query.region } });
  if (query.kind?.length) and.push({ kind: { in: query.kind } });
  if (query.provider?.length) and.push({ provider: { in: query.provider } });
  if (query.lifecycle?.length) and.push({ lifecycle: { in: query.lifecycle } });
  else and.push({ lifecycle: { not: "decommissioned" } });
  for (const pair of query.label ?? []) {
    and.push({ labelText: { contains: labelNeedle(pair) } });
  }
  and.push(...statusWhere(query, now));
  return { AND: and };
}

/**
 * One page of the list. With a cursor (`after` or `before`, from the previous answer) the page is read by
 * keyset from there, as cheap deep in the list as at its start; a bare page number still works (OFFSET) for
 * old links. A cursor made for another sort or other filters is ignored: the list starts again.
 */
export async function listSatellites(ctx: Ctx, input: unknown, now = new Date()): Promise<SatellitePage> {
  authorize(ctx, "satellites.read");
  const parsed = SatelliteQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const query = parsed.data;
  const position = parseInput(SatelliteListCursor, input ?? {});
  const { sort, dir, page, limit, ...filter } = query;
  const digest = filterDigest(filter);
  const cursor = decodeCursor(position.before ?? position.after);
  const usable = cursor?.sort === sort && cursor.dir === dir && cursor.filter === digest ? cursor : null;
  const backwards = usable !== null && position.before !== undefined;
  const where = satelliteWhere(query, now);
  const skip = usable ? 0 : (page - 1) * limit;
  const held = await heldCounts(filter, digest, now);
  let total: number;
  let rows: Row[];
  if (sort === "severity") {
    const start = usable
      ? { cursor: usable.values.map(String) as [string, string, string], backwards }
      : { skip };
    ({ total, rows } = await bySeverity(where, dir, start, limit + 1, now, held?.byStatus));
  } else {
    const keys = backwards ? reversed(sortKeys(sort, dir)) : sortKeys(sort, dir);
    const read = usable ? { AND: [where, afterWhere(keys, usable.values, backwards)] } : where;
    [total, rows] = await Promise.all([
      held ? held.total : db.satellite.count({ where }),
      db.satellite.findMany({ where: read, orderBy: orderOf(keys, backwards), skip, take: limit + 1 }),
    ]);
    if (backwards) rows.reverse();
  }
  // One row more than a page tells whether the list goes on in the direction read.
  const hasMore = rows.length > limit;
  if (hasMore) rows = backwards ? rows.slice(1) : rows.slice(0, limit);
  const items = rows.map((r) => toSatelliteView(r, now));
  const cursorAt = (i: number): string | null => {
    const item = items[i];
    if (!item) return null;
    const values =
      sort === "severity" ? [item.severity, item.name, item.slug] : valuesOf(sortKeys(sort, dir), rows[i]);
    return encodeCursor({ sort, dir, filter: digest, values });
  };
  const atStart = backwards ? !hasMore : !usable && page === 1;
  return {
    total,
    page,
    limit,
    sort,
    dir,
    items,
    nextCursor: !backwards && !hasMore ? null : cursorAt(items.length - 1),
    prevCursor: atStart ? null : cursorAt(0),
  };
}

/**
 * The list's counts from the fleet's latest state in memory (at most ~2 s old; server/fleet-state/aggregates.ts),
 * the filters applied to its rows as satelliteWhere applies them in SQL: no count over the Satellite table per
 * page. The state holds no decommissioned satellite, so a filter that asks for them is counted in SQL (null).
 */
async function heldCounts(
  filter: SatelliteFilter,
  digest: string,
  now: Date,
): Promise<FilteredCounts | null> {
  if (filter.lifecycle?.includes("decommissioned")) return null;
  return filteredCountsOf(await latestFleet(), digest, (at) => rowFilter(filter, at), now);
}

/**
 * The providers of the fleet's satellites (decommissioned ones left out), for the filter menus: from the
 * latest state in memory (at most ~2 s old), not a DISTINCT over the Satellite table per page.
 */
export async function listProviders(ctx: Ctx): Promise<string[]> {
  authorize(ctx, "satellites.read");
  return aggregatesOf(await latestFleet()).providers;
}
