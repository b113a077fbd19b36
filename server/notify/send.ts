import "server-only";
import { deliverSigned } from "../outbox/signed-webhook";
import { sendMail } from "../outbox/mail";
import type { ChannelRow, OutboxRow, SendContext, SendOutcome } from "../outbox/dispatch";
import { CHANNEL_KINDS, CONFIG_SCHEMAS, urlOf, type ChannelKind } from "./channel-config";
import { emailMessage, pagerDutyEvent, slackMessage, teamsMessage, webhookBody } from "./formats";
import { isNotice, type AlertNotice } from "./notice";

/** Sends one alert message through one channel, in that channel's shape. */
export async function sendToChannel(
  channel: ChannelRow,
  message: OutboxRow,
  ctx: SendContext,
): Promise<SendOutcome> {
  if (!isNotice(message.payload)) return { ok: false, permanent: true, error: "the message is not an alert" };
  const notice = message.payload;
  const kind = channel.kind as ChannelKind;
  if (!CHANNEL_KINDS.includes(kind))
    return { ok: false, permanent: true, error: `unknown channel kind ${kind}` };
  if (kind === "email") {
    const { to } = CONFIG_SCHEMAS.email.parse(channel.config);
    await sendMail({ to, ...emailMessage(notice) }, ctx.mail);
    return { ok: true };
  }
  const url = urlOf(kind, channel.config);
  if (!url) return { ok: false, permanent: true, error: "the channel has no URL" };
  const post = (body: unknown, secret?: string | null) =>
    deliverSigned({ url, secret, deliveryId: message.id, event: notice.type, body }, ctx.egress, ctx.now);
  if (kind === "pagerduty") return sendPagerDuty(notice, channel.secret, post);
  const body =
    kind === "slack"
      ? slackMessage(notice)
      : kind === "teams"
        ? teamsMessage(notice)
        : webhookBody(notice, message.id, message.createdAt);
  const result = await post(body, kind === "webhook" ? channel.secret : null);
  return { ok: result.ok, error: result.error, status: result.status };
}

/** A test trigger is resolved at once, so trying a channel never leaves an incident open on call. */
async function sendPagerDuty(
  notice: AlertNotice,
  routingKey: string | null,
  post: (body: unknown) => Promise<{ ok: boolean; error?: string; status: number | null }>,
): Promise<SendOutcome> {
  if (!routingKey) return { ok: false, permanent: true, error: "the channel has no routing key" };
  const first = await post(pagerDutyEvent(notice, routingKey));
  if (!first.ok || notice.type !== "channel.test")
    return { ok: first.ok, error: first.error, status: first.status };
  const resolve = await post(pagerDutyEvent(notice, routingKey, "resolve"));
  return { ok: resolve.ok, error: resolve.error, status: resolve.status };
}
