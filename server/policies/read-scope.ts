import "server-only";
import { db } from "../db";
import type { PostureState, SatLookup } from "./read-posture";
import { NONE, type PostureLog } from "./read-store";

// Which satellites a report covers, in slug order: the fleet state's satellites, and those a past moment's
// results name that have since been decommissioned (read once per process and kept), each with its index in
// the posture log, so a report's rows are one pass over typed arrays with no sort.

export type Sat = { id: string; slug: string; regionId: string; labelText: string };

/** Satellites a past report named that the fleet state no longer holds: decommissioned, so never edited again. */
const pastSats = new Map<string, Sat>();

/** The fleet's satellites, then those kept aside (pastSats), without copying the fleet. */
export class WithPast implements SatLookup {
  /** Names the past satellites held (their count and two hashes of their ids), for the scope memo. */
  readonly pastKey: string;
  constructor(
    readonly fleet: ReadonlyMap<string, Sat>,
    private readonly past: ReadonlyMap<string, Sat>,
  ) {
    let a = 0x811c9dc5;
    let b = 7;
    for (const id of [...past.keys()].sort())
      for (let i = 0; i < id.length; i++) {
        a = Math.imul(a ^ id.charCodeAt(i), 16777619);
        b = (Math.imul(b, 31) + id.charCodeAt(i)) | 0;
      }
    this.pastKey = `${past.size}:${a >>> 0}:${b >>> 0}`;
  }
  get(id: string): Sat | undefined {
    return this.fleet.get(id) ?? this.past.get(id);
  }
  *values(): Iterable<Sat> {
    yield* this.fleet.values();
    for (const [id, s] of this.past) if (!this.fleet.has(id)) yield s;
  }
}

/**
 * The fleet's satellites, and those a result at this moment names that have since been decommissioned (the
 * fleet state holds only satellites in service): a past report still shows them. Those are read once per
 * process and kept.
 */
export async function withPastSatellites(
  log: PostureLog,
  state: PostureState,
  fleet: ReadonlyMap<string, Sat>,
  inFleet: (si: number) => boolean,
): Promise<WithPast> {
  const missing: string[] = [];
  const past = new Map<string, Sat>();
  for (let si = 0; si < log.sats.length; si++) {
    if (inFleet(si)) continue;
    const id = log.sats[si];
    if (fleet.has(id)) continue;
    for (let p = 0; p < log.policies.length; p++) {
      if (state.outcome[si * state.width + p] === NONE) continue;
      const kept = pastSats.get(id);
      if (kept) past.set(id, kept);
      else missing.push(id);
      break;
    }
  }
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db.satellite.findMany({
      where: { id: { in: missing.slice(i, i + 500) } },
      select: { id: true, slug: true, regionId: true, labelText: true },
    });
    for (const r of rows) {
      past.set(r.id, r);
      if (pastSats.size < 1_000_000) pastSats.set(r.id, r);
    }
  }
  return new WithPast(fleet, past);
}

/** Log satellites (indexes) by slug, kept per log; `unknown` are those no read has named yet. */
const slugOrders = new WeakMap<PostureLog, { order: number[]; slugs: string[]; unknown: Set<number> }>();

/**
 * The log's satellites that `sats` names, in slug order: sorted once per log, a satellite new to the log
 * inserted in its place, so a page of rows by slug (or by outcome, then slug) is read without sorting.
 */
function slugOrder(log: PostureLog, sats: SatLookup<Sat>): number[] {
  let memo = slugOrders.get(log);
  if (!memo) slugOrders.set(log, (memo = { order: [], slugs: [], unknown: new Set() }));
  const { order, slugs, unknown } = memo;
  const fresh: number[] = [];
  for (let si = slugs.length; si < log.sats.length; si++) {
    slugs.push("");
    unknown.add(si);
  }
  for (const si of unknown) {
    const s = sats.get(log.sats[si]);
    if (!s) continue;
    slugs[si] = s.slug;
    unknown.delete(si);
    fresh.push(si);
  }
  if (fresh.length > 64) {
    for (const si of fresh) order.push(si);
    order.sort((a, b) => (slugs[a] < slugs[b] ? -1 : slugs[a] > slugs[b] ? 1 : 0));
  } else {
    for (const si of fresh) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (slugs[order[mid]] < slugs[si]) lo = mid + 1;
        else hi = mid;
      }
      order.splice(lo, 0, si);
    }
  }
  return order;
}

type Scope = { si: number; sat: Sat }[];
/** Scopes per lookup (the fleet state's map changes with its version) and region filter, while the order holds. */
const scopes = new WeakMap<ReadonlyMap<string, Sat>, Map<string, { length: number; scope: Scope }>>();

/** The satellites in scope (in `regions` when given), in slug order, each with its log index. */
export function scopeOf(log: PostureLog, sats: WithPast, regions: ReadonlySet<string> | null): Scope {
  const order = slugOrder(log, sats);
  const byRegions = scopes.get(sats.fleet) ?? new Map<string, { length: number; scope: Scope }>();
  scopes.set(sats.fleet, byRegions);
  const key = `${regions ? [...regions].sort().join(",") : "*"}|${sats.pastKey}`;
  const held = byRegions.get(key);
  if (held && held.length === order.length) return held.scope;
  const scope: Scope = [];
  for (const si of order) {
    const sat = sats.get(log.sats[si]);
    if (sat && (!regions || regions.has(sat.regionId))) scope.push({ si, sat });
  }
  if (byRegions.size > 32) byRegions.clear();
  byRegions.set(key, { length: order.length, scope });
  return scope;
}
