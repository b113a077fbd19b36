// Which satellites a deployment window covers. Like a rollout's selector: the region and label filters
// intersect, hand-picked satellites are added to them; `{ all: true }` is the whole fleet.

export type WindowScope =
  { all: true } | { all?: false; regions?: string[]; labels?: string[]; satelliteIds?: string[] };

export type ScopedSatellite = { id: string; regionId: string; labels: Record<string, string> };

function labelMatches(labels: Record<string, string>, pair: string): boolean {
  const at = pair.indexOf("=");
  if (at < 0) return false;
  return labels[pair.slice(0, at)] === pair.slice(at + 1);
}

export function inScope(scope: WindowScope, satellite: ScopedSatellite): boolean {
  if (scope.all) return true;
  if (scope.satelliteIds?.includes(satellite.id)) return true;
  const regions = scope.regions ?? [];
  const labels = scope.labels ?? [];
  // A scope with no filters names only its hand-picked satellites, never everyone.
  if (regions.length === 0 && labels.length === 0) return false;
  if (regions.length > 0 && !regions.includes(satellite.regionId)) return false;
  return labels.every((pair) => labelMatches(satellite.labels, pair));
}

/** The scope in words, for lists: "all satellites", "in-dpdp, role=edge · 2 satellites". */
export function describeScope(scope: WindowScope): string {
  if (scope.all) return "all satellites";
  const filters = [...(scope.regions ?? []), ...(scope.labels ?? [])].join(", ");
  const ids = scope.satelliteIds?.length ?? 0;
  const picked = ids > 0 ? `${ids} satellite${ids === 1 ? "" : "s"}` : "";
  return [filters, picked].filter(Boolean).join(" · ") || "no satellites";
}
