import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { cancelQueuedUpgrades } from "./commands";
import { assertRolloutInScope, haltMovingWaves, loadForAction, updateLoaded } from "./guard";
import { ApproveWaveInput, PauseRolloutInput, StopRolloutInput } from "./schemas";

export type RolloutActionResult = { id: string; status: string; message: string };

/**
 * Stops a rollout from starting anything new; upgrades already sent finish and are recorded. Any operator
 * may pause, whatever their region scope: stopping never moves a release anywhere, and in an incident the
 * first person to notice must be able to do it.
 */
export async function pauseRollout(ctx: Ctx, input: unknown, now = new Date()): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.write");
  const parsed = PauseRolloutInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, reason } = parsed.data;
  return transaction(async (tx) => {
    const loaded = await loadForAction(tx, id, ["running", "awaiting_approval"], "paused", now);
    const pausedReason = `Paused by ${ctx.actor.name}: ${reason}`;
    await updateLoaded(tx, loaded, { status: "paused", pausedReason }, now);
    await haltMovingWaves(tx, id);
    await recordAudit(tx, ctx, {
      action: "rollout.pause",
      targetType: "rollout",
      targetId: id,
      summary: `Paused "${loaded.row.name}": ${reason}`,
      data: { reason },
    });
    return { id, status: "paused", message: `Paused. ${pausedReason}` };
  });
}

/**
 * Ends a rollout for good: queued upgrades are cancelled (their satellites were never touched), delivered
 * ones finish on their own. Satellites already upgraded stay upgraded; rolling back is the other action.
 */
export async function abortRollout(ctx: Ctx, input: unknown, now = new Date()): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.write");
  const parsed = StopRolloutInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, reason } = parsed.data;
  return transaction(async (tx) => {
    const loaded = await loadForAction(
      tx,
      id,
      ["draft", "running", "awaiting_approval", "paused"],
      "aborted",
      now,
    );
    assertRolloutInScope(ctx, loaded);
    await updateLoaded(tx, loaded, { status: "aborted", finishedAt: now }, now);
    const cancelled = await cancelQueuedUpgrades(tx, id, "cancelled: the rollout was aborted", now);
    await haltMovingWaves(tx, id);
    await tx.rolloutWave.updateMany({
      where: { rolloutId: id, status: "awaiting_approval" },
      data: { status: "halted" },
    });
    const summary =
      `Aborted "${loaded.row.name}"${reason ? `: ${reason}` : ""}` +
      (cancelled ? `; cancelled ${cancelled} queued upgrade${cancelled === 1 ? "" : "s"}` : "");
    await recordAudit(tx, ctx, {
      action: "rollout.abort",
      targetType: "rollout",
      targetId: id,
      summary,
      data: { reason: reason ?? null, cancelled },
    });
    return { id, status: "aborted", message: summary };
  });
}

/** An admin lets the wave the rollout waits at start; the reconciler opens it on its next tick. */
export async function approveWave(ctx: Ctx, input: unknown, now = new Date()): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.approve");
  const parsed = ApproveWaveInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, wave: index } = parsed.data;
  return transaction(async (tx) => {
    const loaded = await loadForAction(tx, id, ["awaiting_approval"], "approved", now);
    const wave = loaded.row.waves.find((w) => w.index === index);
    if (!wave || index !== loaded.row.currentWave || wave.status !== "awaiting_approval") {
      throw new AppError(
        "PRECONDITION_FAILED",
        `"${loaded.row.name}" waits for wave ${loaded.row.currentWave}, not wave ${index}; reload and approve that one.`,
      );
    }
    await updateLoaded(tx, loaded, {}, now);
    await tx.rolloutWave.update({
      where: { id: wave.id },
      data: { approvedAt: now, approvedById: personOf(ctx.actor) },
    });
    const label = `wave ${index} (${wave.label})`;
    await recordAudit(tx, ctx, {
      action: "rollout.approve",
      targetType: "rollout",
      targetId: id,
      summary: `Approved ${label} of "${loaded.row.name}"`,
      data: { wave: index },
    });
    return { id, status: "awaiting_approval", message: `Approved ${label}: it starts within seconds.` };
  });
}
