import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import type { RolloutActionResult } from "./control";
import { applyResume } from "./engine";
import { assertRolloutInScope, loadForAction, updateLoaded } from "./guard";
import { nameSome } from "./holds";
import { ResumeRolloutInput } from "./schemas";

/**
 * Resumes a paused rollout. The gate counts failed targets of the current wave, so each is retried (a fresh
 * upgrade under a new idempotency key) when a retry can change its outcome and the operator chose retry,
 * and skipped otherwise. Skipping needs a reason: the release goes on without those satellites'
 * validation, and the reason is kept on each skipped target and in the audit log.
 */
export async function resumeRollout(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.write");
  const parsed = ResumeRolloutInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, failedTargets, reason } = parsed.data;
  return transaction(async (tx) => {
    const loaded = await loadForAction(tx, id, ["paused"], "resumed", now);
    assertRolloutInScope(ctx, loaded);
    const after = applyResume(loaded.engine, failedTargets);
    const before = new Map(loaded.engine.targets.map((t) => [t.satelliteId, t.state]));
    const wasFailed = after.targets.filter((t) => before.get(t.satelliteId) === "failed");
    const retried = wasFailed.filter((t) => t.state === "pending").map((t) => t.satelliteId);
    const skipped = wasFailed.filter((t) => t.state === "skipped").map((t) => t.satelliteId);
    if (skipped.length > 0 && !reason) {
      const message = "say why the rollout may go on without them; the reason goes to the audit log";
      throw new AppError("VALIDATION", `reason: ${message}`, { fields: { reason: message } });
    }
    await updateLoaded(tx, loaded, { status: "running", pausedReason: null }, now);
    if (retried.length) {
      // A retried target lets go of its failed command; the next upgrade links a new one.
      await tx.rolloutTarget.updateMany({
        where: { rolloutId: id, satelliteId: { in: retried }, state: "failed" },
        data: { state: "pending", commandId: null },
      });
    }
    if (skipped.length) {
      await tx.rolloutTarget.updateMany({
        where: { rolloutId: id, satelliteId: { in: skipped }, state: "failed" },
        data: { state: "skipped", excludedReason: `skipped by ${ctx.actor.name}: ${reason}` },
      });
    }
    const wave = loaded.row.waves.find((w) => w.index === loaded.row.currentWave);
    const slugOf = new Map(loaded.row.targets.map((t) => [t.satelliteId, t.satellite.slug]));
    const slugs = (ids: string[]) => nameSome(ids.map((s) => slugOf.get(s) ?? s));
    const parts = [
      retried.length ? `retrying ${slugs(retried)}` : null,
      skipped.length
        ? `skipping ${slugs(skipped)} in wave ${wave?.index ?? "?"}${wave ? ` (${wave.label})` : ""}: ${reason}`
        : null,
    ].filter(Boolean);
    const summary = `Resumed "${loaded.row.name}"${parts.length ? `, ${parts.join("; ")}` : ""}`;
    await recordAudit(tx, ctx, {
      action: "rollout.resume",
      targetType: "rollout",
      targetId: id,
      summary,
      data: {
        failedTargets,
        retried,
        skipped,
        reason: reason ?? null,
        wave: loaded.row.currentWave,
        pausedReason: loaded.row.pausedReason,
      },
    });
    return { id, status: "running", message: summary };
  });
}
