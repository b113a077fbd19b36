import "server-only";
import type { Connectivity, Health } from "@/lib/connectivity";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { latestFleet } from "../fleet-state";
import { aggregatesOf } from "../fleet-state/aggregates";

export type FleetSummary = {
  total: number;
  byConnectivity: Record<Connectivity, number>;
  byHealth: Record<Health, number>;
  byRegion: { regionId: string; name: string; color: string; count: number }[];
  byKind: Record<string, number>;
  uplinkMbps: number;
  /** When the counts were read from the database (ISO): the fleet state is at most ~2 s old. */
  asOf: string;
};

/**
 * Counts for the overview, from the fleet's latest state in memory (server/fleet-state/aggregates.ts) with
 * the lists' rules, rather than nine counting queries over the Satellite table per request.
 */
export async function fleetSummary(ctx: Ctx, now = new Date()): Promise<FleetSummary> {
  authorize(ctx, "satellites.read");
  const [snapshot, regionRows] = await Promise.all([
    latestFleet(),
    db.complianceRegion.findMany({ select: { id: true, name: true, color: true } }),
  ]);
  const a = aggregatesOf(snapshot, now);
  const regionInfo = new Map(regionRows.map((r) => [r.id, r]));
  return {
    total: a.total,
    byConnectivity: { ...a.byConnectivity },
    byHealth: { ...a.byHealth },
    byRegion: [...a.byRegion]
      .map(([regionId, count]) => ({
        regionId,
        name: regionInfo.get(regionId)?.name ?? regionId,
        color: regionInfo.get(regionId)?.color ?? "#888",
        count,
      }))
      .sort((x, y) => y.count - x.count),
    byKind: Object.fromEntries(a.byKind),
    uplinkMbps: a.uplinkMbps,
    asOf: new Date(a.readAt).toISOString(),
  };
}
