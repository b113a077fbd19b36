import type { Connectivity, Health } from "@/lib/connectivity";
import type { Prisma } from "../db";

/**
 * How bad a satellite's state is, worst first: the one place connectivity and health combine into an order.
 * Reported health outranks connectivity while the satellite is live (a stale satellite that reported a
 * service down is critical), offline outranks everything it could not report, and never-seen is unknown.
 */
export const SEVERITIES = ["critical", "offline", "degraded", "stale", "unknown", "healthy"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The severity of a satellite from its connectivity and its last reported health (not the effective one). */
export function severityOf(connectivity: Connectivity, reportedHealth: Health): Severity {
  if (connectivity === "never_seen") return "unknown";
  if (connectivity === "offline") return "offline";
  if (reportedHealth === "critical") return "critical";
  if (reportedHealth === "degraded") return "degraded";
  if (connectivity === "stale") return "stale";
  return reportedHealth === "healthy" ? "healthy" : "unknown";
}

/**
 * The same rule as SQL over the deadlines ingest stores beside lastSeenAt (see statusWhere in ./list.ts), so
 * the list can sort by severity one indexed bucket at a time. The buckets partition every satellite.
 */
export function severityWhere(severity: Severity, now: Date): Prisma.SatelliteWhereInput {
  const live = { offlineAfter: { gt: now } };
  switch (severity) {
    case "critical":
      return { ...live, reportedHealth: "critical" };
    case "offline":
      return { offlineAfter: { lte: now } };
    case "degraded":
      return { ...live, reportedHealth: "degraded" };
    case "stale":
      return { staleAfter: { lte: now }, ...live, reportedHealth: { in: ["healthy", "unknown"] } };
    case "unknown":
      return { OR: [{ lastSeenAt: null }, { staleAfter: { gt: now }, reportedHealth: "unknown" }] };
    case "healthy":
      return { staleAfter: { gt: now }, reportedHealth: "healthy" };
  }
}

/** Severity order for a sort direction: ascending is worst first. */
export function severityOrder(dir: "asc" | "desc"): readonly Severity[] {
  return dir === "asc" ? SEVERITIES : [...SEVERITIES].reverse();
}
