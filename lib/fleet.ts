// Shared vocabulary of the fleet, for forms, filters and the server alike.
export const SATELLITE_KINDS = ["datacenter", "edge", "cloud", "colo"] as const;
export type SatelliteKind = (typeof SATELLITE_KINDS)[number];

export const LIFECYCLES = ["pending", "active", "cordoned", "maintenance", "decommissioned"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const SATELLITE_SORTS = [
  "name",
  "slug",
  "country",
  "kind",
  "provider",
  "region",
  "stackVersion",
  "lastSeen",
  "created",
] as const;
export type SatelliteSort = (typeof SATELLITE_SORTS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;

export function labelsToText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}
