// Connectivity and health are derived, never stored as truth: every view calls these with its own `now`.

import { formatAgo } from "./format";

// Re-exported for the server code that already reads it from here; the console formats through lib/format.
export { formatAgo };

export const CONNECTIVITY = ["connected", "stale", "offline", "never_seen"] as const;
export type Connectivity = (typeof CONNECTIVITY)[number];

export const HEALTH = ["healthy", "degraded", "critical", "unknown"] as const;
export type Health = (typeof HEALTH)[number];

export const SERVICE_STATUS = ["ok", "degraded", "down"] as const;
export type ServiceStatus = (typeof SERVICE_STATUS)[number];

/**
 * How long a satellite may stay silent: stale after staleBeats × interval + staleGraceSec, offline after
 * max(offlineFloorSec, offlineBeats × interval). Configuration (server/env.ts), short in the browser tests.
 */
export type ConnectivityThresholds = {
  staleBeats: number;
  staleGraceSec: number;
  offlineBeats: number;
  offlineFloorSec: number;
};
export const DEFAULT_THRESHOLDS: ConnectivityThresholds = {
  staleBeats: 2,
  staleGraceSec: 20,
  offlineBeats: 6,
  offlineFloorSec: 180,
};

// On globalThis: Next's bundles and the server entry load their own copies of this module in one process.
const CONFIGURED = Symbol.for("orrery.connectivityThresholds");
type WithThresholds = { [CONFIGURED]?: ConnectivityThresholds };

/** Sets the process's thresholds once at start-up; unset, the defaults apply (and always in the browser). */
export function configureConnectivity(thresholds: ConnectivityThresholds): void {
  (globalThis as WithThresholds)[CONFIGURED] = thresholds;
}

export function connectivityThresholds(): ConnectivityThresholds {
  return (globalThis as WithThresholds)[CONFIGURED] ?? DEFAULT_THRESHOLDS;
}

/** Seconds without a heartbeat after which a satellite is stale: 2 × interval + 20 s by default. */
export function staleAfterSec(intervalSec: number, t = connectivityThresholds()): number {
  return t.staleBeats * intervalSec + t.staleGraceSec;
}

/** Seconds without a heartbeat after which a satellite is offline: max(3 min, 6 × interval) by default. */
export function offlineAfterSec(intervalSec: number, t = connectivityThresholds()): number {
  return Math.max(t.offlineFloorSec, t.offlineBeats * intervalSec);
}

/** The thresholds as instants, stored beside lastSeenAt so lists can filter by connectivity in SQL. */
export function connectivityDeadlines(lastSeenAt: Date, intervalSec: number, t = connectivityThresholds()) {
  return {
    staleAfter: new Date(lastSeenAt.getTime() + staleAfterSec(intervalSec, t) * 1000),
    offlineAfter: new Date(lastSeenAt.getTime() + offlineAfterSec(intervalSec, t) * 1000),
  };
}

export function connectivityOf(
  lastSeenAt: Date | null | undefined,
  intervalSec: number,
  now: Date,
  t = connectivityThresholds(),
): Connectivity {
  if (!lastSeenAt) return "never_seen";
  const silentSec = (now.getTime() - lastSeenAt.getTime()) / 1000;
  if (silentSec >= offlineAfterSec(intervalSec, t)) return "offline";
  if (silentSec >= staleAfterSec(intervalSec, t)) return "stale";
  return "connected";
}

/** Folds per-service status: any service down is critical, any degraded is degraded. */
export function foldServices(services: Record<string, ServiceStatus> | null | undefined): Health {
  if (!services) return "unknown";
  const values = Object.values(services);
  if (values.length === 0) return "unknown";
  if (values.includes("down")) return "critical";
  if (values.includes("degraded")) return "degraded";
  return "healthy";
}

/** What the console shows: an offline or never-seen satellite's health is unknown, never its last report. */
export function effectiveHealth(connectivity: Connectivity, reported: Health): Health {
  if (connectivity === "offline" || connectivity === "never_seen") return "unknown";
  return reported;
}

/** "3 min", or "25 s" under a threshold shorter than a minute. */
export function formatSpan(sec: number): string {
  return sec < 60 ? `${sec} s` : `${Math.round(sec / 60)} min`;
}

/** "offline — last seen 4 min ago", the thresholds made visible. */
export function describeConnectivity(
  connectivity: Connectivity,
  lastSeenAt: Date | null | undefined,
  intervalSec: number,
  now: Date,
  t = connectivityThresholds(),
): string {
  if (connectivity === "never_seen" || !lastSeenAt) return "never seen — no heartbeat yet";
  const ago = formatAgo(lastSeenAt, now);
  switch (connectivity) {
    case "connected":
      return `connected — last seen ${ago}`;
    case "stale":
      return `stale — last seen ${ago} (stale after ${staleAfterSec(intervalSec, t)} s without a beat)`;
    case "offline":
      return `offline — last seen ${ago} (offline after ${formatSpan(offlineAfterSec(intervalSec, t))})`;
  }
}
