import { CONNECTIVITY, connectivityOf, type Connectivity } from "@/lib/connectivity";
import { TARGET_STATES } from "@/lib/rollout-target-states";
import { isAutoPause } from "../alerts/evaluate";
import { FINAL_STATES } from "../commands/lifecycle";

// The fleet's series, pure over rows already loaded and a fixed `now`: what a scrape exposes is decided here,
// the database is read elsewhere (fleet-source.ts). Label values come from bounded sets, except the
// satellite's slug (one series per satellite) and the id of an active rollout.

export type MetricValue = { labels: Record<string, string>; value: number };

export type FleetRow = {
  slug: string;
  regionId: string;
  provider: string;
  kind: string;
  lifecycle: string;
  stackVersion: string | null;
  lastSeenAt: Date | null;
  heartbeatIntervalSec: number;
  lastRxMbps: number | null;
  lastTxMbps: number | null;
  uplinkMbps: number;
  downlinkMbps: number;
};

export type FleetSeries = {
  info: MetricValue[];
  connectivity: MetricValue[];
  lastHeartbeat: MetricValue[];
  linkUtilisation: MetricValue[];
  satellites: MetricValue[];
};

/** Link load as a share of capacity in one direction; unknown (no series) without a live reading. */
function ratio(mbps: number | null, capacityMbps: number, connectivity: Connectivity): number | null {
  // The map's rule: the last reading describes the link only while the satellite still reports.
  const isLive = connectivity === "connected" || connectivity === "stale";
  if (!isLive || mbps === null || capacityMbps <= 0) return null;
  return Math.max(0, mbps / capacityMbps);
}

/**
 * Every per-satellite series and the per-region counts. `regionIds` are the regions to count even when they
 * hold no satellite (each gets a 0 per connectivity, so a ratio never divides by a missing series).
 */
export function fleetSeries(rows: readonly FleetRow[], regionIds: readonly string[], now: Date): FleetSeries {
  const out: FleetSeries = {
    info: [],
    connectivity: [],
    lastHeartbeat: [],
    linkUtilisation: [],
    satellites: [],
  };
  const perRegion = new Map<string, Record<Connectivity, number>>();
  const zero = () => Object.fromEntries(CONNECTIVITY.map((c) => [c, 0])) as Record<Connectivity, number>;
  for (const id of regionIds) perRegion.set(id, zero());
  for (const row of rows) {
    const satellite = row.slug;
    const state = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
    out.info.push({
      labels: {
        satellite,
        region: row.regionId,
        provider: row.provider,
        kind: row.kind,
        version: row.stackVersion ?? "",
        lifecycle: row.lifecycle,
      },
      value: 1,
    });
    for (const c of CONNECTIVITY) {
      out.connectivity.push({ labels: { satellite, state: c }, value: c === state ? 1 : 0 });
    }
    if (row.lastSeenAt) {
      out.lastHeartbeat.push({ labels: { satellite }, value: row.lastSeenAt.getTime() / 1000 });
    }
    const rx = ratio(row.lastRxMbps, row.downlinkMbps, state);
    if (rx !== null) out.linkUtilisation.push({ labels: { satellite, direction: "rx" }, value: rx });
    const tx = ratio(row.lastTxMbps, row.uplinkMbps, state);
    if (tx !== null) out.linkUtilisation.push({ labels: { satellite, direction: "tx" }, value: tx });
    let counts = perRegion.get(row.regionId);
    if (!counts) perRegion.set(row.regionId, (counts = zero()));
    counts[state]++;
  }
  for (const [region, counts] of perRegion) {
    for (const c of CONNECTIVITY) {
      out.satellites.push({ labels: { region, connectivity: c }, value: counts[c] });
    }
  }
  return out;
}

export type ActiveRollout = { id: string; status: string; pausedReason: string | null };
export type TargetCount = { rolloutId: string; state: string; count: number };

/** Per active rollout: its satellites by target state (every state, zeros included) and an auto-pause flag. */
export function rolloutSeries(rollouts: readonly ActiveRollout[], targets: readonly TargetCount[]) {
  const counts = new Map(targets.map((t) => [`${t.rolloutId}\u0000${t.state}`, t.count]));
  const satellites: MetricValue[] = [];
  const autoPaused: MetricValue[] = [];
  for (const r of rollouts) {
    for (const state of TARGET_STATES) {
      satellites.push({ labels: { rollout: r.id, state }, value: counts.get(`${r.id}\u0000${state}`) ?? 0 });
    }
    const isAuto = r.status === "paused" && isAutoPause(r.pausedReason);
    autoPaused.push({ labels: { rollout: r.id }, value: isAuto ? 1 : 0 });
  }
  return { satellites, autoPaused };
}

export type CommandCount = { type: string; state: string; count: number };

/**
 * Commands that reached a final state, by type and result. Every known type × result is present (0 until the
 * first), so rate() sees the first one; a type found only in stored rows is kept as well.
 */
export function commandSeries(counts: readonly CommandCount[], knownTypes: readonly string[]): MetricValue[] {
  const byKey = new Map<string, number>();
  for (const type of knownTypes) for (const result of FINAL_STATES) byKey.set(`${type}\u0000${result}`, 0);
  for (const c of counts) {
    if (!(FINAL_STATES as readonly string[]).includes(c.state)) continue;
    const key = `${c.type}\u0000${c.state}`;
    byKey.set(key, (byKey.get(key) ?? 0) + c.count);
  }
  return [...byKey].map(([key, value]) => {
    const [type, result] = key.split("\u0000");
    return { labels: { type, result }, value };
  });
}
