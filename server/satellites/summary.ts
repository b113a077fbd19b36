import "server-only";
import { CONNECTIVITY, HEALTH, type Connectivity, type Health } from "@/lib/connectivity";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { satelliteWhere } from "./list";
import { SatelliteQuery } from "./schemas";

export type FleetSummary = {
  total: number;
  byConnectivity: Record<Connectivity, number>;
  byHealth: Record<Health, number>;
  byRegion: { regionId: string; name: string; color: string; count: number }[];
  byKind: Record<string, number>;
  uplinkMbps: number;
};

/** Counts for the overview, computed with the same filters the lists use, so the numbers agree. */
export async function fleetSummary(ctx: Ctx, now = new Date()): Promise<FleetSummary> {
  authorize(ctx, "satellites.read");
  const where = (extra: Record<string, unknown> = {}) => satelliteWhere(SatelliteQuery.parse(extra), now);
  const [total, connectivity, health, regions, regionRows, kinds, link] = await Promise.all([
    db.satellite.count({ where: where() }),
    Promise.all(CONNECTIVITY.map((c) => db.satellite.count({ where: where({ connectivity: c }) }))),
    Promise.all(HEALTH.map((h) => db.satellite.count({ where: where({ health: h }) }))),
    db.satellite.groupBy({ by: ["regionId"], where: where(), _count: { _all: true } }),
    db.complianceRegion.findMany({ select: { id: true, name: true, color: true } }),
    db.satellite.groupBy({ by: ["kind"], where: where(), _count: { _all: true } }),
    db.satellite.aggregate({ where: where(), _sum: { uplinkMbps: true } }),
  ]);
  const regionInfo = new Map(regionRows.map((r) => [r.id, r]));
  return {
    total,
    byConnectivity: Object.fromEntries(CONNECTIVITY.map((c, i) => [c, connectivity[i]])) as Record<
      Connectivity,
      number
    >,
    byHealth: Object.fromEntries(HEALTH.map((h, i) => [h, health[i]])) as Record<Health, number>,
    byRegion: regions
      .map((r) => ({
        regionId: r.regionId,
        name: regionInfo.get(r.regionId)?.name ?? r.regionId,
        color: regionInfo.get(r.regionId)?.color ?? "#888",
        count: r._count._all,
      }))
      .sort((a, b) => b.count - a.count),
    byKind: Object.fromEntries(kinds.map((k) => [k.kind, k._count._all])),
    uplinkMbps: link._sum.uplinkMbps ?? 0,
  };
}
