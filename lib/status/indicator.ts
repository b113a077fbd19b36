// The page's overall indicator (Statuspage's none | minor | major | critical, plus maintenance) and the
// sources a component's published status may come from. The full table is docs/status-model.md.
import type { PublicStatus } from "./public-status";

export const STATUS_INDICATORS = ["none", "maintenance", "minor", "major", "critical"] as const;
/** How bad things are on a page as a whole, least first. */
export type StatusIndicator = (typeof STATUS_INDICATORS)[number];

/** The sentence a page shows for its indicator. */
export const INDICATOR_DESCRIPTION: Record<StatusIndicator, string> = {
  none: "All systems operational",
  maintenance: "Maintenance in progress",
  minor: "Minor service disruption",
  major: "Partial system outage",
  critical: "Major system outage",
};

/**
 * Where a component's published status comes from: its own satellites (`computed`, debounced), an open
 * incident naming it, a page admin's pin, or active maintenance covering it.
 */
export const COMPONENT_SOURCES = ["computed", "incident", "pin", "maintenance"] as const;
export type ComponentSource = (typeof COMPONENT_SOURCES)[number];

/** The component status that stands for an indicator: the page's `overall`, its badge and banner colour. */
export const INDICATOR_STATUS = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
} as const satisfies Record<StatusIndicator, PublicStatus>;

/** The indicator a single status stands for, the inverse of INDICATOR_STATUS. */
export const INDICATOR_OF_STATUS = {
  operational: "none",
  under_maintenance: "maintenance",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
} as const satisfies Record<PublicStatus, StatusIndicator>;

const RANK = new Map<StatusIndicator, number>(STATUS_INDICATORS.map((s, i) => [s, i]));

/** The more severe of two indicators, by STATUS_INDICATORS order. */
export function worstIndicator(a: StatusIndicator, b: StatusIndicator): StatusIndicator {
  return (RANK.get(a) ?? 0) >= (RANK.get(b) ?? 0) ? a : b;
}

/** From this share of a page's regions in partial or major outage, the page is in a partial system outage. */
export const MAJOR_SHARE = 1 / 3;
/** Above this share of its regions in major outage, the page is in a major system outage. */
export const CRITICAL_SHARE = 1 / 2;

export type IncidentImpactLevel = "none" | "minor" | "major" | "critical";

export type IndicatorInput = {
  /** The published status of each region on the page. */
  regions: readonly PublicStatus[];
  /** The impact of each open published incident on the page. */
  incidentImpacts?: readonly IncidentImpactLevel[];
  /** Maintenance in progress on the page, whatever share of it. */
  hasActiveMaintenance?: boolean;
};

/**
 * The page's overall indicator (docs/status-model.md, "The page"). First match wins, then every open
 * incident raises it to at least its impact:
 * - more than half of the regions in major outage → critical;
 * - any major outage, or partial or major outages in at least a third of the regions → major;
 * - any degraded or partial region → minor (one degraded region of 18 is minor, not an outage);
 * - maintenance in progress or a region under maintenance → maintenance;
 * - otherwise none.
 */
export function pageIndicator(input: IndicatorInput): StatusIndicator {
  const { regions } = input;
  const count = (s: PublicStatus) => regions.filter((r) => r === s).length;
  const n = regions.length;
  const major = count("major_outage");
  const outages = major + count("partial_outage");
  let indicator: StatusIndicator = "none";
  if (n > 0 && major > n * CRITICAL_SHARE) indicator = "critical";
  else if (major > 0 || (outages > 0 && outages >= n * MAJOR_SHARE)) indicator = "major";
  else if (outages > 0 || count("degraded_performance") > 0) indicator = "minor";
  else if (input.hasActiveMaintenance || count("under_maintenance") > 0) indicator = "maintenance";
  for (const impact of input.incidentImpacts ?? []) {
    if (impact !== "none") indicator = worstIndicator(indicator, impact);
  }
  return indicator;
}
