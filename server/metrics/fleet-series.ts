import { CONNECTIVITY, connectivityOf, type Connectivity } from "@/lib/connectivity";
import { TARGET_STATES } from "@/lib/rollout-target-states";
import { isAutoPause } from "../alerts/evaluate";
import { FINAL_STATES } from "../commands/lifecycle";
import {
  escapeLabel,
  familyHeader,
  formatValue,
  renderFamilies,
  TextChunks,
  type MetricValue,
} from "./exposition";

// The fleet's series, pure over rows already loaded and a fixed `now`: what a scrape exposes is decided here,
// the rows come from the in-memory latest state (server/fleet-state, via fleet-source.ts). Label values come from bounded sets, except the
// satellite's slug (one series per satellite) and the id of an active rollout.

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

const FAMILY = {
  info: {
    name: "orrery_satellite_info",
    help: "Always 1: a satellite that is not decommissioned, with its region, provider, kind, stack version and lifecycle.",
  },
  connectivity: {
    name: "orrery_satellite_connectivity",
    help: "1 for the satellite's connectivity (connected, stale, offline, never_seen), 0 for the others; from its last heartbeat.",
  },
  lastHeartbeat: {
    name: "orrery_satellite_last_heartbeat_timestamp_seconds",
    help: "When the satellite's last heartbeat was stored, in Unix seconds; absent if it never sent one.",
  },
  link: {
    name: "orrery_satellite_link_utilisation_ratio",
    help: "Last reported traffic over link capacity: rx over downlink, tx over uplink; absent while the satellite is offline.",
  },
  satellites: {
    name: "orrery_satellites",
    help: "Satellites that are not decommissioned, by compliance region and connectivity.",
  },
} as const;

/** Link load as a share of capacity in one direction; unknown (no series) without a live reading. */
function ratio(mbps: number | null, capacityMbps: number, connectivity: Connectivity): number | null {
  // The map's rule: the last reading describes the link only while the satellite still reports.
  const isLive = connectivity === "connected" || connectivity === "stale";
  if (!isLive || mbps === null || capacityMbps <= 0) return null;
  return Math.max(0, mbps / capacityMbps);
}

type RowText = { info: string; seen: string; byState: Partial<Record<Connectivity, ByState>> };
type ByState = { conn: string; link: string; info: string; seen: string };

// A row's lines depend only on the row and its connectivity. The latest state hands the same row object until
// the satellite changes, so most lines are reused from the last scrape instead of being built again.
const rowTexts = new WeakMap<FleetRow, RowText>();

function rowText(row: FleetRow, state: Connectivity): ByState {
  let text = rowTexts.get(row);
  if (!text) {
    const sat = `{satellite="${escapeLabel(row.slug)}"`;
    text = {
      info: `${FAMILY.info.name}${sat},region="${escapeLabel(row.regionId)}",provider="${escapeLabel(row.provider)}",kind="${escapeLabel(row.kind)}",version="${escapeLabel(row.stackVersion ?? "")}",lifecycle="${escapeLabel(row.lifecycle)}"} 1\n`,
      seen: row.lastSeenAt ? `${FAMILY.lastHeartbeat.name}${sat}} ${row.lastSeenAt.getTime() / 1000}\n` : "",
      byState: {},
    };
    rowTexts.set(row, text);
  }
  let lines = text.byState[state];
  if (!lines) {
    const sat = `{satellite="${escapeLabel(row.slug)}"`;
    let conn = "";
    for (const c of CONNECTIVITY)
      conn += `${FAMILY.connectivity.name}${sat},state="${c}"} ${c === state ? 1 : 0}\n`;
    const rx = ratio(row.lastRxMbps, row.downlinkMbps, state);
    const tx = ratio(row.lastTxMbps, row.uplinkMbps, state);
    let link = "";
    if (rx !== null) link += `${FAMILY.link.name}${sat},direction="rx"} ${formatValue(rx)}\n`;
    if (tx !== null) link += `${FAMILY.link.name}${sat},direction="tx"} ${formatValue(tx)}\n`;
    lines = text.byState[state] = { conn, link, info: text.info, seen: text.seen };
  }
  return lines;
}

/**
 * Every per-satellite series and the per-region counts, as exposition text. Rows are taken as immutable: a
 * changed satellite is a new row object (as the latest state hands them). `regionIds` are the regions to
 * count even when they hold no satellite (each gets a 0 per connectivity, so a ratio never lacks a series).
 */
export function renderFleet(rows: readonly FleetRow[], regionIds: readonly string[], now: Date): Buffer[] {
  const header = (f: { name: string; help: string }) => familyHeader(f.name, f.help, "gauge");
  const [info, conn, seen, link] = [new TextChunks(), new TextChunks(), new TextChunks(), new TextChunks()];
  info.write(header(FAMILY.info));
  conn.write(header(FAMILY.connectivity));
  seen.write(header(FAMILY.lastHeartbeat));
  link.write(header(FAMILY.link));
  const perRegion = new Map<string, Record<Connectivity, number>>();
  const zero = () => Object.fromEntries(CONNECTIVITY.map((c) => [c, 0])) as Record<Connectivity, number>;
  for (const id of regionIds) perRegion.set(id, zero());
  for (const row of rows) {
    const state = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
    const text = rowText(row, state);
    info.write(text.info);
    conn.write(text.conn);
    if (text.seen) seen.write(text.seen);
    if (text.link) link.write(text.link);
    let counts = perRegion.get(row.regionId);
    if (!counts) perRegion.set(row.regionId, (counts = zero()));
    counts[state]++;
  }
  const totals: MetricValue[] = [];
  for (const [region, counts] of perRegion) {
    for (const c of CONNECTIVITY) totals.push({ labels: { region, connectivity: c }, value: counts[c] });
  }
  const satellites = renderFamilies([{ ...FAMILY.satellites, type: "gauge", values: totals }]);
  return [
    ...info.buffers(),
    ...conn.buffers(),
    ...seen.buffers(),
    ...link.buffers(),
    Buffer.from(satellites),
  ];
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
