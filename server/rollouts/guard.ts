import "server-only";
import { authorize, type Ctx } from "../auth/context";
import type { Prisma, Tx } from "../db";
import { AppError } from "../errors";
import { loadRollout, type LoadedRollout } from "./load";
import type { RolloutStatus } from "./types";

const STATUS_TEXT: Record<RolloutStatus, string> = {
  draft: "a draft",
  running: "running",
  awaiting_approval: "awaiting approval",
  paused: "paused",
  completed: "completed",
  completed_with_exceptions: "completed with exceptions",
  aborted: "aborted",
  rolling_back: "rolling back",
  rolled_back: "rolled back",
};

/** Loads a rollout for an operator's action, refusing it unless the rollout is in one of `allowed`. */
export async function loadForAction(
  tx: Tx,
  id: string,
  allowed: readonly RolloutStatus[],
  verb: string,
  now: Date,
): Promise<LoadedRollout> {
  const loaded = await loadRollout(tx, id, now);
  if (!loaded) throw new AppError("NOT_FOUND", "No such rollout.");
  const status = loaded.row.status;
  if (!allowed.includes(status)) {
    const may = allowed.map((s) => STATUS_TEXT[s]).join(" or ");
    throw new AppError(
      "PRECONDITION_FAILED",
      `"${loaded.row.name}" is ${STATUS_TEXT[status]}: only a rollout that is ${may} can be ${verb}.`,
    );
  }
  return loaded;
}

/** An operator with a region scope acts only on rollouts whose satellites all sit inside it. */
export function assertRolloutInScope(ctx: Ctx, { row }: LoadedRollout): void {
  const satellites = row.targets.filter((t) => t.state !== "excluded").map((t) => t.satellite);
  authorize(ctx, "rollouts.write", { satellites });
}

/**
 * The rollout row's updatedAt is its version: every write moves it forward, even when two writers share
 * the same `now`, so a guard on the value read always notices a write in between.
 */
export function nextVersion(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}

/**
 * Writes the rollout row only if nobody changed it since it was loaded (the reconciler's ticks included),
 * so an action never overwrites a decision it did not see.
 */
export async function updateLoaded(
  tx: Tx,
  { row }: LoadedRollout,
  data: Prisma.RolloutUpdateManyMutationInput,
  now: Date,
): Promise<void> {
  const { count } = await tx.rollout.updateMany({
    where: { id: row.id, status: row.status, updatedAt: row.updatedAt },
    data: { ...data, updatedAt: nextVersion(row.updatedAt, now) },
  });
  if (count === 0) {
    throw new AppError(
      "CONFLICT",
      `"${row.name}" changed while you acted on it; look at it again and retry.`,
    );
  }
}

/** Waves still in motion stop where they are; a resumed rollout restarts a halted wave (and its bake). */
export async function haltMovingWaves(tx: Tx, rolloutId: string): Promise<void> {
  await tx.rolloutWave.updateMany({
    where: { rolloutId, status: { in: ["running", "baking"] } },
    data: { status: "halted" },
  });
}
