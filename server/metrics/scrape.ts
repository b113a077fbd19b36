import "server-only";
import { renderFamilies, type Family } from "./exposition";
import type { FleetSeries } from "./fleet-series";
import { aggregatesNow, fleetTextNow, type Aggregates } from "./fleet-source";
import { instruments } from "./instruments";

// One scrape: this process's own instruments (prom-client: Node's process metrics, ingest, reconciler ticks),
// then the fleet's series, built from the latest state and a few aggregates read for the whole fleet.

export function fleetFamilies(s: FleetSeries): Family[] {
  return [
    {
      name: "orrery_satellite_info",
      help: "Always 1: a satellite that is not decommissioned, with its region, provider, kind, stack version and lifecycle.",
      type: "gauge",
      values: s.info,
    },
    {
      name: "orrery_satellite_connectivity",
      help: "1 for the satellite's connectivity (connected, stale, offline, never_seen), 0 for the others; from its last heartbeat.",
      type: "gauge",
      values: s.connectivity,
    },
    {
      name: "orrery_satellite_last_heartbeat_timestamp_seconds",
      help: "When the satellite's last heartbeat was stored, in Unix seconds; absent if it never sent one.",
      type: "gauge",
      values: s.lastHeartbeat,
    },
    {
      name: "orrery_satellite_link_utilisation_ratio",
      help: "Last reported traffic over link capacity: rx over downlink, tx over uplink; absent while the satellite is offline.",
      type: "gauge",
      values: s.linkUtilisation,
    },
    {
      name: "orrery_satellites",
      help: "Satellites that are not decommissioned, by compliance region and connectivity.",
      type: "gauge",
      values: s.satellites,
    },
  ];
}

export function aggregateFamilies(a: Aggregates): Family[] {
  return [
    {
      name: "orrery_rollout_satellites",
      help: "Satellites of each active rollout (running, awaiting approval, paused, rolling back) by target state.",
      type: "gauge",
      values: a.rolloutSatellites,
    },
    {
      name: "orrery_rollout_auto_paused",
      help: "1 while an active rollout is paused because it paused itself (health gate, failures), not by a person.",
      type: "gauge",
      values: a.rolloutAutoPaused,
    },
    {
      name: "orrery_commands_total",
      help: "Commands that reached a final state, by type and result (succeeded, failed, expired, cancelled); fleet-wide.",
      type: "counter",
      values: a.commands,
    },
    {
      name: "orrery_reconciler_leader",
      help: "1 while some reconciler holds an unexpired lease (it is working), 0 when none does; fleet-wide.",
      type: "gauge",
      values: [{ labels: {}, value: a.reconcilerLeader }],
    },
  ];
}

/** The whole exposition, as text. */
export async function scrape(): Promise<string> {
  const [own, fleet, aggregates] = await Promise.all([
    instruments().registry.metrics(),
    fleetTextNow((series) => renderFamilies(fleetFamilies(series))),
    aggregatesNow(),
  ]);
  return own + fleet + renderFamilies(aggregateFamilies(aggregates));
}
