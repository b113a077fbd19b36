import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { validationError } from "../errors";
import type { RolloutActionResult } from "./control";
import { applyResume } from "./engine";
import { assertRolloutInScope, loadForAction, updateLoaded } from "./guard";
import { ResumeRolloutInput } from "./schemas";

/**
 * Resumes a paused rollout. The gate counts failed targets of the current wave, so they are retried (a fresh
 * upgrade each, under a new idempotency key) or skipped; the halted wave restarts on the next tick and its
 * bake starts afresh.
 */
export async function resumeRollout(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.write");
  const parsed = ResumeRolloutInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, failedTargets } = parsed.data;
  return transaction(async (tx) => {
    const loaded = await loadForAction(tx, id, ["paused"], "resumed", now);
    assertRolloutInScope(ctx, loaded);
    const after = applyResume(loaded.engine, failedTargets);
    await updateLoaded(tx, loaded, { status: "running", pausedReason: null }, now);
    const before = new Map(loaded.engine.targets.map((t) => [t.satelliteId, t.state]));
    const moved = after.targets.filter((t) => before.get(t.satelliteId) === "failed" && t.state !== "failed");
    const ids = moved.map((t) => t.satelliteId);
    if (ids.length) {
      await tx.rolloutTarget.updateMany({
        where: { rolloutId: id, satelliteId: { in: ids }, state: "failed" },
        // A retried target lets go of its failed command; the next upgrade links a new one.
        data: failedTargets === "retry" ? { state: "pending", commandId: null } : { state: "skipped" },
      });
    }
    const verb = failedTargets === "retry" ? "retrying" : "skipping";
    const what = ids.length ? `, ${verb} ${ids.length} failed satellite${ids.length === 1 ? "" : "s"}` : "";
    const summary = `Resumed "${loaded.row.name}"${what}`;
    await recordAudit(tx, ctx, {
      action: "rollout.resume",
      targetType: "rollout",
      targetId: id,
      summary,
      data: { failedTargets, satelliteIds: ids, pausedReason: loaded.row.pausedReason },
    });
    return { id, status: "running", message: summary };
  });
}
