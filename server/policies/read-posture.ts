import "server-only";
import { waiverCovers, type WaiverLike } from "@/lib/policies/waivers";
import { addCount, emptyCounts, type Counts } from "./counts";
import { NONE, OUTCOMES, type PostureLog } from "./read-store";

// Posture answers computed from the in-memory change log (read-store.ts): counts per policy and region, the
// daily trend, and the rows of a policy at a moment, each one pass over the fleet's satellites.

const DAY_MS = 86_400_000;

/** What the posture needs of a satellite (the fleet state's rows, or a decommissioned one read for a report). */
export type SatLike = { id: string; slug: string; regionId: string; labelText: string };

/** Satellites by id, and all of them (a Map, or the fleet with past satellites beside it). */
export type SatLookup<S extends SatLike = SatLike> = {
  get(id: string): S | undefined;
  values(): Iterable<S>;
};

/** Every pair's outcome, reason and since at one moment, with the slot width they were laid out by. */
export type PostureState = Pick<PostureLog, "outcome" | "reason" | "since" | "width">;

/**
 * The state at `at`: the log's own arrays, or a copy with the later changes undone, kept for the next read
 * of the same moment. Either way shared: read it, never write it.
 */
export function stateAt(log: PostureLog, at: number): PostureState {
  const { width } = log;
  if (log.n === 0 || log.cAt[log.n - 1] <= at) {
    return { outcome: log.outcome, reason: log.reason, since: log.since, width };
  }
  // A log only ever grows at its end, from its newest time on (anything else makes a new log): a past
  // state rewound from this log stays true, so an auditor paging a past report rewinds it once.
  let held = pastStates.get(log);
  if (!held) pastStates.set(log, (held = new Map()));
  const memo = held.get(at);
  // A new policy or satellite widens the arrays: that log's moments are rewound again.
  if (memo && memo.width === width && memo.outcome.length === log.outcome.length) return memo;
  const state = rewind(log, at);
  held.delete(at);
  held.set(at, state);
  // A few moments per log: each is the whole fleet × policies (13 bytes a pair).
  while (held.size > PAST_STATES) held.delete(held.keys().next().value!);
  return state;
}

const PAST_STATES = 3;
const pastStates = new WeakMap<PostureLog, Map<number, PostureState>>();

function rewind(log: PostureLog, at: number): PostureState {
  const { width } = log;
  const outcome = log.outcome.slice();
  const reason = log.reason.slice();
  const since = log.since.slice();
  for (let k = log.n - 1; k >= 0 && log.cAt[k] > at; k--) {
    const slot = log.cSat[k] * log.width + log.cPol[k];
    outcome[slot] = log.cPrev[k];
    reason[slot] = log.cPrevReason[k];
    since[slot] = log.cPrevSince[k];
  }
  return { outcome, reason, since, width };
}

/** policyId → satelliteId, for the live waivers given (satellite waivers and label selectors alike). */
export function coveredPairs(
  waivers: readonly (WaiverLike & { id: string })[],
  sats: SatLookup,
  at: Date,
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const add = (policyId: string, satelliteId: string, waiverId: string) => {
    let m = out.get(policyId);
    if (!m) out.set(policyId, (m = new Map()));
    if (!m.has(satelliteId)) m.set(satelliteId, waiverId);
  };
  for (const w of waivers) {
    if (w.satelliteId) {
      const s = sats.get(w.satelliteId);
      if (s && waiverCovers(w, w.policyId, s, at)) add(w.policyId, s.id, w.id);
      continue;
    }
    // A selector's answer depends on the label text alone, and a fleet repeats a few label sets.
    const byText = new Map<string, boolean>();
    for (const s of sats.values()) {
      let covers = byText.get(s.labelText);
      if (covers === undefined) byText.set(s.labelText, (covers = waiverCovers(w, w.policyId, s, at)));
      if (covers) add(w.policyId, s.id, w.id);
    }
  }
  return out;
}

/** Current counts per policy × region of the satellites in `regions` (null: all), waived counted apart. */
export function countCells(
  log: PostureLog,
  sats: ReadonlyMap<string, SatLike>,
  regions: readonly string[] | null,
  waived: Map<string, Map<string, string>>,
): Map<string, Map<string, Counts>> {
  const P = log.policies.length;
  const cells = new Map<string, Map<string, Counts>>();
  const byRegion = new Map<string, Counts[]>();
  const allowed = regions && new Set(regions);
  const waivedIdx = log.policies.map((p) => waived.get(p) ?? null);
  for (const [id, s] of sats) {
    const si = log.satIdx.get(id);
    if (si === undefined || (allowed && !allowed.has(s.regionId))) continue;
    let counts = byRegion.get(s.regionId);
    if (!counts) byRegion.set(s.regionId, (counts = Array.from({ length: P }, emptyCounts)));
    const base = si * log.width;
    for (let p = 0; p < P; p++) {
      const o = log.outcome[base + p];
      if (o === NONE) continue;
      addCount(counts[p], waivedIdx[p]?.has(id) ? "waived" : OUTCOMES[o]);
    }
  }
  for (const [regionId, counts] of byRegion) {
    counts.forEach((c, p) => {
      if (c.total === 0) return;
      let m = cells.get(log.policies[p]);
      if (!m) cells.set(log.policies[p], (m = new Map()));
      m.set(regionId, c);
    });
  }
  return cells;
}

export type TrendPoint = { day: string; compliant: number; total: number; percent: number | null };

/**
 * The compliant share at the end of each of the last `days` UTC days (today: now): the state now, walked
 * back through the changes, each day's changes undone in one step. Results as recorded; waivers do not count.
 */
export function trendPoints(
  log: PostureLog,
  sats: ReadonlyMap<string, SatLike>,
  filter: { days: number; regions: ReadonlySet<string> | null; policyIds: ReadonlySet<string> | null },
  now: Date,
): TrendPoint[] {
  const keepPolicy = log.policies.map((p) => !filter.policyIds || filter.policyIds.has(p));
  const keepSat = new Uint8Array(log.sats.length);
  log.sats.forEach((id, i) => {
    const s = sats.get(id);
    keepSat[i] = s && (!filter.regions || filter.regions.has(s.regionId)) ? 1 : 0;
  });
  // The walk below rewrites it: a copy, never the log's own array or a kept past moment.
  const outcome = stateAt(log, now.getTime()).outcome.slice();
  let compliant = 0;
  let total = 0;
  for (let si = 0; si < log.sats.length; si++) {
    if (!keepSat[si]) continue;
    for (let p = 0; p < log.policies.length; p++) {
      const o = outcome[si * log.width + p];
      if (o === NONE || !keepPolicy[p]) continue;
      total++;
      if (o === 0) compliant++;
    }
  }
  const firstDay = Math.floor(now.getTime() / DAY_MS) * DAY_MS - (filter.days - 1) * DAY_MS;
  const points: TrendPoint[] = [];
  // The change just at or before `now`, walking back.
  let k = log.n - 1;
  while (k >= 0 && log.cAt[k] > now.getTime()) k--;
  for (let day = Math.floor(now.getTime() / DAY_MS) * DAY_MS; day >= firstDay; day -= DAY_MS) {
    const percent = total ? Math.round((compliant / total) * 1000) / 10 : null;
    points.push({ day: new Date(day).toISOString().slice(0, 10), compliant, total, percent });
    // Undo this day's changes: the state at the end of the day before.
    for (; k >= 0 && log.cAt[k] >= day; k--) {
      if (!keepSat[log.cSat[k]] || !keepPolicy[log.cPol[k]]) continue;
      const slot = log.cSat[k] * log.width + log.cPol[k];
      const was = log.cPrev[k];
      // The later changes of this pair are undone already, so the state holds what this one wrote.
      const wrote = outcome[slot];
      if (wrote !== NONE) total--;
      if (wrote === 0) compliant--;
      if (was !== NONE) total++;
      if (was === 0) compliant++;
      outcome[slot] = was;
    }
  }
  return points.reverse();
}

export { emptyCounts };
