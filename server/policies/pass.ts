import "server-only";
import { evaluate, sameResult } from "@/lib/policies/evaluate";
import { db } from "../db";
import { loadActivePolicies, type ActivePolicy } from "./current";
import { expireWaivers } from "./expire";
import { loadSnapshot, changedSince, resultKey, type Snapshot } from "./snapshot";
import { applyWrites, type ResultWrite } from "./write";

// The reconciler's "policies" step. Each tick it re-evaluates the satellites whose facts or row changed since
// the last pass (a watermark in JobState); a policy created, changed or archived, and every FULL_EVERY_MS in
// any case, re-evaluates everything, so time-based rules (reporting, backup, stale facts) flip on time.

const STATE = "policies.evaluation";
export const FULL_EVERY_MS = 60_000;
// Rows committed by another process just before our read may carry a slightly earlier stamp.
const MARGIN_MS = 2_000;

/**
 * `wrote` counts the passes that wrote a change row and `wroteAt` is the time the last wrote them at, so the
 * posture log (read-store.ts) sees a pass whose clock was behind the newest change, which wrote below it.
 */
type State = { watermark: string; signature: string; fullAt: string; wrote?: number; wroteAt?: string };
export type PolicyPassReport = {
  mode: "full" | "changed" | "none";
  satellites: number;
  writes: number;
  waiversExpired: number;
};

const signatureOf = (policies: ActivePolicy[]) => policies.map((p) => `${p.id}@${p.version}`).join(",");

/** The decisions of one pass over a snapshot: pure apart from its input, so the bench measures it alone. */
export function decide(policies: readonly ActivePolicy[], snapshot: Snapshot, now: Date): ResultWrite[] {
  const writes: ResultWrite[] = [];
  const seen = new Set<string>();
  for (const sat of snapshot.satellites) {
    const facts = snapshot.facts.get(sat.id) ?? null;
    for (const policy of policies) {
      const key = resultKey(policy.id, sat.id);
      const prev = snapshot.results.get(key);
      const result = evaluate(policy, sat, facts, now);
      const base = { policyId: policy.id, satelliteId: sat.id, version: policy.version };
      seen.add(key);
      if (!result) {
        if (prev) writes.push({ op: "leave", ...base });
        continue;
      }
      const reason = "reason" in result ? result.reason : "";
      if (!prev || prev.outcome !== result.outcome)
        writes.push({ op: "flip", ...base, outcome: result.outcome, reason });
      else if (!sameResult(prev, result) || prev.policyVersion !== policy.version)
        writes.push({ op: "touch", ...base, reason });
    }
  }
  // Results of policies archived (or gone) since they were written.
  for (const [key, prev] of snapshot.results) {
    if (seen.has(key)) continue;
    const [policyId, satelliteId] = key.split("\u0000");
    writes.push({ op: "leave", policyId, satelliteId, version: prev.policyVersion });
  }
  return writes;
}

async function readState(): Promise<State | null> {
  const row = await db.jobState.findUnique({ where: { name: STATE } });
  try {
    return row ? (JSON.parse(row.value) as State) : null;
  } catch {
    return null;
  }
}

async function writeState(state: State): Promise<void> {
  const value = JSON.stringify(state);
  await db.jobState.upsert({ where: { name: STATE }, create: { name: STATE, value }, update: { value } });
}

/** One pass, and the expiry of waivers that ran out. `force` re-evaluates everything. */
export async function evaluatePolicies(
  now: Date = new Date(),
  opts: { force?: boolean } = {},
): Promise<PolicyPassReport> {
  const started = new Date();
  const waiversExpired = await expireWaivers(now);
  const policies = await loadActivePolicies();
  const signature = signatureOf(policies);
  const state = await readState();
  const isFull =
    opts.force ||
    !state ||
    state.signature !== signature ||
    now.getTime() - new Date(state.fullAt).getTime() >= FULL_EVERY_MS ||
    now.getTime() < new Date(state.fullAt).getTime();
  let ids: string[] | null = null;
  if (!isFull) {
    ids = await changedSince(new Date(new Date(state.watermark).getTime() - MARGIN_MS));
    if (ids.length === 0) {
      await writeState({ ...state, watermark: started.toISOString() });
      return { mode: "none", satellites: 0, writes: 0, waiversExpired };
    }
  }
  const snapshot = await loadSnapshot(ids);
  const writes = decide(policies, snapshot, now);
  await applyWrites(writes, now);
  const changed = writes.some((w) => w.op !== "touch");
  await writeState({
    watermark: started.toISOString(),
    signature,
    fullAt: isFull ? now.toISOString() : state!.fullAt,
    wrote: (state?.wrote ?? 0) + (changed ? 1 : 0),
    ...((changed || state?.wroteAt) && { wroteAt: changed ? now.toISOString() : state!.wroteAt }),
  });
  return {
    mode: isFull ? "full" : "changed",
    satellites: snapshot.satellites.length,
    writes: writes.length,
    waiversExpired,
  };
}
