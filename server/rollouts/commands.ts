import "server-only";
import { nextState } from "../commands/lifecycle";
import type { Tx } from "../db";

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
  const open = await tx.command.findMany({
    where: { rolloutId, type: "stack.upgrade", state: "queued", deliveries: 0 },
    select: { id: true, state: true, deliveries: true, leaseUntil: true, expiresAt: true, message: true },
  });
  const withdrawn = open.flatMap((c) => {
    const t = nextState(c, { type: "cancelled", message: reason }, now);
    return t.kind === "moved" ? [{ id: c.id, changes: t.changes }] : [];
  });
  if (withdrawn.length === 0) return 0;
  const ids = withdrawn.map((c) => c.id);
  const { count } = await tx.command.updateMany({
    where: { id: { in: ids }, state: "queued", deliveries: 0 },
    data: withdrawn[0].changes,
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
