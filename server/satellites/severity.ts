import type { Connectivity, Health } from "@/lib/connectivity";
import { mapStatusOf, type MapStatus } from "@/lib/fleet-map";
import type { Prisma } from "../db";

/**
 * The list's severity order, worst first. A satellite's status is the map's one rule (mapStatusOf in
 * lib/fleet-map.ts: connectivity first, then reported health), so the list groups exactly what the
 * Overview's tiles count; only the order is the list's: what needs someone now comes first.
 */
export const SEVERITIES = [
  "critical",
  "offline",
  "degraded",
  "stale",
  "unknown",
  "never_seen",
  "healthy",
] as const satisfies readonly MapStatus[];
export type Severity = MapStatus;

export function severityOf(connectivity: Connectivity, health: Health): Severity {
  return mapStatusOf(connectivity, health);
}

/**
 * The same rule as SQL over the deadlines ingest stores beside lastSeenAt (as statusWhere in ./list.ts), so
 * the list can sort by severity one indexed bucket at a time. The buckets partition every satellite.
 */
export function severityWhere(severity: Severity, now: Date): Prisma.SatelliteWhereInput {
  const connected = { staleAfter: { gt: now } };
  switch (severity) {
    case "offline":
      return { offlineAfter: { lte: now } };
    case "stale":
      return { staleAfter: { lte: now }, offlineAfter: { gt: now } };
    case "never_seen":
      return { lastSeenAt: null };
    default:
      return { ...connected, reportedHealth: severity };
  }
}

/** Severity order for a sort direction: ascending is worst first. */
export function severityOrder(dir: "asc" | "desc"): readonly Severity[] {
  return dir === "asc" ? SEVERITIES : [...SEVERITIES].reverse();
}
