import "server-only";
import { addCount, emptyCounts, type Counts } from "./counts";
import type { SatLike, TrendPoint } from "./read-posture";
import { NONE, OUTCOMES, postureLog, satellitesById, type PostureLog } from "./read-store";

// Counts kept up to date from the posture log (read-store.ts): the matrix, a policy's counts and the daily
// trend read a few hundred numbers, not every (satellite, policy) pair. Per policy × region: the current
// outcomes, and per UTC day what its changes did to compliant and total. Each read folds in what the log took
// since (the log catches up with the database first, so every process answers from what is committed); a
// satellite that moved region or left the fleet makes the next read count again. The answers equal, by test,
// what countCells and trendPoints (read-posture.ts) compute by scanning.

const DAY_MS = 86_400_000;
const key = (si: number, p: number) => si * 65_536 + p;

export class PostureAggregate {
  readonly regions: string[] = [];
  private readonly regionIdx = new Map<string, number>();
  /** Region of each log satellite (index into `regions`), -1 when it is not in the fleet. */
  private code = new Int32Array(0);
  private knownSats = 0;
  /** Policy and region slots the arrays are laid out for. */
  private readonly P: number;
  private readonly R: number;
  /** Per (policy × R + region) × 3: the current results by outcome. */
  private readonly cur: Int32Array;
  /** UTC day number → per (policy × R + region) × 2: what the day's changes added to compliant and total. */
  private readonly days = new Map<number, Int32Array>();
  /** Per policy, when the highest policy version a result was judged by rose: [at, version] in log order. */
  readonly versionSteps: [number, number][][] = [];
  /** Changes folded in so far. */
  private folded = 0;
  private fleet: ReadonlyMap<string, SatLike>;
  /** Set when a change needs a slot the arrays lack, or the fleet moved a satellite: count again. */
  stale = false;

  constructor(
    readonly log: PostureLog,
    fleet: ReadonlyMap<string, SatLike>,
  ) {
    this.fleet = fleet;
    const regions = new Set<string>();
    for (const s of fleet.values()) regions.add(s.regionId);
    this.P = Math.max(16, log.policies.length * 2);
    this.R = Math.max(16, regions.size * 2);
    this.cur = new Int32Array(this.P * this.R * 3);
    this.codes(fleet);
    const { outcome, width } = log;
    for (let si = 0; si < log.sats.length; si++) {
      const c = this.code[si];
      if (c < 0) continue;
      for (let p = 0; p < log.policies.length; p++) {
        const o = outcome[si * width + p];
        if (o !== NONE) this.cur[(p * this.R + c) * 3 + o]++;
      }
    }
    // Each change's effect on its day, walking back from the present as the trend's scan does.
    const walked = outcome.slice();
    for (let k = log.n - 1; k >= 0; k--) {
      const slot = log.cSat[k] * width + log.cPol[k];
      this.dayDelta(k, walked[slot], log.cPrev[k]);
      walked[slot] = log.cPrev[k];
    }
    this.steps(0);
    this.folded = log.n;
  }

  /** Region codes for every log satellite; false when one differs from what the counts were made with. */
  private codes(fleet: ReadonlyMap<string, SatLike>): boolean {
    const sats = this.log.sats;
    const next = new Int32Array(Math.max(sats.length, 1024));
    let same = true;
    for (let si = 0; si < sats.length; si++) {
      const s = fleet.get(sats[si]);
      let c = -1;
      if (s) {
        c = this.regionIdx.get(s.regionId) ?? -1;
        if (c < 0) {
          c = this.regions.length;
          this.regionIdx.set(s.regionId, c);
          this.regions.push(s.regionId);
          if (c >= this.R) this.stale = true;
        }
      }
      next[si] = c;
      if (si < this.knownSats && this.code[si] !== c) same = false;
    }
    this.code = next;
    this.knownSats = sats.length;
    return same;
  }

  private dayDelta(k: number, wrote: number, was: number): void {
    const c = this.code[this.log.cSat[k]];
    if (c < 0 || wrote === was) return;
    const day = Math.floor(this.log.cAt[k] / DAY_MS);
    let d = this.days.get(day);
    if (!d) this.days.set(day, (d = new Int32Array(this.P * this.R * 2)));
    const i = (this.log.cPol[k] * this.R + c) * 2;
    d[i] += (wrote === 0 ? 1 : 0) - (was === 0 ? 1 : 0);
    d[i + 1] += (wrote !== NONE ? 1 : 0) - (was !== NONE ? 1 : 0);
  }

  private steps(from: number): void {
    const log = this.log;
    for (let k = from; k < log.n; k++) {
      const steps = (this.versionSteps[log.cPol[k]] ??= []);
      const top = steps.length ? steps[steps.length - 1][1] : 0;
      if (log.cVer[k] > top) steps.push([log.cAt[k], log.cVer[k]]);
    }
  }

  /**
   * Folds in the log's new changes (the log is in time order: read-store.ts refuses a late row) and the
   * fleet's moves; false when the counts must be made again.
   */
  sync(fleet: ReadonlyMap<string, SatLike>): boolean {
    const log = this.log;
    if (this.stale || log.policies.length > this.P) return false;
    if (fleet !== this.fleet || log.sats.length !== this.knownSats) {
      // Once the codes differ this aggregate is done with: the caller makes a new one.
      if (!this.codes(fleet)) this.stale = true;
      if (this.stale) return false;
      this.fleet = fleet;
    }
    if (log.n === this.folded) return true;
    // Newest first, so each change sees what the later ones of its pair replaced (as the scan does).
    const after = new Map<number, number>();
    for (let k = log.n - 1; k >= this.folded; k--) {
      const si = log.cSat[k];
      const p = log.cPol[k];
      const wrote = after.get(key(si, p)) ?? log.outcome[si * log.width + p];
      const was = log.cPrev[k];
      after.set(key(si, p), was);
      this.dayDelta(k, wrote, was);
      const c = this.code[si];
      if (c < 0) continue;
      const i = (p * this.R + c) * 3;
      if (wrote !== NONE) this.cur[i + wrote]++;
      if (was !== NONE) this.cur[i + was]--;
    }
    this.steps(this.folded);
    this.folded = log.n;
    return true;
  }

  /** Whether the log's satellite `si` is in the fleet the counts were made with (no string lookup). */
  inFleet(si: number): boolean {
    return si < this.knownSats && this.code[si] >= 0;
  }

  /** The highest policy version a result of `policyId` was judged by at or before `at` (0: none). */
  judgedVersion(policyId: string, at: number): number {
    const p = this.log.policyIndex(policyId);
    let version = 0;
    for (const [when, v] of (p === undefined ? null : this.versionSteps[p]) ?? []) {
      if (when > at) break;
      version = v;
    }
    return version;
  }

  /**
   * Current counts per policy × region (only `regions` when given), waived counted apart: `waived` names the
   * covered pairs (coveredPairs), each moved from its outcome to waived. Cells with no result are left out.
   */
  cells(
    regions: readonly string[] | null,
    waived: Map<string, Map<string, string>>,
  ): Map<string, Map<string, Counts>> {
    const log = this.log;
    const allowed = regions && new Set(regions);
    const raw = new Map<string, Map<string, number[]>>();
    const cell = (p: number, c: number) => {
      let m = raw.get(log.policies[p]);
      if (!m) raw.set(log.policies[p], (m = new Map()));
      let v = m.get(this.regions[c]);
      if (!v) m.set(this.regions[c], (v = [0, 0, 0, 0]));
      return v;
    };
    for (let p = 0; p < log.policies.length; p++) {
      for (let c = 0; c < this.regions.length; c++) {
        if (allowed && !allowed.has(this.regions[c])) continue;
        const i = (p * this.R + c) * 3;
        if (this.cur[i] + this.cur[i + 1] + this.cur[i + 2] === 0) continue;
        const v = cell(p, c);
        for (let o = 0; o < 3; o++) v[o] += this.cur[i + o];
      }
    }
    for (const [policyId, pairs] of waived) {
      const p = log.policyIndex(policyId);
      if (p === undefined) continue;
      for (const satelliteId of pairs.keys()) {
        const si = log.satIdx.get(satelliteId);
        const c = si === undefined ? -1 : this.code[si];
        if (si === undefined || c < 0 || (allowed && !allowed.has(this.regions[c]))) continue;
        const o = log.outcome[si * log.width + p];
        if (o === NONE) continue;
        const v = cell(p, c);
        v[o]--;
        v[3]++;
      }
    }
    const out = new Map<string, Map<string, Counts>>();
    for (const [policyId, m] of raw) {
      const counts = new Map<string, Counts>();
      for (const [regionId, v] of m) {
        const c = emptyCounts();
        OUTCOMES.forEach((o, i) => v[i] && addCount(c, o, v[i]));
        if (v[3]) addCount(c, "waived", v[3]);
        counts.set(regionId, c);
      }
      out.set(policyId, counts);
    }
    return out;
  }

  /** The daily trend (trendPoints' answer) from the counts and each day's changes. */
  trend(
    filter: { days: number; regions: ReadonlySet<string> | null; policyIds: ReadonlySet<string> | null },
    now: Date,
  ): TrendPoint[] {
    const log = this.log;
    const slots: number[] = [];
    for (let p = 0; p < log.policies.length; p++) {
      if (filter.policyIds && !filter.policyIds.has(log.policies[p])) continue;
      for (let c = 0; c < this.regions.length; c++)
        if (!filter.regions || filter.regions.has(this.regions[c])) slots.push(p * this.R + c);
    }
    let compliant = 0;
    let total = 0;
    for (const s of slots) {
      compliant += this.cur[s * 3];
      total += this.cur[s * 3] + this.cur[s * 3 + 1] + this.cur[s * 3 + 2];
    }
    const sum = (d: Int32Array | undefined) => {
      let dc = 0;
      let dt = 0;
      if (d)
        for (const s of slots) {
          dc += d[s * 2];
          dt += d[s * 2 + 1];
        }
      return [dc, dt];
    };
    // Today's point is the state now: changes stamped later (a clock ahead) are undone one by one.
    const nowMs = now.getTime();
    let nowCompliant = compliant;
    let nowTotal = total;
    const after = new Map<number, number>();
    const wanted = new Set(slots);
    for (let k = log.n - 1; k >= 0 && log.cAt[k] > nowMs; k--) {
      const si = log.cSat[k];
      const p = log.cPol[k];
      const wrote = after.get(key(si, p)) ?? log.outcome[si * log.width + p];
      const was = log.cPrev[k];
      after.set(key(si, p), was);
      const c = this.code[si];
      if (c < 0 || !wanted.has(p * this.R + c)) continue;
      nowCompliant -= (wrote === 0 ? 1 : 0) - (was === 0 ? 1 : 0);
      nowTotal -= (wrote !== NONE ? 1 : 0) - (was !== NONE ? 1 : 0);
    }
    const today = Math.floor(nowMs / DAY_MS);
    // The state at the end of today: every change stamped on a later day undone.
    for (const [day, d] of this.days) {
      if (day <= today) continue;
      const [dc, dt] = sum(d);
      compliant -= dc;
      total -= dt;
    }
    const point = (day: number, c: number, t: number): TrendPoint => ({
      day: new Date(day * DAY_MS).toISOString().slice(0, 10),
      compliant: c,
      total: t,
      percent: t ? Math.round((c / t) * 1000) / 10 : null,
    });
    const points = [point(today, nowCompliant, nowTotal)];
    for (let day = today; day > today - filter.days + 1; day--) {
      const [dc, dt] = sum(this.days.get(day));
      compliant -= dc;
      total -= dt;
      points.push(point(day - 1, compliant, total));
    }
    return points.reverse();
  }
}

const held = new WeakMap<PostureLog, PostureAggregate>();
type Posture = { log: PostureLog; agg: PostureAggregate; sats: ReadonlyMap<string, SatLike> };

/** The log caught up with the database, and its counts caught up with the log and the fleet. */
export async function postureAggregate(): Promise<Posture> {
  const [log, sats] = await Promise.all([postureLog(), satellitesById()]);
  let agg = held.get(log);
  if (!agg || !agg.sync(sats)) held.set(log, (agg = new PostureAggregate(log, sats)));
  return { log, agg, sats };
}
