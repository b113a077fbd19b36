import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { driverReader } from "./rows";
import { FleetState, type FleetSnapshot } from "./state";

// The fleet's latest state, one per process (the server entry and Next's bundle share it). Metrics render from
// it; the map, the fleet counts and a cross-replica notification path are meant to read and feed the same one.

export type { LatestSatellite } from "./rows";
export type { FleetSnapshot } from "./state";
export { FleetState } from "./state";

/** The process's fleet state; its background reads start with the first use. */
export function fleetState(): FleetState {
  const state = processSingleton("fleet-state", () => new FleetState({ reader: driverReader }));
  state.start();
  return state;
}

/** The state, read within the last ~2 s. */
export function latestFleet(): Promise<FleetSnapshot> {
  return fleetState().current();
}
