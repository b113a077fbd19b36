import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { validationError } from "../errors";
import { labelNeedle } from "@/lib/labels";
import { SatelliteQuery, type SatelliteFilter } from "./schemas";
import { bySeverity } from "./list-severity";
import { toSatelliteView, type SatelliteView } from "./view";

export type SatellitePage = {
  total: number;
  page: number;
  limit: number;
  /** The sort applied, the default filled in, so the page marks the right header. */
  sort: SatelliteQuery["sort"];
  dir: SatelliteQuery["dir"];
  items: SatelliteView[];
};

const ORDER: Record<
  Exclude<SatelliteQuery["sort"], "severity">,
  (dir: "asc" | "desc") => Prisma.SatelliteOrderByWithRelationInput[]
> = {
  name: (dir) => [{ name: dir }, { slug: "asc" }],
  slug: (dir) => [{ slug: dir }],
  country: (dir) => [{ country: dir }, { city: dir }, { name: "asc" }],
  kind: (dir) => [{ kind: dir }, { name: "asc" }],
  provider: (dir) => [{ provider: dir }, { name: "asc" }],
  region: (dir) => [{ regionId: dir }, { name: "asc" }],
  stackVersion: (dir) => [{ stackVersion: dir }, { name: "asc" }],
  lastSeen: (dir) => [{ lastSeenAt: { sort: dir, nulls: "last" } }, { name: "asc" }],
  created: (dir) => [{ createdAt: dir }, { slug: "asc" }],
};

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

export async function listSatellites(ctx: Ctx, input: unknown, now = new Date()): Promise<SatellitePage> {
  authorize(ctx, "satellites.read");
  const parsed = SatelliteQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const query = parsed.data;
  const where = satelliteWhere(query, now);
  const skip = (query.page - 1) * query.limit;
  const { total, rows } =
    query.sort === "severity"
      ? await bySeverity(where, query.dir, skip, query.limit, now)
      : await Promise.all([
          db.satellite.count({ where }),
          db.satellite.findMany({ where, orderBy: ORDER[query.sort](query.dir), skip, take: query.limit }),
        ]).then(([total, rows]) => ({ total, rows }));
  return {
    total,
    page: query.page,
    limit: query.limit,
    sort: query.sort,
    dir: query.dir,
    items: rows.map((r) => toSatelliteView(r, now)),
  };
}

export async function listProviders(ctx: Ctx): Promise<string[]> {
  authorize(ctx, "satellites.read");
  const rows = await db.satellite.findMany({
    distinct: ["provider"],
    select: { provider: true },
    orderBy: { provider: "asc" },
  });
  return rows.map((r) => r.provider);
}
