import "server-only";
import { z } from "zod";
import { openSecret } from "../twofactor/secret-box";
import type { OutboxRow, SendContext, SendOutcome } from "./dispatch";
import { sendMail } from "./mail";
import { deliverSigned } from "./signed-webhook";

export type SubscriberRow = {
  id: string;
  kind: "email" | "webhook";
  email: string | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
};

/** Sent before a subscription is confirmed: the confirmation mail and the webhook's verification ping. */
export const CONFIRMING_TOPICS = new Set(["subscriber.confirm", "subscriber.verify"]);

const MailPayload = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

/**
 * A status page subscriber's message, addressed from the subscriber's row as it is now: someone who
 * unsubscribed after the message was written is not sent it (`skipped`, not a failure of theirs).
 */
export async function sendToSubscriber(
  message: OutboxRow,
  subscriber: SubscriberRow | null,
  ctx: SendContext,
): Promise<SendOutcome> {
  if (!subscriber) return { ok: false, permanent: true, skipped: true, error: "the subscriber was removed" };
  if (subscriber.unsubscribedAt) {
    return { ok: false, permanent: true, skipped: true, error: "the subscriber unsubscribed" };
  }
  if (!subscriber.confirmedAt && !CONFIRMING_TOPICS.has(message.topic)) {
    return { ok: false, permanent: true, skipped: true, error: "the subscription is not confirmed" };
  }
  if (subscriber.kind === "email") {
    if (!subscriber.email) return { ok: false, permanent: true, error: "the subscriber has no address" };
    await sendMail({ ...MailPayload.parse(message.payload), to: [subscriber.email] }, ctx.mail);
    return { ok: true };
  }
  if (!subscriber.webhookUrl) return { ok: false, permanent: true, error: "the subscriber has no URL" };
  const secret = subscriber.webhookSecret ? openSecret(subscriber.webhookSecret) : null;
  const result = await deliverSigned(
    {
      url: subscriber.webhookUrl,
      secret,
      deliveryId: message.id,
      event: message.topic,
      body: message.payload,
    },
    ctx.egress,
    ctx.now,
  );
  return { ok: result.ok, error: result.error, status: result.status, latencyMs: result.latencyMs };
}
