// What a region of a status page publishes: a share of impacted satellites against the page's thresholds,
// held for a debounce, and set by people (pins, incidents, maintenance) at once. Pure, the time passed in.
// The table, its reasons and examples: docs/status-model.md.
import type { ComponentSource, IncidentImpactLevel } from "./indicator";
import { PUBLIC_STATUSES, worstStatus, type PublicStatus } from "./public-status";

/** Percent of a region's satellites in service that must be impacted for each status. */
export type StatusThresholds = { degradedPct: number; partialPct: number; majorPct: number };
export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { degradedPct: 10, partialPct: 25, majorPct: 50 };
export const DEFAULT_DEBOUNCE_SEC = 120;
export const MAX_DEBOUNCE_SEC = 3600;

/** How many of a region's satellites show each status (publicStatusOf), the region's `counts`. */
export type StatusCounts = Record<PublicStatus, number>;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(PUBLIC_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/**
 * A region's raw status from its satellites (docs/status-model.md, "Computed"). Impacted = offline or
 * critical (publicStatusOf: major or partial outage). Satellites under maintenance leave the denominator;
 * never-seen and decommissioned ones are not counted at all. Every member under maintenance →
 * under_maintenance; no member → operational.
 */
export function computedRegionStatus(counts: StatusCounts, t: StatusThresholds): PublicStatus {
  const impacted = counts.major_outage + counts.partial_outage;
  const inService = impacted + counts.degraded_performance + counts.operational;
  if (inService === 0) return counts.under_maintenance > 0 ? "under_maintenance" : "operational";
  const pct = (impacted * 100) / inService;
  if (pct >= t.majorPct) return "major_outage";
  if (pct >= t.partialPct) return "partial_outage";
  if (pct >= t.degradedPct) return "degraded_performance";
  return "operational";
}

export const INCIDENT_IMPACT_STATUS = {
  none: "operational",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
} as const satisfies Record<IncidentImpactLevel, PublicStatus>;

export function isPublicStatus(value: unknown): value is PublicStatus {
  return typeof value === "string" && (PUBLIC_STATUSES as readonly string[]).includes(value);
}

/** The status an open incident sets on the components it names: its author's choice, or from its impact. */
export function incidentComponentStatus(incident: {
  impact: IncidentImpactLevel;
  componentStatus: string | null;
}): PublicStatus {
  return isPublicStatus(incident.componentStatus)
    ? incident.componentStatus
    : INCIDENT_IMPACT_STATUS[incident.impact];
}

/** A status that waits out the debounce before it is published; stored per component (StatusComponentState). */
export type DebounceState = {
  published: PublicStatus;
  publishedAt: Date;
  candidate: PublicStatus | null;
  candidateSince: Date | null;
};

const rank = (s: PublicStatus) => PUBLIC_STATUSES.indexOf(s);
const direction = (from: PublicStatus, to: PublicStatus) => Math.sign(rank(to) - rank(from));

/**
 * Hysteresis: a raw status different from the published one is published once it has differed in the same
 * direction (worse, or better) for `debounceSec`; it then publishes the latest raw status. Turning back
 * drops the candidate. No state yet (a new page or region) publishes at once. Maintenance starting or
 * ending is announced work, published at once.
 */
export function debounceStatus(
  state: DebounceState | null,
  raw: PublicStatus,
  now: Date,
  debounceSec: number,
): DebounceState {
  const publish = (): DebounceState => ({
    published: raw,
    publishedAt: now,
    candidate: null,
    candidateSince: null,
  });
  if (!state) return publish();
  if (raw === state.published) return { ...state, candidate: null, candidateSince: null };
  if (raw === "under_maintenance" || state.published === "under_maintenance") return publish();
  const sameWay =
    state.candidate !== null &&
    state.candidateSince !== null &&
    direction(state.published, state.candidate) === direction(state.published, raw);
  const since = sameWay ? state.candidateSince! : now;
  if (now.getTime() - since.getTime() >= debounceSec * 1000) return publish();
  return { ...state, candidate: raw, candidateSince: since };
}

/** What people have said about a component, each already filtered to what applies now. */
export type PeopleInputs = {
  /** An active pin's status (not cleared, not expired). */
  pin: PublicStatus | null;
  /** The worst status the open published incidents naming this component set. */
  incident: PublicStatus | null;
};

export type PublishedComponent = { status: PublicStatus; source: ComponentSource };

/**
 * The precedence (docs/status-model.md, "Who decides"): a pin wins; else an open incident's status, unless
 * the satellites say worse; else maintenance covering every member; else the debounced computed status.
 */
export function publishedComponent(
  raw: PublicStatus,
  debounced: PublicStatus,
  people: PeopleInputs,
): PublishedComponent {
  if (people.pin) return { status: people.pin, source: "pin" };
  if (people.incident) {
    const worse = worstStatus(people.incident, debounced);
    return worse === people.incident || debounced === "under_maintenance"
      ? { status: people.incident, source: "incident" }
      : { status: debounced, source: "computed" };
  }
  if (raw === "under_maintenance") return { status: "under_maintenance", source: "maintenance" };
  return { status: debounced, source: "computed" };
}

/** Whether a pin applies at `now`: not cleared by hand and not yet expired. */
export function isPinActive(pin: { clearedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return pin.clearedAt === null && pin.expiresAt.getTime() > now.getTime();
}
