import "server-only";
import type { Prisma, Tx } from "../db";

export type NewOutboxMessage = {
  topic: string;
  /** An alert channel, or else `destination` says where the message goes (a subscriber's address …). */
  channelId?: string | null;
  /** A status page subscriber: the worker reads its address (and sealed secret) at delivery time. */
  subscriberId?: string | null;
  destination?: Prisma.InputJsonValue;
  payload: Prisma.InputJsonValue;
  /** Writing the same key twice keeps the first message: deciding twice never sends twice. */
  dedupeKey?: string;
  notBefore?: Date;
};

/**
 * Writes a message inside the caller's transaction, so it exists exactly when the change that decided
 * it does. The worker (deliverDue) sends it afterwards, at least once.
 */
export async function enqueueMessage(tx: Tx, message: NewOutboxMessage, now = new Date()): Promise<string> {
  const data = {
    topic: message.topic,
    channelId: message.channelId ?? null,
    subscriberId: message.subscriberId ?? null,
    destination: message.destination,
    payload: message.payload,
    dedupeKey: message.dedupeKey ?? null,
    nextAttemptAt: message.notBefore ?? now,
    createdAt: now,
  };
  if (!message.dedupeKey) return (await tx.outboxMessage.create({ data, select: { id: true } })).id;
  const row = await tx.outboxMessage.upsert({
    where: { dedupeKey: message.dedupeKey },
    create: data,
    update: {},
    select: { id: true },
  });
  return row.id;
}
