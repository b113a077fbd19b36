import type { ChannelKindOption } from "@/components/alerts/channel-form";
import {
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  PAGERDUTY_EVENTS_URL,
  SECRET_OF,
} from "@/server/notify/channel-config";
import { mailConfig } from "@/server/outbox/mail";

const URL_HINTS: Record<(typeof CHANNEL_KINDS)[number], string> = {
  email: "",
  slack: "the incoming webhook URL from your Slack app (https://hooks.slack.com/services/…)",
  webhook: "your receiver; every body is signed (X-Orrery-Signature), see docs/alerts.md",
  pagerduty: "PagerDuty's Events API v2; change it only for a proxy or a regional endpoint",
  teams: "the URL of a Teams Workflows flow “When a Teams webhook request is received”",
};

export function channelFormOptions(): { kinds: ChannelKindOption[]; isEmailAvailable: boolean } {
  return {
    kinds: CHANNEL_KINDS.map((k) => ({
      value: k,
      label: CHANNEL_LABELS[k],
      secretLabel: SECRET_OF[k]?.label ?? null,
      urlHint: URL_HINTS[k],
      defaultUrl: k === "pagerduty" ? PAGERDUTY_EVENTS_URL : undefined,
    })),
    isEmailAvailable: !!mailConfig().smtpUrl,
  };
}
