import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import type { RolloutActionResult } from "./control";
import { assertRolloutInScope, loadForAction, updateLoaded } from "./guard";
import { conflictError, heldBy, lockHolds } from "./holds";
import { eligibility } from "./plan";
import { policyGate } from "../commands/gates";
import { StartRolloutInput } from "./schemas";
import { findRelease } from "./select";

/**
 * Starts a draft. The fleet may have moved since it was planned, so every planned target is checked again:
 * one that may no longer take the release is excluded with the reason (the engine completes a wave left
 * empty), and the others record the version they are on now.
 */
export async function startRollout(ctx: Ctx, input: unknown, now = new Date()): Promise<RolloutActionResult> {
  authorize(ctx, "rollouts.write");
  const parsed = StartRolloutInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, policyOverride } = parsed.data;
  return transaction(async (tx) => {
    await lockHolds(tx, now);
    const loaded = await loadForAction(tx, id, ["draft"], "started", now);
    assertRolloutInScope(ctx, loaded);
    const planned = loaded.row.targets.filter((t) => t.state === "pending");
    const conflict = conflictError(
      await heldBy(
        tx,
        planned.map((t) => t.satelliteId),
        id,
      ),
    );
    if (conflict) throw conflict;
    const release = await findRelease(tx, loaded.row.release.id);
    const satellites = await tx.satellite.findMany({
      where: { id: { in: planned.map((t) => t.satelliteId) } },
    });
    const targetOf = new Map(planned.map((t) => [t.satelliteId, t]));
    let excluded = 0;
    for (const s of satellites) {
      const target = targetOf.get(s.id);
      if (!target) continue;
      const verdict = eligibility({ ...s, labels: {} }, release, now);
      await tx.rolloutTarget.update({
        where: { id: target.id },
        data: verdict.eligible
          ? { fromVersion: s.stackVersion }
          : { state: "excluded", excludedReason: verdict.reason, waveId: null },
      });
      if (!verdict.eligible) excluded++;
    }
    if (excluded === planned.length) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `None of the ${planned.length} planned satellites can take ${release.version} any more; plan a new rollout.`,
      );
    }
    for (const wave of loaded.row.waves) {
      const count = await tx.rolloutTarget.count({ where: { waveId: wave.id } });
      if (count !== wave.targetCount) {
        await tx.rolloutWave.update({ where: { id: wave.id }, data: { targetCount: count } });
      }
    }
    const going = satellites.filter(
      (s) => targetOf.has(s.id) && eligibility({ ...s, labels: {} }, release, now).eligible,
    );
    const reason = policyOverride ?? loaded.row.policyOverrideReason;
    const what = `rollout "${loaded.row.name}"`;
    const override = { reason, targetType: "rollout", targetId: id, what };
    await policyGate(tx, ctx, going, { kind: "rollout", releaseId: release.id }, override, now);
    const started = { status: "running" as const, startedAt: now, policyOverrideReason: reason ?? null };
    await updateLoaded(tx, loaded, started, now);
    const summary =
      `Started the draft "${loaded.row.name}"` +
      (excluded ? `; ${excluded} satellite${excluded === 1 ? "" : "s"} excluded since it was planned` : "");
    await recordAudit(tx, ctx, { action: "rollout.start", targetType: "rollout", targetId: id, summary });
    return { id, status: "running", message: summary };
  });
}
