import "server-only";
import { connectivityOf } from "@/lib/connectivity";
import { labelNeedle } from "@/lib/labels";
import type { LatestSatellite } from "../fleet-state";
import type { SatelliteFilter } from "../satellites/schemas";
import { searchTextOf } from "../satellites/view";

// The map reads the fleet's latest state held in memory (server/fleet-state) rather than scanning the
// Satellite table on every rebuild; these are the list's filters (satelliteWhere) over those rows.

/** Whether a held row passes the list's filters at `now`: the same answer satelliteWhere gives in SQL. */
export function rowFilter(query: SatelliteFilter, now: Date): (row: LatestSatellite) => boolean {
  const q = query.q?.toLowerCase();
  const sets = {
    region: query.region?.length ? new Set<string>(query.region) : null,
    kind: query.kind?.length ? new Set<string>(query.kind) : null,
    provider: query.provider?.length ? new Set<string>(query.provider) : null,
    lifecycle: query.lifecycle?.length ? new Set<string>(query.lifecycle) : null,
    connectivity: query.connectivity?.length ? new Set<string>(query.connectivity) : null,
    health: query.health?.length ? new Set<string>(query.health) : null,
  };
  const needles = (query.label ?? []).map(labelNeedle);
  return (row) => {
    if (sets.region && !sets.region.has(row.regionId)) return false;
    if (sets.kind && !sets.kind.has(row.kind)) return false;
    if (sets.provider && !sets.provider.has(row.provider)) return false;
    if (sets.lifecycle ? !sets.lifecycle.has(row.lifecycle) : row.lifecycle === "decommissioned")
      return false;
    for (const needle of needles) if (!row.labelText.includes(needle)) return false;
    if (q && !searchTextOf(row).includes(q)) return false;
    if (sets.connectivity || sets.health) {
      const c = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
      if (sets.connectivity && !sets.connectivity.has(c)) return false;
      if (sets.health) {
        const live = c === "connected" || c === "stale";
        const h = row.reportedHealth;
        const known = live && h !== "unknown";
        if (!(known ? sets.health.has(h) : sets.health.has("unknown"))) return false;
      }
    }
    return true;
  };
}

/** Position along a Hilbert curve over the 0.01° grid: neighbours on the curve are neighbours on the map. */
export function hilbertOf(lon100: number, lat100: number): number {
  let x = Math.min(65535, Math.max(0, lon100 + 18000));
  let y = Math.min(65535, Math.max(0, lat100 + 9000));
  let d = 0;
  for (let s = 32768; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = 65535 - x;
        y = 65535 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

export type PlacedRow = { row: LatestSatellite; lon: number; lat: number; curve: number };

/**
 * The rows in the map's order: along the curve, then by id, so the same fleet always has the same order (and
 * the same layout) on every replica. Coordinates are quantized here once.
 */
export function placeRows(rows: readonly LatestSatellite[]): PlacedRow[] {
  const placed: PlacedRow[] = rows.map((row) => {
    const lon = Math.round(row.lon * 100);
    const lat = Math.round(row.lat * 100);
    return { row, lon, lat, curve: hilbertOf(lon, lat) };
  });
  placed.sort((a, b) => a.curve - b.curve || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return placed;
}
