import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { loadRegions } from "./load";
import type { ResidencyRule } from "./schemas";

/** A region as its admin page shows it, with what uses it. */
export type RegionAdminView = {
  id: string;
  name: string;
  jurisdiction: string;
  frameworks: string[];
  color: string;
  countries: string[];
  residencyRule: ResidencyRule;
  residencyAllowed: string[];
  description: string;
  retiredAt: string | null;
  /** Satellites in it now, decommissioned ones apart (they keep the region for their history). */
  satelliteCount: number;
  decommissionedCount: number;
  userCount: number;
  statusPageCount: number;
  releaseCount: number;
};

/** Every region, retired ones included, with its usage counts: the admin list. */
export async function listRegionsForAdmin(ctx: Ctx): Promise<RegionAdminView[]> {
  authorize(ctx, "regions.manage");
  const [regions, live, gone, users, pages, releases] = await Promise.all([
    loadRegions(db),
    db.satellite.groupBy({ by: ["regionId"], where: { decommissionedAt: null }, _count: { _all: true } }),
    db.satellite.groupBy({
      by: ["regionId"],
      where: { decommissionedAt: { not: null } },
      _count: { _all: true },
    }),
    db.userRegion.groupBy({ by: ["regionId"], _count: { _all: true } }),
    db.statusPageRegion.groupBy({ by: ["regionId"], _count: { _all: true } }),
    db.releaseRegion.groupBy({ by: ["regionId"], _count: { _all: true } }),
  ]);
  const count = (rows: { regionId: string; _count: { _all: number } }[]) =>
    new Map(rows.map((r) => [r.regionId, r._count._all]));
  const [liveOf, goneOf, usersOf, pagesOf, releasesOf] = [live, gone, users, pages, releases].map(count);
  return regions
    .map((r) => ({
      id: r.id,
      name: r.name,
      jurisdiction: r.jurisdiction,
      frameworks: r.frameworks,
      color: r.color,
      countries: [...r.countries],
      residencyRule: r.residencyRule,
      residencyAllowed: r.residencyAllowed,
      description: r.description,
      retiredAt: r.retiredAt?.toISOString() ?? null,
      satelliteCount: liveOf.get(r.id) ?? 0,
      decommissionedCount: goneOf.get(r.id) ?? 0,
      userCount: usersOf.get(r.id) ?? 0,
      statusPageCount: pagesOf.get(r.id) ?? 0,
      releaseCount: releasesOf.get(r.id) ?? 0,
    }))
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || a.id.localeCompare(b.id));
}

/** One region for its edit page, by id. */
export async function getRegionForAdmin(ctx: Ctx, id: string): Promise<RegionAdminView> {
  authorize(ctx, "regions.manage");
  if (typeof id !== "string" || id.length === 0 || id.length > 40) {
    throw new AppError("NOT_FOUND", "There is no such compliance region.");
  }
  const all = await listRegionsForAdmin(ctx);
  const found = all.find((r) => r.id === id);
  if (!found) throw new AppError("NOT_FOUND", "There is no such compliance region.");
  return found;
}
