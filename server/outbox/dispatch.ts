import "server-only";
import { z } from "zod";
import { sendToChannel } from "../notify/send";
import type { EgressPolicy } from "./egress";
import { sendMail, type MailConfig } from "./mail";
import { deliverSigned } from "./signed-webhook";
import { sendToSubscriber, type SubscriberRow } from "./subscriber-send";

export type OutboxRow = {
  id: string;
  topic: string;
  channelId: string | null;
  subscriberId?: string | null;
  destination: unknown;
  payload: unknown;
  attempts: number;
  createdAt: Date;
};

export type ChannelRow = {
  id: string;
  name: string;
  kind: string;
  config: unknown;
  secret: string | null;
  enabled: boolean;
};

export type SendContext = { egress: EgressPolicy; mail: MailConfig; now: Date };

/**
 * `permanent`: retrying cannot help (a refused address, a deleted channel), so the message is given up.
 * `skipped`: nobody should receive it any more (an unsubscribed subscriber): no attempt is logged.
 */
export type SendOutcome = {
  ok: boolean;
  error?: string;
  permanent?: boolean;
  skipped?: boolean;
  status?: number | null;
  latencyMs?: number;
};

// Messages without a channel name their destination. Status subscribers add their kinds here.
const Destination = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), url: z.string(), secret: z.string().nullish() }),
  z.object({ kind: z.literal("email"), to: z.array(z.string()).min(1) }),
]);
const MailPayload = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** Sends one message to wherever it goes; never throws. */
export async function dispatch(
  message: OutboxRow,
  channel: ChannelRow | null,
  ctx: SendContext,
  subscriber: SubscriberRow | null = null,
): Promise<SendOutcome> {
  try {
    if (message.subscriberId) return await sendToSubscriber(message, subscriber, ctx);
    if (message.channelId) {
      if (!channel) return { ok: false, permanent: true, error: "the channel no longer exists" };
      if (!channel.enabled && message.topic !== "channel.test") {
        return { ok: false, permanent: true, error: "the channel is turned off" };
      }
      return await sendToChannel(channel, message, ctx);
    }
    const destination = Destination.safeParse(message.destination);
    if (!destination.success)
      return { ok: false, permanent: true, error: "the message names no destination" };
    if (destination.data.kind === "email") {
      const mail = MailPayload.parse(message.payload);
      await sendMail({ ...mail, to: destination.data.to }, ctx.mail);
      return { ok: true };
    }
    const result = await deliverSigned(
      { ...destination.data, deliveryId: message.id, event: message.topic, body: message.payload },
      ctx.egress,
      ctx.now,
    );
    return { ok: result.ok, error: result.error, status: result.status, latencyMs: result.latencyMs };
  } catch (error) {
    return outcomeOfError(error);
  }
}

export function outcomeOfError(error: unknown): SendOutcome {
  const name = error instanceof Error ? error.name : "";
  const text = error instanceof Error ? error.message : String(error);
  const permanent = name === "EgressRefused" || name === "MailNotConfigured" || name === "ZodError";
  return { ok: false, permanent, error: text.replace(/\s+/g, " ").slice(0, 300) };
}
