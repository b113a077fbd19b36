import { formatSpan, offlineAfterSec, staleAfterSec, type Connectivity } from "@/lib/connectivity";
import type { ConnectivityChange } from "./history";
import { severityOf, type Severity } from "./severity";
import type { SatelliteView } from "./view";

export type StatusReason = {
  severity: Severity;
  /** One sentence that says what is wrong: "storage is down". */
  headline: string;
  /** Since when the satellite has been in this state, when known (ISO). */
  since: string | null;
  /** What else the operator should know: other services, the last heartbeat and the thresholds. */
  details: string[];
};

type Input = Pick<
  SatelliteView,
  "connectivity" | "health" | "services" | "healthChangedAt" | "lastSeenAt" | "heartbeatIntervalSec"
>;

const and = (names: string[]) =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
const are = (names: string[]) => (names.length === 1 ? "is" : "are");
const servicesIn = (services: Record<string, string> | null, status: string) =>
  Object.entries(services ?? {})
    .filter(([, s]) => s === status)
    .map(([name]) => name)
    .sort();

/**
 * Since when a satellite has had its connectivity: the reconciler's newest event into it, or before the
 * reconciler recorded one, the moment its threshold passed (last heartbeat plus the threshold).
 */
function connectivitySince(s: Input, history: readonly ConnectivityChange[]): string | null {
  const event = history.find((h) => h.to === s.connectivity);
  if (event && (!s.lastSeenAt || event.at >= s.lastSeenAt)) return event.at;
  if (!s.lastSeenAt) return null;
  const after =
    s.connectivity === "offline"
      ? offlineAfterSec(s.heartbeatIntervalSec)
      : staleAfterSec(s.heartbeatIntervalSec);
  return new Date(new Date(s.lastSeenAt).getTime() + after * 1000).toISOString();
}

const SILENT: Partial<Record<Connectivity, (s: Input) => string>> = {
  offline: (s) => `no heartbeat for more than ${formatSpan(offlineAfterSec(s.heartbeatIntervalSec))}`,
  stale: (s) => `its heartbeat is late (stale after ${formatSpan(staleAfterSec(s.heartbeatIntervalSec))})`,
};

/**
 * Why a satellite has the status it has, and since when: which services are down or degraded (from the
 * agent's last report, since the reported health changed), or how long it has been silent (from the
 * connectivity events). Null for a satellite never seen: its page shows how to enroll it instead.
 */
export function statusReason(s: Input, history: readonly ConnectivityChange[]): StatusReason | null {
  if (s.connectivity === "never_seen") return null;
  const severity = severityOf(s.connectivity, s.health);
  const silent = SILENT[s.connectivity];
  if (silent) {
    return {
      severity,
      headline: silent(s),
      since: connectivitySince(s, history),
      details: ["Its health is unknown until it reports again: services show while it is reporting."],
    };
  }
  const down = servicesIn(s.services, "down");
  const degraded = servicesIn(s.services, "degraded");
  const details: string[] = [];
  let headline: string;
  if (s.health === "critical") {
    headline = down.length ? `${and(down)} ${are(down)} down` : "the agent reports a service down";
    if (degraded.length) details.push(`Also degraded: ${and(degraded)}.`);
  } else if (s.health === "degraded") {
    headline = degraded.length
      ? `${and(degraded)} ${are(degraded)} degraded`
      : "the agent reports a degraded service";
  } else if (s.health === "unknown") {
    headline = "the agent reports no services";
  } else {
    headline = "every service is ok";
  }
  return { severity, headline, since: s.healthChangedAt, details };
}
