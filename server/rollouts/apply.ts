import "server-only";
import { releaseAllowedIn } from "@/lib/residency";
import { systemActor } from "../auth/context";
import { recordAudit } from "../audit";
import { type Prisma, type Tx } from "../db";
import { AppError } from "../errors";
import { insertCommands } from "../commands/insert";
import { ROLLBACK_EXPIRES_SEC, rolloutCommandKey, UPGRADE_EXPIRES_SEC } from "./commands";
import { applyDecisions } from "./engine";
import { nextVersion } from "./guard";
import { auditDecisions } from "./audit-decisions";
import { writeWaits } from "./apply-waits";
import { nameSome } from "./holds";
import type { LoadedRollout } from "./load";
import type { Decision, TargetState } from "./types";

const FINISHED = new Set(["completed", "completed_with_exceptions", "aborted", "rolled_back"]);

/** The rollout changed since it was read (an operator acted, or another reconciler got there first). */
export class RolloutMoved extends AppError {
  constructor(id: string) {
    super(
      "CONFLICT",
      `Rollout ${id} changed while its decisions were written; they are decided again next tick.`,
    );
  }
}

/**
 * Writes the engine's decisions for one rollout, in the caller's transaction, as `applyDecisions` describes
 * them. Every write is guarded by the state it was decided from; the first, on the rollout row's
 * updatedAt, fails the whole transaction if anything touched the rollout since it was loaded.
 */
export async function writeDecisions(
  tx: Tx,
  loaded: LoadedRollout,
  decisions: readonly Decision[],
  now: Date,
): Promise<void> {
  const { row, engine } = loaded;
  const after = applyDecisions(engine, decisions, now);
  const data: Prisma.RolloutUpdateManyMutationInput = { updatedAt: nextVersion(row.updatedAt, now) };
  if (after.status !== engine.status) data.status = after.status;
  if (after.currentWave !== engine.currentWave) data.currentWave = after.currentWave;
  if ((after.pausedReason ?? null) !== (engine.pausedReason ?? null)) data.pausedReason = after.pausedReason;
  if (after.status !== engine.status && FINISHED.has(after.status)) data.finishedAt = now;
  const claimed = await tx.rollout.updateMany({
    where: { id: row.id, status: row.status, updatedAt: row.updatedAt },
    data,
  });
  if (claimed.count === 0) throw new RolloutMoved(row.id);

  for (const wave of after.waves) {
    const before = engine.waves.find((w) => w.index === wave.index);
    if (!before) continue;
    const changes: Prisma.RolloutWaveUpdateManyMutationInput = {};
    if (wave.status !== before.status) changes.status = wave.status;
    const isDone = wave.status === "completed" || wave.status === "skipped";
    if (isDone && wave.status !== before.status) changes.finishedAt = now;
    if (wave.startedAt?.getTime() !== before.startedAt?.getTime()) changes.startedAt = wave.startedAt;
    if (wave.bakeUntil?.getTime() !== before.bakeUntil?.getTime()) changes.bakeUntil = wave.bakeUntil;
    if (Object.keys(changes).length === 0) continue;
    const { count } = await tx.rolloutWave.updateMany({
      where: { rolloutId: row.id, index: wave.index, status: before.status },
      data: changes,
    });
    if (count !== 1) throw new RolloutMoved(row.id);
  }

  const upgraded = new Set<string>();
  for (const d of decisions) {
    if (d.type === "upgrade") {
      await queueUpgrades(tx, loaded, d.wave, d.satelliteIds, now);
      d.satelliteIds.forEach((id) => upgraded.add(id));
    }
    if (d.type === "rollback") await queueRollbacks(tx, loaded, d.targets, now);
    if (d.type === "wait_for_window") await writeWaits(tx, loaded, d);
  }
  await moveTargets(tx, loaded, after.targets, upgraded);
  await auditDecisions(tx, loaded, decisions);
}

async function queueUpgrades(
  tx: Tx,
  { row }: LoadedRollout,
  waveIndex: number,
  satelliteIds: string[],
  now: Date,
): Promise<void> {
  const attempts = await tx.command.groupBy({
    by: ["satelliteId"],
    where: { rolloutId: row.id, type: "stack.upgrade", satelliteId: { in: satelliteIds } },
    _count: { _all: true },
  });
  const previous = new Map(attempts.map((a) => [a.satelliteId, a._count._all]));
  const targets = new Map(row.targets.map((t) => [t.satelliteId, t]));
  const commandIds: string[] = [];
  const refused = await refuseUncertified(tx, row, satelliteIds);
  if (satelliteIds.some((id) => !targets.has(id))) throw new RolloutMoved(row.id);
  const sending = satelliteIds.filter((id) => !refused.has(id));
  const commands = await insertCommands(
    tx,
    sending.map((satelliteId) => ({
      type: "stack.upgrade" as const,
      payload: { version: row.release.version, releaseId: row.release.id },
      rolloutId: row.id,
      satelliteId,
      idempotencyKey: rolloutCommandKey(row.id, satelliteId, "upgrade", (previous.get(satelliteId) ?? 0) + 1),
      expiresInSec: UPGRADE_EXPIRES_SEC,
    })),
    now,
  );
  for (const command of commands) {
    const target = targets.get(command.satelliteId);
    if (!target) throw new RolloutMoved(row.id);
    const { count } = await tx.rolloutTarget.updateMany({
      where: { id: target.id, state: "pending" },
      // The version it is on right now is the one a rollback returns it to.
      data: {
        state: "upgrading",
        commandId: command.id,
        fromVersion: target.satellite.stackVersion,
        waitingUntil: null,
      },
    });
    if (count !== 1) throw new RolloutMoved(row.id);
    commandIds.push(command.id);
  }
  if (commandIds.length === 0) return;
  const wave = row.waves.find((w) => w.index === waveIndex);
  const slugs = sending.map((id) => targets.get(id)?.satellite.slug ?? id);
  await recordAudit(tx, systemActor, {
    action: "rollout.upgrade",
    targetType: "rollout",
    targetId: row.id,
    summary: `Queued stack.upgrade to ${row.release.version} for ${nameSome(slugs)} (wave ${waveIndex}${wave ? `, ${wave.label}` : ""}) in "${row.name}"`,
    data: { commandIds, satelliteIds: sending },
  });
}

/**
 * Residency is checked again right before each upgrade: an admin may have withdrawn the release's
 * certification for a region since the rollout was planned. Those targets are excluded with the reason
 * instead of receiving the release; returns their ids.
 */
async function refuseUncertified(
  tx: Tx,
  row: LoadedRollout["row"],
  satelliteIds: string[],
): Promise<Set<string>> {
  const certified = await tx.releaseRegion.findMany({
    where: { releaseId: row.release.id },
    select: { regionId: true },
  });
  const release = { certifiedRegionIds: certified.map((c) => c.regionId) };
  const asked = new Set(satelliteIds);
  const refused = row.targets.filter(
    (t) => asked.has(t.satelliteId) && !releaseAllowedIn(release, t.satellite.regionId),
  );
  for (const t of refused) {
    const { count } = await tx.rolloutTarget.updateMany({
      where: { id: t.id, state: "pending" },
      data: {
        state: "excluded",
        waveId: null,
        excludedReason: `${t.satellite.regionId} is no longer certified for ${row.release.version}`,
      },
    });
    if (count !== 1) throw new RolloutMoved(row.id);
  }
  if (refused.length > 0) {
    await recordAudit(tx, systemActor, {
      action: "rollout.residency",
      targetType: "rollout",
      targetId: row.id,
      summary:
        `Excluded ${nameSome(refused.map((t) => `${t.satellite.slug} (${t.satellite.regionId})`))} from ` +
        `"${row.name}": ${row.release.version} is no longer certified there`,
    });
  }
  return new Set(refused.map((t) => t.satelliteId));
}

async function queueRollbacks(
  tx: Tx,
  { row }: LoadedRollout,
  targets: { satelliteId: string; toVersion: string | null }[],
  now: Date,
): Promise<void> {
  const attempts = await tx.command.groupBy({
    by: ["satelliteId"],
    where: {
      rolloutId: row.id,
      type: "stack.rollback",
      satelliteId: { in: targets.map((t) => t.satelliteId) },
    },
    _count: { _all: true },
  });
  const previous = new Map(attempts.map((a) => [a.satelliteId, a._count._all]));
  const commands = await insertCommands(
    tx,
    targets.map((t) => ({
      type: "stack.rollback" as const,
      // Without a recorded version the agent returns to the stack it ran before the upgrade.
      payload: t.toVersion ? { version: t.toVersion } : {},
      rolloutId: row.id,
      satelliteId: t.satelliteId,
      idempotencyKey: rolloutCommandKey(
        row.id,
        t.satelliteId,
        "rollback",
        (previous.get(t.satelliteId) ?? 0) + 1,
      ),
      expiresInSec: ROLLBACK_EXPIRES_SEC,
    })),
    now,
  );
  const commandIds = commands.map((c) => c.id);
  const slugOf = new Map(row.targets.map((t) => [t.satelliteId, t.satellite.slug]));
  await recordAudit(tx, systemActor, {
    action: "rollout.rollback-commands",
    targetType: "rollout",
    targetId: row.id,
    summary: `Queued stack.rollback for ${nameSome(targets.map((t) => slugOf.get(t.satelliteId) ?? t.satelliteId))} in "${row.name}"`,
    data: { commandIds },
  });
}

/** Every other target state change, grouped by (from, to) so a tick at fleet scale is a few statements. */
async function moveTargets(
  tx: Tx,
  { row, engine }: LoadedRollout,
  after: { satelliteId: string; state: TargetState }[],
  upgraded: ReadonlySet<string>,
): Promise<void> {
  const beforeState = new Map(engine.targets.map((t) => [t.satelliteId, t.state]));
  const groups = new Map<string, { from: TargetState; to: TargetState; ids: string[] }>();
  for (const t of after) {
    const from = beforeState.get(t.satelliteId);
    if (!from || from === t.state || upgraded.has(t.satelliteId)) continue;
    const key = `${from}>${t.state}`;
    const group = groups.get(key) ?? { from, to: t.state, ids: [] };
    group.ids.push(t.satelliteId);
    groups.set(key, group);
  }
  for (const { from, to, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const { count } = await tx.rolloutTarget.updateMany({
        where: { rolloutId: row.id, satelliteId: { in: chunk }, state: from },
        data: { state: to },
      });
      if (count !== chunk.length) throw new RolloutMoved(row.id);
    }
  }
}
