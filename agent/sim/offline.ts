// Cut-offs: a few flaky satellites lose the network for 3–8 minutes now and then, a handful at most at once.
import { type Rng, hashSeed, uniform } from "./prng";

export type Outage = { startMs: number; endMs: number };

export const MAX_CONCURRENT_OUTAGES = 5;
const MINUTE = 60_000;

/** The flaky share of the fleet, chosen by slug hash so the same sites are flaky on every run. */
export function flakySlugs(slugs: readonly string[], share: number): Set<string> {
  const count = Math.round(Math.max(0, Math.min(1, share)) * slugs.length);
  const ranked = [...slugs].sort((a, b) => hashSeed(`offline:${a}`) - hashSeed(`offline:${b}`));
  return new Set(ranked.slice(0, count));
}

/** The next cut-off after `afterMs`: the first comes soon so a demo shows one within minutes. */
export function nextOutage(rng: Rng, afterMs: number, isFirst: boolean): Outage {
  const gapMin = isFirst ? uniform(rng, 0.5, 10) : uniform(rng, 10, 40);
  const startMs = afterMs + Math.round(gapMin * MINUTE);
  return { startMs, endMs: startMs + Math.round(uniform(rng, 3, 8) * MINUTE) };
}

/** When the gate is full the cut-off waits a little and tries again, keeping its length. */
export function postponeOutage(rng: Rng, outage: Outage, nowMs: number): Outage {
  const startMs = nowMs + Math.round(uniform(rng, 1, 3) * MINUTE);
  return { startMs, endMs: startMs + (outage.endMs - outage.startMs) };
}

/** Counts the satellites cut off right now, fleet-wide. */
export class OutageGate {
  private readonly active = new Set<string>();
  constructor(readonly max = MAX_CONCURRENT_OUTAGES) {}

  tryEnter(slug: string): boolean {
    if (this.active.has(slug)) return true;
    if (this.active.size >= this.max) return false;
    this.active.add(slug);
    return true;
  }

  leave(slug: string): void {
    this.active.delete(slug);
  }

  get size(): number {
    return this.active.size;
  }
}

export type OutageState = { outage: Outage | null; isCutOff: boolean; rng: Rng };

/**
 * Advances one satellite's outage schedule to `nowMs`. Returns whether it is cut off now; the caller
 * owns the state object, this mutates it in place.
 */
export function stepOutage(state: OutageState, gate: OutageGate, slug: string, nowMs: number): boolean {
  const { outage } = state;
  if (!outage) return false;
  if (state.isCutOff) {
    if (nowMs < outage.endMs) return true;
    gate.leave(slug);
    state.isCutOff = false;
    state.outage = nextOutage(state.rng, nowMs, false);
    return false;
  }
  if (nowMs < outage.startMs) return false;
  if (!gate.tryEnter(slug)) {
    state.outage = postponeOutage(state.rng, outage, nowMs);
    return false;
  }
  state.isCutOff = true;
  state.outage = { startMs: nowMs, endMs: nowMs + (outage.endMs - outage.startMs) };
  return true;
}
