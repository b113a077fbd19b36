import "server-only";
import type { Tx } from "../db";
import type { OutboxRow, SendOutcome } from "./dispatch";

/**
 * The delivery log: one row per try, for a channel or a subscriber, written with the try's outcome. A
 * subscriber whose message was given up is marked failing (its page's admins see it); a delivery that
 * gets through clears that, and a verification ping that gets through confirms a webhook subscription.
 */
export async function recordAttempt(
  tx: Tx,
  message: OutboxRow,
  outcome: SendOutcome,
  gaveUp: boolean,
  now: Date,
): Promise<void> {
  if (outcome.skipped) return;
  await tx.deliveryAttempt.create({
    data: {
      outboxId: message.id,
      subscriberId: message.subscriberId ?? null,
      channelId: message.channelId,
      at: now,
      ok: outcome.ok,
      httpStatus: outcome.status ?? null,
      latencyMs: Math.max(0, Math.round(outcome.latencyMs ?? 0)),
      error: outcome.ok ? null : (outcome.error ?? "the receiver refused the message"),
    },
  });
  if (!message.subscriberId) return;
  if (outcome.ok) {
    await tx.statusSubscriber.updateMany({
      where: { id: message.subscriberId },
      data: { failingSince: null },
    });
    if (message.topic === "subscriber.verify") {
      await tx.statusSubscriber.updateMany({
        where: { id: message.subscriberId, confirmedAt: null },
        data: { confirmedAt: now },
      });
    }
  } else if (gaveUp) {
    await tx.statusSubscriber.updateMany({
      where: { id: message.subscriberId, failingSince: null },
      data: { failingSince: now },
    });
  }
}
