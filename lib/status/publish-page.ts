// One status page's published statuses from its regions' counts, what people said, and the stored debounce
// states. The reconciler runs it with `advance` to move the states on; the snapshot reads them as they are.
// docs/status-model.md is the table.
import { INDICATOR_STATUS, pageIndicator, type IncidentImpactLevel, type StatusIndicator } from "./indicator";
import type { PublicStatus } from "./public-status";
import {
  computedRegionStatus,
  debounceStatus,
  publishedComponent,
  type DebounceState,
  type PeopleInputs,
  type PublishedComponent,
  type StatusCounts,
  type StatusThresholds,
} from "./status-model";

export type RegionInput = { id: string; counts: StatusCounts; people: PeopleInputs };

export type PageInput = {
  regions: readonly RegionInput[];
  /** Stored debounce states by region id. */
  states: ReadonlyMap<string, DebounceState>;
  thresholds: StatusThresholds;
  debounceSec: number;
  /** Impacts of the open published incidents on the page. */
  incidentImpacts: readonly IncidentImpactLevel[];
  hasActiveMaintenance: boolean;
  now: Date;
  /** true: take the debounce step (the reconciler); false: publish the stored states (the snapshot). */
  advance: boolean;
};

export type PageOutcome = {
  /** `computed`: the satellites' status as held by the debounce; `live`: what their counts say right now. */
  regions: Map<string, PublishedComponent & { computed: PublicStatus; live: PublicStatus }>;
  indicator: StatusIndicator;
  /** The indicator as a component status: the document's `overall`. */
  overall: PublicStatus;
  /** Every region's state after this evaluation. */
  states: Map<string, DebounceState>;
};

/**
 * A component without a state publishes its computed status at once, so a new page or region never waits;
 * reading (`advance` false) publishes what is stored, so every replica says the same.
 */
function step(input: PageInput, key: string, raw: PublicStatus): DebounceState {
  const state = input.states.get(key) ?? null;
  if (!input.advance && state) return state;
  return debounceStatus(state, raw, input.now, input.debounceSec);
}

export function publishPage(input: PageInput): PageOutcome {
  const states = new Map<string, DebounceState>();
  const regions: PageOutcome["regions"] = new Map();
  for (const region of input.regions) {
    const raw = computedRegionStatus(region.counts, input.thresholds);
    const state = step(input, region.id, raw);
    states.set(region.id, state);
    const published = publishedComponent(raw, state.published, region.people);
    regions.set(region.id, { ...published, computed: state.published, live: raw });
  }
  // The banner is the regions as published, with people's incidents and maintenance: it can never say
  // better or worse than the rows beneath it. The regions are debounced already; debouncing the page again
  // showed "All systems operational" above a degraded region for a whole debounce.
  const indicator = pageIndicator({
    regions: [...regions.values()].map((r) => r.status),
    incidentImpacts: input.incidentImpacts,
    hasActiveMaintenance: input.hasActiveMaintenance,
  });
  return { regions, indicator, overall: INDICATOR_STATUS[indicator], states };
}
