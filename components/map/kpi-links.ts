// Where each status figure above the map leads: the Satellites list with the map's filters and the
// list's own connectivity and health filters that select exactly that status (lib/fleet-map.ts mapStatusOf:
// connectivity first, then reported health), so the list counts what the tile counts.
import type { MapStatus } from "@/lib/fleet-map";
import { formatCount } from "@/lib/format";

const STATUS_FILTER: Record<MapStatus, { connectivity: string; health?: string }> = {
  healthy: { connectivity: "connected", health: "healthy" },
  degraded: { connectivity: "connected", health: "degraded" },
  critical: { connectivity: "connected", health: "critical" },
  unknown: { connectivity: "connected", health: "unknown" },
  stale: { connectivity: "stale" },
  offline: { connectivity: "offline" },
  never_seen: { connectivity: "never_seen" },
};

/**
 * The list of satellites with `status` among those the map's `query` selects, or null when the query
 * already rules that status out (a tile then shows its 0 without leading to a list that disagrees).
 * Without a status: the list of everything the map shows.
 */
export function kpiHref(query: string, status?: MapStatus): string | null {
  const params = new URLSearchParams(query);
  if (status) {
    for (const [key, wanted] of Object.entries(STATUS_FILTER[status])) {
      const current = params.get(key);
      // The list's filters are comma-separated sets; the tile's status must be one the map already allows.
      if (current && !current.split(",").includes(wanted)) return null;
      params.set(key, wanted);
    }
  }
  const text = params.toString();
  return `/satellites${text ? `?${text}` : ""}`;
}

/** A tile's accessible name: "12 critical satellites — show them". */
export function kpiLinkName(value: number, adjective: string | null): string {
  const noun = adjective ? `${adjective} satellite` : "satellite";
  return `${formatCount(value, noun)} — show ${value === 1 ? "it" : "them"}`;
}
