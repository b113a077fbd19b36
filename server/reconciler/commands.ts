import "server-only";
import { retireUnusedRotationTokens, ROTATE_COMMAND } from "../agents/rotation";
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { MAX_DELIVERIES } from "../ingest/types";

/**
 * Commands whose lease ran out go back to the queue for another delivery; after the tenth delivery they fail
 * as undeliverable. Commands past expiresAt that were never acknowledged expire.
 */
export async function settleCommands(
  now: Date,
): Promise<{ requeued: number; failed: number; expired: number }> {
  const lapsed = { state: "delivered" as const, leaseUntil: { lte: now } };
  // A cheap read first: most ticks have nothing to settle and need not take the write lock at all.
  const due = await db.command.findFirst({
    where: { OR: [lapsed, { state: "queued", expiresAt: { lte: now } }] },
    select: { id: true },
  });
  if (!due) return { requeued: 0, failed: 0, expired: 0 };
  return transaction(async (tx) => {
    const expiring = await tx.command.findMany({
      where: { type: ROTATE_COMMAND, expiresAt: { lte: now }, OR: [{ state: "queued" }, lapsed] },
      select: { id: true },
    });
    const expired = await tx.command.updateMany({
      where: { expiresAt: { lte: now }, OR: [{ state: "queued" }, lapsed] },
      data: {
        state: "expired",
        finishedAt: now,
        leaseUntil: null,
        message: "expired before the agent confirmed it",
      },
    });
    const undeliverable = await tx.command.findMany({
      where: { ...lapsed, deliveries: { gte: MAX_DELIVERIES } },
      select: { id: true, type: true, satellite: { select: { slug: true } } },
    });
    if (undeliverable.length) {
      await tx.command.updateMany({
        // Repeats the conditions: an ack that landed since the read above must not be overwritten.
        where: { id: { in: undeliverable.map((c) => c.id) }, ...lapsed, deliveries: { gte: MAX_DELIVERIES } },
        data: {
          state: "failed",
          finishedAt: now,
          leaseUntil: null,
          message: `undeliverable: no ack after ${MAX_DELIVERIES} deliveries`,
        },
      });
      for (const c of undeliverable) {
        await recordAudit(
          tx,
          { type: "system", label: "reconciler" },
          {
            action: "command.failed",
            targetType: "command",
            targetId: c.id,
            summary: `${c.type} on ${c.satellite.slug} failed: no ack after ${MAX_DELIVERIES} deliveries`,
          },
        );
      }
    }
    await retireUnusedRotationTokens(
      tx,
      [...expiring, ...undeliverable.filter((c) => c.type === ROTATE_COMMAND)].map((c) => c.id),
      now,
    );
    const requeued = await tx.command.updateMany({
      where: { ...lapsed, deliveries: { lt: MAX_DELIVERIES } },
      data: { state: "queued", leaseUntil: null },
    });
    return { requeued: requeued.count, failed: undeliverable.length, expired: expired.count };
  });
}
