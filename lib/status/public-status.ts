// What a public status page says about one satellite: the raw truth, shown as it is. Regions and the page as
// a whole are thresholded and debounced from these (lib/status/status-model.ts, docs/status-model.md).
// Pure: the caller derives connectivity with its own `now`, so the page, the badge, the JSON and the feed
// agree with the console.
import type { Connectivity, Health } from "../connectivity";
import type { Lifecycle } from "../fleet";

/**
 * Ordered by how much attention a status needs, least first. Planned maintenance ranks just above
 * operational: it is announced ahead, so it is no surprise, but the component is not serving.
 */
export const PUBLIC_STATUSES = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export const PUBLIC_STATUS_LABEL: Record<PublicStatus, string> = {
  operational: "Operational",
  under_maintenance: "Under maintenance",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

/** Fill colours; each keeps white text at a contrast of at least 4.5:1 (badges draw white text on them). */
export const PUBLIC_STATUS_COLOR: Record<PublicStatus, string> = {
  operational: "#15803d",
  under_maintenance: "#0369a1",
  degraded_performance: "#a16207",
  partial_outage: "#c2410c",
  major_outage: "#b91c1c",
};

const RANK = new Map<PublicStatus, number>(PUBLIC_STATUSES.map((s, i) => [s, i]));

/** The more severe of two statuses, by PUBLIC_STATUSES order. */
export function worstStatus(a: PublicStatus, b: PublicStatus): PublicStatus {
  return (RANK.get(a) ?? 0) >= (RANK.get(b) ?? 0) ? a : b;
}

export type PublicStatusInput = {
  connectivity: Connectivity;
  /** The health the agent last reported (an offline satellite's is ignored anyway). */
  health: Health;
  lifecycle: Lifecycle;
  /** A maintenance window covering this satellite is active at the caller's `now`. */
  inMaintenance: boolean;
};

/**
 * A satellite's public status, or null when it is not shown publicly. The rules, first match wins:
 *
 * 1. decommissioned, or never reported (`never_seen`, e.g. an agent not enrolled yet) → null: it was never
 *    in service, so an empty site must not count as down or drag a region's status;
 * 2. lifecycle `maintenance` or an active maintenance window → under_maintenance: announced work is not an
 *    outage, even if the site is silent meanwhile;
 * 3. offline → major_outage: nothing has been heard for minutes, whatever it last reported;
 * 4. otherwise the worse of connectivity and health:
 *    stale → degraded_performance (a stale satellite is late, not down: it turns offline by itself if the
 *    silence goes on), critical → partial_outage (a service is down but the site answers),
 *    degraded → degraded_performance, healthy → operational. `unknown` health on a connected satellite
 *    (it beats but reports no services) → operational: it answers, and nothing reports a failure.
 *
 * Cordoned satellites are shown like active ones: a cordon stops new work, not the service.
 */
export function publicStatusOf(input: PublicStatusInput): PublicStatus | null {
  const { connectivity, health, lifecycle, inMaintenance } = input;
  if (lifecycle === "decommissioned" || connectivity === "never_seen") return null;
  if (lifecycle === "maintenance" || inMaintenance) return "under_maintenance";
  if (connectivity === "offline") return "major_outage";
  const byConnectivity: PublicStatus = connectivity === "stale" ? "degraded_performance" : "operational";
  const byHealth: PublicStatus =
    health === "critical" ? "partial_outage" : health === "degraded" ? "degraded_performance" : "operational";
  return worstStatus(byConnectivity, byHealth);
}
