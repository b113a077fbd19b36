import "server-only";
import { renderFamilies, type Family } from "./exposition";
import { aggregatesNow, fleetTextNow, type Aggregates } from "./fleet-source";
import { instruments } from "./instruments";

// One scrape: this process's own instruments (prom-client: Node's process metrics, ingest, reconciler ticks),
// then the fleet's series, built from the latest state and a few aggregates read for the whole fleet.

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

/** The whole exposition, as buffers to write in order. */
export async function scrape(): Promise<Buffer[]> {
  const [own, fleet, aggregates] = await Promise.all([
    instruments().registry.metrics(),
    fleetTextNow(),
    aggregatesNow(),
  ]);
  return [Buffer.from(own), ...fleet, Buffer.from(renderFamilies(aggregateFamilies(aggregates)))];
}
