import "server-only";
import {
  CONNECTIVITY,
  HEALTH,
  connectivityOf,
  effectiveHealth,
  type Connectivity,
  type Health,
} from "@/lib/connectivity";
import { mapStatusOf, type MapStatus } from "@/lib/fleet-map";
import type { LatestSatellite } from "./rows";
import type { FleetSnapshot } from "./state";

// Fleet-wide counts and the filter options, from the latest state held in memory rather than a scan of the
// Satellite table per request. One pass over the held rows per state version and second (connectivity moves
// with the clock alone), shared by every request until then: at 100,000 satellites a pass takes a few ms.

export type FleetAggregates = {
  /** The state version and the time (ms, whole seconds) the counts hold for. */
  version: number;
  at: number;
  /** When the database was last read: the counts are at most this old (the state reads every ~1 s). */
  readAt: number;
  /** Satellites that are not decommissioned. */
  total: number;
  byConnectivity: Record<Connectivity, number>;
  byHealth: Record<Health, number>;
  byRegion: Map<string, number>;
  byKind: Map<string, number>;
  byLifecycle: Map<string, number>;
  /** Sorted values in use, for filter menus. */
  providers: string[];
  stackVersions: string[];
  /** Satellites running each stack version (the Releases list's "running" column). */
  byStackVersion: Map<string, number>;
  agentVersions: string[];
  /** Label keys in use, each with its values, sorted. */
  labels: { key: string; values: string[] }[];
  uplinkMbps: number;
};

/** "|a=1|b=2|" → [["a","1"],["b","2"]]; fleets repeat a few label sets, so each is split once. */
const labelPairs = new Map<string, [string, string][]>();
function pairsOf(labelText: string): [string, string][] {
  let pairs = labelPairs.get(labelText);
  if (!pairs) {
    pairs = labelText
      .split("|")
      .filter(Boolean)
      .map((p) => {
        const eq = p.indexOf("=");
        return [p.slice(0, eq), p.slice(eq + 1)] as [string, string];
      });
    // Bounded: a fleet with a unique label per satellite would otherwise grow it without end.
    if (labelPairs.size > 50_000) labelPairs.clear();
    labelPairs.set(labelText, pairs);
  }
  return pairs;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sorted = (s: Iterable<string>) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The counts over `rows` at `now`, with the list's rules (connectivityOf, effectiveHealth). */
export function aggregate(
  rows: readonly LatestSatellite[],
  now: Date,
): Omit<FleetAggregates, "version" | "readAt"> {
  const byConnectivity = Object.fromEntries(CONNECTIVITY.map((c) => [c, 0])) as Record<Connectivity, number>;
  const byHealth = Object.fromEntries(HEALTH.map((h) => [h, 0])) as Record<Health, number>;
  const byRegion = new Map<string, number>();
  const byKind = new Map<string, number>();
  const byLifecycle = new Map<string, number>();
  const providers = new Set<string>();
  const byStackVersion = new Map<string, number>();
  const agentVersions = new Set<string>();
  const labels = new Map<string, Set<string>>();
  const labelTexts = new Set<string>();
  let total = 0;
  let uplinkMbps = 0;
  for (const row of rows) {
    if (row.lifecycle === "decommissioned") continue;
    total++;
    const c = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
    byConnectivity[c]++;
    byHealth[effectiveHealth(c, row.reportedHealth as Health)]++;
    bump(byRegion, row.regionId);
    bump(byKind, row.kind);
    bump(byLifecycle, row.lifecycle);
    providers.add(row.provider);
    if (row.stackVersion) bump(byStackVersion, row.stackVersion);
    if (row.agentVersion) agentVersions.add(row.agentVersion);
    labelTexts.add(row.labelText);
    uplinkMbps += row.uplinkMbps;
  }
  for (const text of labelTexts) {
    for (const [k, v] of pairsOf(text)) {
      let values = labels.get(k);
      if (!values) labels.set(k, (values = new Set()));
      values.add(v);
    }
  }
  return {
    at: Math.floor(now.getTime() / 1000) * 1000,
    total,
    byConnectivity,
    byHealth,
    byRegion,
    byKind,
    byLifecycle,
    providers: sorted(providers),
    stackVersions: sorted(byStackVersion.keys()),
    byStackVersion,
    agentVersions: sorted(agentVersions),
    labels: sorted(labels.keys()).map((key) => ({ key, values: sorted(labels.get(key) ?? []) })),
    uplinkMbps,
  };
}

let memo: { rows: readonly LatestSatellite[]; value: FleetAggregates } | null = null;

/**
 * The aggregates of a snapshot at `now`, computed once per state version and second and shared: a request
 * never scans the fleet itself. `now` is truncated to the second, as honest as the state (≤ ~2 s old).
 */
export function aggregatesOf(snapshot: FleetSnapshot, now = new Date()): FleetAggregates {
  const at = Math.floor(now.getTime() / 1000) * 1000;
  // The rows array is the same object until the state's version moves (any FleetState instance).
  const held = memo;
  if (held && held.rows === snapshot.rows && held.value.at === at) {
    if (held.value.readAt !== snapshot.readAt) held.value = { ...held.value, readAt: snapshot.readAt };
    return held.value;
  }
  const value = {
    ...aggregate(snapshot.rows, new Date(at)),
    version: snapshot.version,
    readAt: snapshot.readAt,
  };
  memo = { rows: snapshot.rows, value };
  return value;
}

/** What one filter of the Satellites list counts: its rows, and how many hold each map status. */
export type FilteredCounts = { total: number; byStatus: Map<MapStatus, number> };

let filtered: { rows: readonly LatestSatellite[]; at: number; byKey: Map<string, FilteredCounts> } | null =
  null;
/** Filters remembered per state version and second: a page's reloads and its pager share one pass. */
const MAX_FILTERS = 64;

/**
 * How many held rows pass the filter at `now` (to the second), by map status (mapStatusOf: the list's severity
 * buckets): one pass per state version, second and filter (`key` names the filter), shared by every request
 * until then, instead of counting queries over the Satellite table per page.
 */
export function filteredCountsOf(
  snapshot: FleetSnapshot,
  key: string,
  filterAt: (now: Date) => (row: LatestSatellite) => boolean,
  now = new Date(),
): FilteredCounts {
  const at = Math.floor(now.getTime() / 1000) * 1000;
  if (!filtered || filtered.rows !== snapshot.rows || filtered.at !== at)
    filtered = { rows: snapshot.rows, at, byKey: new Map() };
  const held = filtered.byKey.get(key);
  if (held) return held;
  const when = new Date(at);
  const keep = filterAt(when);
  const byStatus = new Map<MapStatus, number>();
  let total = 0;
  for (const row of snapshot.rows) {
    if (!keep(row)) continue;
    total++;
    const c = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, when);
    const status = mapStatusOf(c, row.reportedHealth as Health);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  const value = { total, byStatus };
  if (filtered.byKey.size >= MAX_FILTERS) filtered.byKey.clear();
  filtered.byKey.set(key, value);
  return value;
}
