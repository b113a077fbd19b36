// The page's overall indicator (Statuspage's none | minor | major | critical, plus maintenance) and the
// sources a component's published status may come from. The full table is docs/status-model.md.

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
} as const;

/** The indicator a single status stands for, the inverse of INDICATOR_STATUS. */
export const INDICATOR_OF_STATUS = {
  operational: "none",
  under_maintenance: "maintenance",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
} as const satisfies Record<string, StatusIndicator>;
