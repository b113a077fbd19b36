import "server-only";
import { COMMAND_PAYLOADS } from "../commands/types";
import type { Tx } from "../db";
import { AppError, validationError } from "../errors";

/**
 * An upgrade not picked up within this time expires and counts as failed: an offline satellite must not
 * hold a concurrency slot, or stall a wave, for longer.
 */
export const UPGRADE_EXPIRES_SEC = 30 * 60;
export const ROLLBACK_EXPIRES_SEC = 60 * 60;

/** One key per rollout, satellite and attempt: a retried target gets a fresh command, a repeat never does. */
export function rolloutCommandKey(
  rolloutId: string,
  satelliteId: string,
  kind: "upgrade" | "rollback",
  attempt: number,
): string {
  return `rollout:${rolloutId}:${satelliteId}:${kind}:${attempt}`;
}

type RolloutCommand =
  | { type: "stack.upgrade"; payload: { version: string; releaseId: string } }
  | { type: "stack.rollback"; payload: { version?: string } };

/**
 * Queues a command a rollout sends, as the system. `enqueueCommand` authorizes a signed-in user, which the
 * reconciler is not; this writes the same row with the same payload schema and idempotency rule, in the
 * caller's transaction. The caller audits the batch.
 */
export async function queueRolloutCommand(
  tx: Tx,
  input: RolloutCommand & {
    rolloutId: string;
    satelliteId: string;
    idempotencyKey: string;
    expiresInSec: number;
  },
  now: Date,
): Promise<{ id: string; isNew: boolean }> {
  const payload = COMMAND_PAYLOADS[input.type].safeParse(input.payload);
  if (!payload.success) throw validationError(payload.error, "payload.");
  const existing = await tx.command.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true, satelliteId: true, type: true },
  });
  if (existing) {
    if (existing.satelliteId !== input.satelliteId || existing.type !== input.type) {
      throw new AppError(
        "CONFLICT",
        `idempotencyKey ${input.idempotencyKey} was already used for another command`,
      );
    }
    return { id: existing.id, isNew: false };
  }
  const created = await tx.command.create({
    data: {
      satelliteId: input.satelliteId,
      type: input.type,
      payload: payload.data,
      idempotencyKey: input.idempotencyKey,
      rolloutId: input.rolloutId,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInSec * 1000),
    },
    select: { id: true },
  });
  return { id: created.id, isNew: true };
}

/**
 * Cancels the rollout's upgrades no agent has picked up yet, and puts their targets back to pending: those
 * satellites were never touched. Delivered or running upgrades cannot be recalled; they finish on their own.
 */
export async function cancelQueuedUpgrades(
  tx: Tx,
  rolloutId: string,
  reason: string,
  now: Date,
): Promise<number> {
  // Never delivered only: a command queued again after its lease ran out may be running on the agent,
  // whose outcome must still be recorded.
  const queued = await tx.command.findMany({
    where: { rolloutId, type: "stack.upgrade", state: "queued", deliveries: 0 },
    select: { id: true },
  });
  if (queued.length === 0) return 0;
  const ids = queued.map((c) => c.id);
  const { count } = await tx.command.updateMany({
    where: { id: { in: ids }, state: "queued", deliveries: 0 },
    data: { state: "cancelled", finishedAt: now, leaseUntil: null, message: reason },
  });
  // Only targets whose command this call cancelled: one delivered in between keeps its target upgrading.
  const cancelled = await tx.command.findMany({
    where: { id: { in: ids }, state: "cancelled" },
    select: { id: true },
  });
  await tx.rolloutTarget.updateMany({
    where: { rolloutId, state: "upgrading", commandId: { in: cancelled.map((c) => c.id) } },
    data: { state: "pending" },
  });
  return count;
}
