import "server-only";
import { recordAudit } from "../audit";
import { systemActor } from "../auth/context";
import type { Tx } from "../db";
import { RolloutMoved } from "./apply";
import { nameSome } from "./holds";
import type { LoadedRollout } from "./load";
import type { Decision } from "./types";

type Wait = Extract<Decision, { type: "wait_for_window" }>;

/**
 * Stores when each waiting target's window opens, grouped by that time, guarded by the target still being
 * pending. Targets that start waiting are audited once, not every time the opening moves.
 */
export async function writeWaits(tx: Tx, { row, engine }: LoadedRollout, d: Wait): Promise<void> {
  const groups = new Map<number | null, string[]>();
  for (const w of d.waits) {
    const key = w.until?.getTime() ?? null;
    groups.set(key, [...(groups.get(key) ?? []), w.satelliteId]);
  }
  for (const [until, ids] of groups) {
    const { count } = await tx.rolloutTarget.updateMany({
      where: { rolloutId: row.id, satelliteId: { in: ids }, state: "pending" },
      data: { waitingUntil: until === null ? null : new Date(until) },
    });
    if (count !== ids.length) throw new RolloutMoved(row.id);
  }
  const wasWaiting = new Set(engine.targets.filter((t) => t.waitingUntil).map((t) => t.satelliteId));
  const started = d.waits.filter((w) => w.until && !wasWaiting.has(w.satelliteId));
  if (started.length === 0) return;
  const slugOf = new Map(row.targets.map((t) => [t.satelliteId, t.satellite.slug]));
  const first = Math.min(...started.map((w) => w.until?.getTime() ?? Infinity));
  await recordAudit(tx, systemActor, {
    action: "rollout.window-wait",
    targetType: "rollout",
    targetId: row.id,
    summary:
      `${nameSome(started.map((w) => slugOf.get(w.satelliteId) ?? w.satelliteId))} in wave ${d.wave} of ` +
      `"${row.name}" wait for their deployment window (the first opens ${new Date(first).toISOString()})`,
    data: { wave: d.wave, waits: started.map((w) => ({ satelliteId: w.satelliteId, until: w.until })) },
  });
}
