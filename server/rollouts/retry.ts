import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { createRolloutIn, type CreatedRollout } from "./create";
import { leftBehindReason } from "./failures";
import { loadForAction } from "./guard";
import { nameSome } from "./holds";
import { RolloutRef } from "./schemas";

const NAME_MAX = 120;

/**
 * "Retry these": a new rollout of the same release, with the same pacing and gates, for exactly the
 * satellites a rollout that completed with exceptions left behind. A new rollout rather than a rerun inside
 * the finished one: the finished rollout keeps the record of what happened, and the retry gets a canary and
 * gates of its own, so a failure that repeats pauses it again. Region scope covers every satellite retried;
 * planning excludes any that can no longer take the release, with the reason.
 */
export async function retryLeftBehind(ctx: Ctx, input: unknown, now = new Date()): Promise<CreatedRollout> {
  authorize(ctx, "rollouts.write");
  const parsed = RolloutRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id } = parsed.data;
  return transaction(async (tx) => {
    const { row, engine } = await loadForAction(tx, id, ["completed_with_exceptions"], "retried", now);
    const excludedReason = new Map(row.targets.map((t) => [t.satelliteId, t.excludedReason]));
    const left = engine.targets.filter(
      (t) => leftBehindReason({ ...t, excludedReason: excludedReason.get(t.satelliteId) }) !== null,
    );
    if (left.length === 0) {
      throw new AppError("PRECONDITION_FAILED", `"${row.name}" left no satellite behind: nothing to retry.`);
    }
    const satellites = row.targets.filter((t) => left.some((l) => l.satelliteId === t.satelliteId));
    authorize(ctx, "rollouts.write", { satellites: satellites.map((t) => t.satellite) });
    const name = `Retry: ${row.name}`;
    const created = await createRolloutIn(
      tx,
      ctx,
      {
        releaseId: row.release.id,
        name: name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name,
        satellites: satellites.map((t) => t.satelliteId),
        waves: [100],
        maxConcurrency: row.maxConcurrency,
        bakeMinutes: row.bakeMinutes,
        failureThresholdPct: row.failureThresholdPct,
        requireApproval: row.requireApproval,
      },
      now,
    );
    await recordAudit(tx, ctx, {
      action: "rollout.retry",
      targetType: "rollout",
      targetId: row.id,
      summary:
        `Retrying ${satellites.length} satellite${satellites.length === 1 ? "" : "s"} "${row.name}" left ` +
        `behind (${nameSome(satellites.map((t) => t.satellite.slug))}) in the new rollout "${created.name}"`,
      data: { rolloutId: created.id, satelliteIds: satellites.map((t) => t.satelliteId) },
    });
    return created;
  });
}
