import "server-only";
import type { Outcome } from "@/lib/policies/kinds";
import { processSingleton } from "../cache/process-singleton";
import { env } from "../env";
import { latestFleet, type LatestSatellite } from "../fleet-state";
import { logError } from "../log";
import { readChanges, readMark, readResults } from "./read-store-sql";

// The posture reads (matrix, trend, report, a policy's results) replay the change log (PolicyResultChange)
// once per process into compact arrays: each (satellite, policy) pair's outcome, reason and since, and for
// every change what it replaced, so the posture at an earlier moment is the current one with the changes
// after it undone. Each read first asks the log's high-water mark (its newest `at`, how many rows share it,
// its oldest `at`: three index lookups) and applies only the rows written since, so every process and
// replica answers from what is committed. A row written late (older than the mark) or a log trimmed from
// below is read again in full. Regions, slugs and labels are the satellites' current ones (the fleet state).

export const OUTCOMES = ["compliant", "violation", "unknown"] as const satisfies readonly Outcome[];
/** No result: never evaluated, or the satellite left the policy's scope. */
export const NONE = -1;

/** `wrote`: how many passes wrote changes (pass.ts), and the time the last one wrote them at. */
export type Mark = {
  maxAt: number;
  atMax: number;
  minAt: number;
  fullAt: number;
  wrote: number;
  wroteAt: number;
};
export type ChangeRow = {
  id: string;
  policyId: string;
  satelliteId: string;
  policyVersion: number;
  outcome: Outcome | null;
  reason: string;
  at: number;
};

const OUTCOME_CODE = new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));

/** A growable typed array. */
function grow<T extends Int8Array | Int32Array | Uint32Array | Float64Array>(
  a: T,
  size: number,
  fill = 0,
): T {
  if (a.length >= size) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2, 1024));
  next.fill(fill as never);
  next.set(a as never);
  return next;
}

export class PostureLog {
  readonly policies: string[] = [];
  private readonly policyIdx = new Map<string, number>();
  readonly sats: string[] = [];
  readonly satIdx = new Map<string, number>();
  readonly reasons: string[] = [""];
  private readonly reasonIdx = new Map<string, number>([["", 0]]);
  /** Policy slots per satellite; doubles when more policies appear. */
  width = 16;
  outcome = new Int8Array(0);
  reason = new Uint32Array(0);
  since = new Float64Array(0);
  /** The change log, oldest first: when, which pair, and what it replaced. */
  n = 0;
  cAt = new Float64Array(0);
  cSat = new Int32Array(0);
  cPol = new Int32Array(0);
  /** The policy version each change was judged by. */
  cVer = new Int32Array(0);
  cPrev = new Int8Array(0);
  cPrevReason = new Uint32Array(0);
  cPrevSince = new Float64Array(0);
  mark: Mark = {
    maxAt: -Infinity,
    atMax: 0,
    minAt: Infinity,
    fullAt: -Infinity,
    wrote: 0,
    wroteAt: -Infinity,
  };
  /** When this log was read whole (ms, this process's clock). */
  readonly loadedAt = Date.now();
  /** Ids of the rows at `mark.maxAt`, so a mark that moved within the same instant reads only the new ones. */
  private idsAtMax = new Set<string>();

  policyIndex(id: string): number | undefined {
    return this.policyIdx.get(id);
  }

  private index(map: Map<string, number>, list: string[], key: string): number {
    let i = map.get(key);
    if (i === undefined) {
      map.set(key, (i = list.length));
      list.push(key);
    }
    return i;
  }

  private widen(policies: number): void {
    if (policies <= this.width) return;
    const width = this.width * 2;
    const remap = <T extends Int8Array | Uint32Array | Float64Array>(a: T, fill: number) => {
      const next = new (a.constructor as new (n: number) => T)(Math.max(1024, this.sats.length * width));
      next.fill(fill as never);
      for (let s = 0; s < this.sats.length; s++)
        next.set(a.subarray(s * this.width, (s + 1) * this.width) as never, s * width);
      return next;
    };
    this.outcome = remap(this.outcome, NONE);
    this.reason = remap(this.reason, 0);
    this.since = remap(this.since, 0);
    this.width = width;
  }

  /** Applies one change; `record` false sets the state alone (the results table's overlay). */
  apply(c: ChangeRow, record = true): void {
    const pol = this.index(this.policyIdx, this.policies, c.policyId);
    this.widen(this.policies.length);
    const sat = this.index(this.satIdx, this.sats, c.satelliteId);
    const slots = this.sats.length * this.width;
    this.outcome = grow(this.outcome, slots, NONE);
    this.reason = grow(this.reason, slots);
    this.since = grow(this.since, slots);
    const slot = sat * this.width + pol;
    if (!record) {
      this.outcome[slot] = c.outcome ? OUTCOME_CODE.get(c.outcome)! : NONE;
      this.reason[slot] = this.index(this.reasonIdx, this.reasons, c.reason);
      this.since[slot] = c.at;
      return;
    }
    const k = this.n++;
    this.cAt = grow(this.cAt, this.n);
    this.cSat = grow(this.cSat, this.n);
    this.cPol = grow(this.cPol, this.n);
    this.cVer = grow(this.cVer, this.n);
    this.cPrev = grow(this.cPrev, this.n);
    this.cPrevReason = grow(this.cPrevReason, this.n);
    this.cPrevSince = grow(this.cPrevSince, this.n);
    this.cAt[k] = c.at;
    this.cSat[k] = sat;
    this.cPol[k] = pol;
    this.cVer[k] = c.policyVersion;
    this.cPrev[k] = this.outcome[slot];
    this.cPrevReason[k] = this.reason[slot];
    this.cPrevSince[k] = this.since[slot];
    this.outcome[slot] = c.outcome ? OUTCOME_CODE.get(c.outcome)! : NONE;
    this.reason[slot] = this.index(this.reasonIdx, this.reasons, c.reason);
    this.since[slot] = c.at;
    if (c.at > this.mark.maxAt) {
      this.mark.maxAt = c.at;
      this.idsAtMax = new Set();
    }
    if (c.at === this.mark.maxAt) this.idsAtMax.add(c.id);
    this.mark.atMax = this.idsAtMax.size;
    this.mark.minAt = Math.min(this.mark.minAt, c.at);
  }

  /**
   * Sets the current state from the results table (PolicyResult): the replay gives every change what it
   * replaced, but the results are what the evaluator last wrote, also when a pass ran with an earlier time.
   */
  overlay(
    results: { policyId: string; satelliteId: string; outcome: Outcome; reason: string; since: number }[],
  ) {
    for (const r of results) this.apply({ ...r, id: "", policyVersion: 0, at: r.since }, false);
    // Slots once the arrays have their final width: a pair the results no longer hold has no result.
    const seen = new Uint8Array(this.outcome.length);
    for (const r of results) seen[this.slot(r.satelliteId, r.policyId)] = 1;
    for (let i = 0; i < seen.length; i++) if (!seen[i]) this.outcome[i] = NONE;
  }

  private slot(satelliteId: string, policyId: string): number {
    return this.satIdx.get(satelliteId)! * this.width + this.policyIdx.get(policyId)!;
  }

  /** Whether the safety net's whole re-read is due (it runs beside readers, who keep this log meanwhile). */
  get due(): boolean {
    return Date.now() - this.loadedAt > RELOAD_MS;
  }

  /** Brings the log up to `mark`; false when it cannot (a late row, a trimmed log): read it again whole. */
  async catchUp(mark: Mark): Promise<boolean> {
    // A full pass that ran with an earlier time than the last (a clock stepped back) wrote below the mark.
    if (mark.fullAt < this.mark.fullAt) return false;
    // Any pass that wrote with an earlier time than the newest change here (a clock behind) wrote below it.
    if (mark.wrote !== this.mark.wrote && mark.wroteAt < this.mark.maxAt) return false;
    this.mark.fullAt = mark.fullAt;
    this.mark.wrote = mark.wrote;
    if (mark.minAt !== this.mark.minAt && this.n > 0) return false;
    if (mark.maxAt === this.mark.maxAt && mark.atMax === this.mark.atMax) return true;
    if (mark.maxAt < this.mark.maxAt) return false;
    for (const c of await readChanges(this.n ? this.mark.maxAt : null)) {
      if (c.at === this.mark.maxAt && this.idsAtMax.has(c.id)) continue;
      if (c.at < this.mark.maxAt) return false;
      this.apply(c);
    }
    return true;
  }
}

/** The safety net: the log is read whole again after this long, whatever the marks say. */
const RELOAD_MS = 30 * 60_000;

type Holder = {
  log: PostureLog | null;
  pending: Promise<PostureLog> | null;
  /** The safety net's whole re-read, when one is running. */
  refreshing: Promise<void> | null;
};

/** The log read whole from the database, as of `mark` (read before it). */
async function readWhole(mark: Mark): Promise<PostureLog> {
  const log = new PostureLog();
  for (const c of await readChanges(null)) log.apply(c);
  log.overlay(await readResults());
  log.mark.fullAt = mark.fullAt;
  log.mark.wrote = mark.wrote;
  return log;
}

/** The process's log, caught up with what is committed; concurrent readers share one catch-up. */
export async function postureLog(): Promise<PostureLog> {
  const holder = processSingleton<Holder>(`policy-posture-log:${env.DATABASE_URL}`, () => ({
    log: null,
    pending: null,
    refreshing: null,
  }));
  if (holder.pending) return holder.pending;
  holder.pending = (async () => {
    const mark = await readMark();
    if (!holder.log || !(await holder.log.catchUp(mark))) {
      holder.log = await readWhole(mark);
    } else if (holder.log.due && !holder.refreshing) {
      // At 100,000 satellites the whole log takes many seconds to read: readers keep the caught-up log
      // meanwhile, and the fresh one replaces it when done (the next read catches it up from its own mark).
      holder.refreshing = readWhole(mark)
        .then((log) => {
          holder.log = log;
        })
        .catch((err: unknown) => logError("the posture log's periodic re-read failed", err))
        .finally(() => {
          holder.refreshing = null;
        });
    }
    return holder.log;
  })().finally(() => {
    holder.pending = null;
  });
  return holder.pending;
}

/** The fleet's current satellites by id (decommissioned ones are in no policy's scope). */
export async function satellitesById(): Promise<Map<string, LatestSatellite>> {
  const { rows } = await latestFleet();
  let map = byRows.get(rows);
  if (!map) byRows.set(rows, (map = new Map(rows.map((r) => [r.id, r]))));
  return map;
}
const byRows = new WeakMap<readonly LatestSatellite[], Map<string, LatestSatellite>>();
