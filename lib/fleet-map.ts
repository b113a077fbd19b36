// The compact wire format of the fleet map, shared by the endpoint and the browser.
import type { Connectivity, Health } from "./connectivity";

/**
 * One status per satellite for the map: connectivity first (truth first: a silent satellite is never
 * shown by its last report), then reported health. Ordered by severity, so a cluster's worst member is
 * its maximum code; a satellite whose agent has not enrolled yet is no alarm and ranks lowest.
 */
export const MAP_STATUSES = [
  "never_seen",
  "healthy",
  "unknown",
  "degraded",
  "stale",
  "critical",
  "offline",
] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export const MAP_STATUS_LABEL: Record<MapStatus, string> = {
  healthy: "Healthy",
  never_seen: "Never seen",
  unknown: "Health unknown",
  degraded: "Degraded",
  stale: "Stale",
  critical: "Critical",
  offline: "Offline",
};

export function mapStatusOf(connectivity: Connectivity, health: Health): MapStatus {
  if (connectivity === "offline" || connectivity === "never_seen" || connectivity === "stale") {
    return connectivity;
  }
  return health;
}

/** A satellite's state in an active rollout, ordered by how much attention it needs. */
export const MAP_ROLLOUT_STATES = [
  "none",
  "succeeded",
  "pending",
  "upgrading",
  "rolled_back",
  "failed",
] as const;
export type MapRolloutState = (typeof MAP_ROLLOUT_STATES)[number];

export const MAP_ROLLOUT_LABEL: Record<MapRolloutState, string> = {
  none: "Not in a rollout",
  succeeded: "Upgraded",
  pending: "Waiting",
  upgrading: "Upgrading",
  rolled_back: "Rolled back",
  failed: "Failed",
};

/**
 * A satellite's compliance posture: its worst result that counts. Ordered by severity, so a cluster's worst
 * member is its maximum code; waived is its own state, never compliant.
 */
export const MAP_POSTURES = ["none", "compliant", "waived", "unknown", "violation"] as const;
export type MapPosture = (typeof MAP_POSTURES)[number];

export const MAP_POSTURE_LABEL: Record<MapPosture, string> = {
  none: "No policy applies",
  compliant: "Compliant",
  waived: "Waived (exception)",
  unknown: "Unknown (no facts)",
  violation: "Violation",
};

export const COLOR_MODES = ["health", "bandwidth", "region", "rollout", "posture"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export const COLOR_MODE_LABEL: Record<ColorMode, string> = {
  health: "Health",
  bandwidth: "Bandwidth",
  region: "Compliance region",
  rollout: "Rollout",
  posture: "Posture",
};

/** Above this share of its contracted link a satellite counts as running hot. */
export const HOT_LINK_PCT = 80;

/** rx+tx against the contracted link (downlink+uplink), in whole percent; null without a live figure. */
export function linkUtilisationPct(
  rxMbps: number | null,
  txMbps: number | null,
  downlinkMbps: number,
  uplinkMbps: number,
): number | null {
  if (rxMbps === null || txMbps === null) return null;
  const capacity = downlinkMbps + uplinkMbps;
  if (capacity <= 0) return null;
  return Math.max(0, Math.round(((rxMbps + txMbps) / capacity) * 100));
}

export type FleetMapKpis = {
  total: number;
  byStatus: Record<MapStatus, number>;
  rxMbps: number;
  txMbps: number;
  downlinkMbps: number;
  uplinkMbps: number;
  hotLinks: number;
  activeRollouts: number;
  openIncidents: number;
};

/**
 * Columns, one entry per satellite, so 10,000 satellites stay small on the wire: coordinates in
 * hundredths of a degree (about 1 km), bandwidth in whole percent (-1 when unknown), and indexes into
 * `regions`, MAP_STATUSES and MAP_ROLLOUT_STATES. The posture column (indexes into MAP_POSTURES) and the
 * policies to filter by come only when asked for (`posture=1`), so the other modes pay nothing for them.
 */
export type FleetMapPayload = {
  regions: { id: string; name: string; color: string; countries: string[] }[];
  slug: string[];
  name: string[];
  lon: number[];
  lat: number[];
  region: number[];
  status: number[];
  bw: number[];
  rollout: number[];
  posture?: number[];
  policies?: { id: string; name: string }[];
  kpis: FleetMapKpis;
};

export type FleetMapPoint = {
  slug: string;
  name: string;
  lon: number;
  lat: number;
  region: number;
  status: number;
  bw: number;
  rollout: number;
  /** Index into MAP_POSTURES; absent where no posture was asked for (a rollout's own map). */
  posture?: number;
};

export function decodePoints(payload: FleetMapPayload): FleetMapPoint[] {
  const out: FleetMapPoint[] = new Array(payload.slug.length);
  for (let i = 0; i < payload.slug.length; i++) {
    out[i] = {
      slug: payload.slug[i],
      name: payload.name[i],
      lon: payload.lon[i] / 100,
      lat: payload.lat[i] / 100,
      region: payload.region[i],
      status: payload.status[i],
      bw: payload.bw[i],
      rollout: payload.rollout[i],
    };
    if (payload.posture) out[i].posture = payload.posture[i];
  }
  return out;
}

/** The filters the map, its counts and the Satellites list share through the URL. */
export const FLEET_FILTER_KEYS = [
  "q",
  "region",
  "kind",
  "provider",
  "connectivity",
  "health",
  "label",
] as const;
