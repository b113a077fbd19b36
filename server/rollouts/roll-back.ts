import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { cancelQueuedUpgrades } from "./commands";
import type { RolloutActionResult } from "./control";
import { assertRolloutInScope, haltMovingWaves, loadForAction, updateLoaded } from "./guard";
import { conflictError, heldBy, lockHolds } from "./holds";
import { StopRolloutInput } from "./schemas";

/**
 * Starts rolling a rollout back: queued upgrades are cancelled, and the reconciler sends stack.rollback to
 * every satellite the rollout upgraded (or is still upgrading), back to the version it came from. A
 * completed rollout can be rolled back too, unless another rollout holds its satellites now.
 */
export async function rollBackRollout(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.write");
  const parsed = StopRolloutInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, reason } = parsed.data;
  return transaction(async (tx) => {
    await lockHolds(tx, now);
    const loaded = await loadForAction(
      tx,
      id,
      ["running", "awaiting_approval", "paused", "completed", "completed_with_exceptions"],
      "rolled back",
      now,
    );
    assertRolloutInScope(ctx, loaded);
    const touched = loaded.row.targets.filter((t) => t.state === "succeeded" || t.state === "upgrading");
    if (loaded.row.status === "completed" || loaded.row.status === "completed_with_exceptions") {
      if (touched.length === 0) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `"${loaded.row.name}" upgraded no satellite: nothing to roll back.`,
        );
      }
      // A finished rollout holds nothing: another one may have taken its satellites since.
      const holds = await heldBy(
        tx,
        touched.map((t) => t.satelliteId),
        id,
      );
      const conflict = conflictError(holds);
      if (conflict) throw conflict;
    }
    await updateLoaded(tx, loaded, { status: "rolling_back", pausedReason: null, finishedAt: null }, now);
    const cancelled = await cancelQueuedUpgrades(tx, id, "cancelled: the rollout is rolling back", now);
    await haltMovingWaves(tx, id);
    const summary =
      `Rolling "${loaded.row.name}" back${reason ? `: ${reason}` : ""}` +
      (cancelled ? `; cancelled ${cancelled} queued upgrade${cancelled === 1 ? "" : "s"}` : "");
    await recordAudit(tx, ctx, {
      action: "rollout.rollback",
      targetType: "rollout",
      targetId: id,
      summary,
      data: { reason: reason ?? null, cancelled, from: loaded.row.status },
    });
    return { id, status: "rolling_back", message: summary };
  });
}
