import type { FleetMapPayload } from "@/lib/fleet-map";
import type { MapColumns } from "@/lib/fleet-map-wire";

/**
 * The indexes of the satellites in a region-scoped user's regions, which her map opens on. Null when there is
 * nothing to narrow to: a user of every region, or none of her satellites among those shown.
 */
export function scopedIndexes(
  cols: Pick<MapColumns, "region">,
  regions: FleetMapPayload["regions"],
  regionIds: string[] | null,
): Uint32Array | null {
  if (!regionIds || regionIds.length === 0) return null;
  const wanted = new Set(regionIds);
  const indexes = new Set(regions.flatMap((r, i) => (wanted.has(r.id) ? [i] : [])));
  const inScope: number[] = [];
  for (let i = 0; i < cols.region.length; i++) if (indexes.has(cols.region[i])) inScope.push(i);
  return inScope.length > 0 ? Uint32Array.from(inScope) : null;
}
