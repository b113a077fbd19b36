import "server-only";
import { onResync, subscribe } from "../bus";
import { processSingleton } from "../cache/process-singleton";
import { driverReader } from "./rows";
import { FleetState, type FleetSnapshot } from "./state";

// The fleet's latest state, one per process (the server entry and Next's bundle share it). Metrics render from
// it; the map and the fleet counts are meant to read the same one. Changes made outside ingest in any process
// reach it over the bus (fleet.changed), besides the delta reads every second.

export type { LatestSatellite } from "./rows";
export type { FleetSnapshot } from "./state";
export { FleetState } from "./state";

/** The process's fleet state; its background reads start with the first use. */
export function fleetState(): FleetState {
  const state = processSingleton("fleet-state", () => {
    const created = new FleetState({ reader: driverReader });
    // Satellites changed outside heartbeat ingest, in any process: read what changed before the next answer.
    subscribe("fleet.changed", () => created.invalidate());
    // After the bus was down a row deleted outright could have been missed, which only a full read sees.
    onResync(({ missed }) => created.invalidate({ full: missed }));
    return created;
  });
  state.start();
  return state;
}

/** The state, read within the last ~2 s. */
export function latestFleet(): Promise<FleetSnapshot> {
  return fleetState().current();
}
