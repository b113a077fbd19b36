import type { FleetMapPayload, FleetMapPoint } from "@/lib/fleet-map";

/**
 * The satellites in a region-scoped user's regions, which her map opens on. Null when there is nothing to
 * narrow to: a user of every region, or none of her satellites among those shown.
 */
export function scopedPoints(
  points: FleetMapPoint[],
  regions: FleetMapPayload["regions"],
  regionIds: string[] | null,
): FleetMapPoint[] | null {
  if (!regionIds || regionIds.length === 0) return null;
  const wanted = new Set(regionIds);
  const indexes = new Set(regions.flatMap((r, i) => (wanted.has(r.id) ? [i] : [])));
  const inScope = points.filter((p) => indexes.has(p.region));
  return inScope.length > 0 ? inScope : null;
}
