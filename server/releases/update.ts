import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction, type Tx } from "../db";
import { nextState } from "../commands/lifecycle";
import { AppError, validationError } from "../errors";
import { UpdateReleaseInput } from "./schemas";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";
import { checkRegionsExist, releaseInclude, toReleaseViews, type ReleaseView } from "./view";

/**
 * Withdrawing a certification while an active rollout of this release still has satellites to upgrade in
 * that region would let the rollout carry it where it is no longer certified.
 */
async function refuseWithdrawalUnderActiveRollout(tx: Tx, releaseId: string, withdrawn: string[]) {
  if (withdrawn.length === 0) return;
  const pending = await tx.rolloutTarget.findFirst({
    where: {
      state: { in: ["pending", "upgrading"] },
      rollout: { releaseId, status: { in: [...ACTIVE_ROLLOUT_STATUSES] } },
      satellite: { regionId: { in: withdrawn } },
    },
    select: { rollout: { select: { name: true } }, satellite: { select: { regionId: true } } },
  });
  if (!pending) return;
  const message = `cannot withdraw ${pending.satellite.regionId}: rollout "${pending.rollout.name}" is still upgrading satellites there; finish, pause or abort it first`;
  throw new AppError("PRECONDITION_FAILED", `regionIds: ${message}`, { fields: { regionIds: message } });
}

/**
 * Upgrades to this release sent by hand to a withdrawn region: one an agent already has is waited for
 * (refused with the satellite named); one still queued is cancelled, so the release never arrives there.
 * Payloads are JSON, read here rather than filtered in SQL, so both databases behave alike.
 */
async function settleManualUpgrades(
  tx: Tx,
  ctx: Ctx,
  version: string,
  withdrawn: string[],
  now: Date,
): Promise<number> {
  if (withdrawn.length === 0) return 0;
  const open = await tx.command.findMany({
    where: {
      type: "stack.upgrade",
      state: { in: ["queued", "delivered", "running"] },
      satellite: { regionId: { in: withdrawn } },
    },
    select: {
      id: true,
      state: true,
      deliveries: true,
      leaseUntil: true,
      expiresAt: true,
      message: true,
      payload: true,
      satellite: { select: { slug: true, regionId: true } },
    },
  });
  const mine = open.filter((c) => (c.payload as { version?: unknown } | null)?.version === version);
  const cancel = {
    type: "cancelled",
    message: `${version} is no longer certified for ${withdrawn.join(", ")}`,
  } as const;
  const decided = mine.map((c) => ({ c, t: nextState(c, cancel, now) }));
  const running = decided.find(({ t }) => t.kind === "refused")?.c;
  if (running) {
    const message = `cannot withdraw ${running.satellite.regionId} yet: ${running.satellite.slug} is receiving ${version}; wait for its upgrade to finish`;
    throw new AppError("PRECONDITION_FAILED", `regionIds: ${message}`, { fields: { regionIds: message } });
  }
  if (mine.length === 0) return 0;
  const changes = decided.flatMap(({ t }) => (t.kind === "moved" ? [t.changes] : []));
  // Guarded on never-delivered: a heartbeat leasing one in between wins, and that command is left alone.
  const { count } = await tx.command.updateMany({
    where: { id: { in: mine.map((c) => c.id) }, state: "queued", deliveries: 0 },
    data: changes[0],
  });
  await recordAudit(tx, ctx, {
    action: "command.cancel-uncertified",
    targetType: "release",
    summary: `Cancelled ${count} queued upgrades to ${version} in ${withdrawn.join(", ")}, no longer certified there`,
    data: { version, regions: withdrawn, commands: mine.map((c) => c.id) },
  });
  return count;
}

/** Notes, certified regions and minimum agent version may change; the version never does. */
export async function updateRelease(ctx: Ctx, input: unknown, now = new Date()): Promise<ReleaseView> {
  authorize(ctx, "releases.write");
  const parsed = UpdateReleaseInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, version, notes, regionIds, minAgentVersion } = parsed.data;
  return transaction(async (tx) => {
    const before = await tx.release.findUnique({ where: { id }, include: releaseInclude });
    if (!before) throw new AppError("NOT_FOUND", "No such release.");
    if (version !== undefined && version !== before.version) {
      const message = `cannot change once created (${before.version}); publish a new release instead`;
      throw new AppError("VALIDATION", `version: ${message}`, { fields: { version: message } });
    }
    const changes: string[] = [];
    if (notes !== undefined && notes !== before.notes) changes.push("notes");
    if (minAgentVersion !== undefined && minAgentVersion !== before.minAgentVersion) {
      changes.push(`min agent ${before.minAgentVersion} → ${minAgentVersion}`);
    }
    const beforeRegions = before.certifiedRegions.map((r) => r.regionId).sort();
    if (regionIds && regionIds.join() !== beforeRegions.join()) {
      await checkRegionsExist(tx, regionIds);
      const withdrawn = beforeRegions.filter((r) => !regionIds.includes(r));
      await refuseWithdrawalUnderActiveRollout(tx, id, withdrawn);
      const cancelled = await settleManualUpgrades(tx, ctx, before.version, withdrawn, now);
      changes.push(`regions ${beforeRegions.join(", ")} → ${regionIds.join(", ")}`);
      if (cancelled) changes.push(`${cancelled} queued upgrades there cancelled`);
      await tx.releaseRegion.deleteMany({ where: { releaseId: id } });
      await tx.releaseRegion.createMany({ data: regionIds.map((regionId) => ({ releaseId: id, regionId })) });
    }
    const release = await tx.release.update({
      where: { id },
      data: { notes, minAgentVersion },
      include: releaseInclude,
    });
    await recordAudit(tx, ctx, {
      action: "release.update",
      targetType: "release",
      targetId: id,
      summary: `Edited release ${before.version}: ${changes.join("; ") || "no changes"}`,
      data: { version: before.version, changed: changes },
    });
    const [view] = await toReleaseViews(tx, [release]);
    return view;
  });
}
