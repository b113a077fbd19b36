import "server-only";
import { db } from "../db";

/** Sent and given-up messages are kept a week for the record; resolved alerts a month. */
export const KEEP_MESSAGES_MS = 7 * 86_400_000;
export const KEEP_RESOLVED_ALERTS_MS = 30 * 86_400_000;

export async function pruneDelivered(now: Date): Promise<{ messages: number; alerts: number }> {
  const before = new Date(now.getTime() - KEEP_MESSAGES_MS);
  const messages = await db.outboxMessage.deleteMany({
    where: { OR: [{ deliveredAt: { lt: before } }, { failedAt: { lt: before } }] },
  });
  const alerts = await db.alert.deleteMany({
    where: { state: "resolved", resolvedAt: { lt: new Date(now.getTime() - KEEP_RESOLVED_ALERTS_MS) } },
  });
  return { messages: messages.count, alerts: alerts.count };
}
