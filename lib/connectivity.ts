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

/** Seconds without a heartbeat after which a satellite is stale: 2 × interval + 20 s. */
export function staleAfterSec(intervalSec: number): number {
  return 2 * intervalSec + 20;
}

/** Seconds without a heartbeat after which a satellite is offline: max(3 min, 6 × interval). */
export function offlineAfterSec(intervalSec: number): number {
  return Math.max(180, 6 * intervalSec);
}

/** The thresholds as instants, stored beside lastSeenAt so lists can filter by connectivity in SQL. */
export function connectivityDeadlines(lastSeenAt: Date, intervalSec: number) {
  return {
    staleAfter: new Date(lastSeenAt.getTime() + staleAfterSec(intervalSec) * 1000),
    offlineAfter: new Date(lastSeenAt.getTime() + offlineAfterSec(intervalSec) * 1000),
  };
}

export function connectivityOf(
  lastSeenAt: Date | null | undefined,
  intervalSec: number,
  now: Date,
): Connectivity {
  if (!lastSeenAt) return "never_seen";
  const silentSec = (now.getTime() - lastSeenAt.getTime()) / 1000;
  if (silentSec >= offlineAfterSec(intervalSec)) return "offline";
  if (silentSec >= staleAfterSec(intervalSec)) return "stale";
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

/** "offline — last seen 4 min ago", the thresholds made visible. */
export function describeConnectivity(
  connectivity: Connectivity,
  lastSeenAt: Date | null | undefined,
  intervalSec: number,
  now: Date,
): string {
  if (connectivity === "never_seen" || !lastSeenAt) return "never seen — no heartbeat yet";
  const ago = formatAgo(lastSeenAt, now);
  switch (connectivity) {
    case "connected":
      return `connected — last seen ${ago}`;
    case "stale":
      return `stale — last seen ${ago} (stale after ${staleAfterSec(intervalSec)} s without a beat)`;
    case "offline":
      return `offline — last seen ${ago} (offline after ${Math.round(offlineAfterSec(intervalSec) / 60)} min)`;
  }
}
