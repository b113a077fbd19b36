import "server-only";
import { db, transaction } from "../db";
import { isAppError } from "../errors";
import { logError } from "../log";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";
import { RolloutMoved, writeDecisions } from "../rollouts/apply";
import { decide } from "../rollouts/engine";
import { loadRollout, type LoadedRollout } from "../rollouts/load";
import { observeWindows } from "../rollouts/windows";
import type { Decision } from "../rollouts/types";

/**
 * One step of every live rollout: load it with its satellites' connectivity and health, ask the engine what
 * is due, and write that in one transaction per rollout. Returns how many decisions were written. A rollout
 * that changed in between (an operator acted) is left for the next tick; one that fails is logged and the
 * others still advance.
 */
export async function advanceRollouts(now: Date): Promise<number> {
  const live = await db.rollout.findMany({
    where: {
      OR: [
        { status: { in: [...ACTIVE_ROLLOUT_STATUSES] } },
        // An aborted rollout's upgrades already on their way still finish; their outcomes are recorded.
        { status: "aborted", targets: { some: { state: "upgrading" } } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  let written = 0;
  for (const { id } of live) {
    try {
      written += await advanceRollout(id, now);
    } catch (error) {
      if (error instanceof RolloutMoved) continue;
      logError("rollout step failed", error, {
        rolloutId: id,
        code: isAppError(error) ? error.code : undefined,
      });
    }
  }
  return written;
}

async function advanceRollout(id: string, now: Date): Promise<number> {
  // Read and decide outside the transaction: most ticks decide nothing and need not take the write lock.
  // The writes are guarded by the rollout's updatedAt, so a decision made on a stale read is never written.
  const loaded = await loadRollout(db, id, now);
  if (!loaded) return 0;
  await observeWindows(db, loaded, now);
  const decisions = decisionsFor(loaded, now);
  if (decisions.length === 0) return 0;
  await transaction((tx) => writeDecisions(tx, loaded, decisions, now));
  return decisions.length;
}

function decisionsFor({ row, engine, observations }: LoadedRollout, now: Date): Decision[] {
  if (row.status !== "aborted") return decide(engine, observations, now);
  // The engine records outcomes of a paused rollout and nothing else: exactly what an aborted one needs.
  return decide({ ...engine, status: "paused" }, observations, now).filter(
    (d) => d.type === "target_succeeded" || d.type === "target_failed",
  );
}
