import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma, transaction } from "../db";
import { AppError } from "../errors";
import type { AlertNotice } from "../notify/notice";
import { enqueueMessage } from "../outbox/enqueue";
import { deliverOne, type DeliverOptions } from "../outbox/worker";
import { publicUrl } from "../env";
import { parseId } from "./channels";

export type TestResult = { ok: boolean; message: string };

export function testNotice(channelName: string, now: Date): AlertNotice {
  const id = `test-${randomUUID()}`;
  return {
    type: "channel.test",
    alert: {
      id,
      state: "firing",
      severity: "info",
      summary: `Test message for channel "${channelName}"`,
      rule: { id: "test", name: "Channel test", kind: "test" },
      group: `channel:${channelName}`,
      facts: { Note: "Sent from Orrery's Alerts page to check this channel. Nothing is wrong." },
      firedAt: now.toISOString(),
      resolvedAt: null,
      url: `${publicUrl()}/alerts/channels`,
      notification: 1,
    },
  };
}

/**
 * "Send test": a channel.test message through the outbox like any alert (so the same delivery and the
 * channel's last success or error apply), sent at once and answered with what happened. A test is tried
 * once; it is not retried later, when nobody is waiting for it.
 */
export async function sendTestMessage(
  ctx: Ctx,
  input: unknown,
  options: DeliverOptions = {},
): Promise<TestResult> {
  authorize(ctx, "alerts.manage");
  const { id } = parseId(input);
  const now = options.now ?? new Date();
  const messageId = await transaction(async (tx) => {
    const channel = await tx.notificationChannel.findUnique({ where: { id } });
    if (!channel) throw new AppError("NOT_FOUND", "This channel no longer exists.");
    const notice = testNotice(channel.name, now);
    const queued = await enqueueMessage(
      tx,
      { topic: "channel.test", channelId: id, payload: notice as unknown as Prisma.InputJsonValue },
      now,
    );
    await recordAudit(tx, ctx, {
      action: "alert-channel.test",
      targetType: "alert-channel",
      targetId: id,
      summary: `Sent a test message to channel "${channel.name}"`,
    });
    return queued;
  });
  const outcome = await deliverOne(messageId, { ...options, now });
  const row = await db.outboxMessage.findUnique({ where: { id: messageId }, select: { lastError: true } });
  if (outcome === "delivered")
    return { ok: true, message: "Delivered: the receiver accepted the test message." };
  if (outcome === "retried") {
    await db.outboxMessage.updateMany({
      where: { id: messageId, deliveredAt: null },
      data: { failedAt: now },
    });
  }
  const why = row?.lastError ?? "the message could not be sent";
  return { ok: false, message: `Not delivered: ${why}` };
}
