import { z } from "zod";

// Each channel kind's settings: what an admin types in, and what a send reads back. Never secret; the
// secret (a webhook's signing secret, a PagerDuty routing key) lives in its own write-only column.

export const CHANNEL_KINDS = ["email", "slack", "webhook", "pagerduty", "teams"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  email: "Email",
  slack: "Slack",
  webhook: "Webhook (signed)",
  pagerduty: "PagerDuty",
  teams: "Microsoft Teams",
};

const Url = z.string().trim().min(1, "Enter the URL").max(2000, "Keep the URL under 2000 characters");
const Email = z.email({ message: "is not an email address" });

export const EmailConfig = z.object({
  to: z
    .array(z.string().trim())
    .transform((list) => list.filter(Boolean))
    .pipe(
      z
        .array(Email)
        .min(1, "Enter at least one address")
        .max(20, "Send to at most 20 addresses; use a mailing list for more"),
    ),
});
export const UrlConfig = z.object({ url: Url });
export const PagerDutyConfig = z.object({ url: Url.default(PAGERDUTY_EVENTS_URL) });

export const CONFIG_SCHEMAS = {
  email: EmailConfig,
  slack: UrlConfig,
  webhook: UrlConfig,
  pagerduty: PagerDutyConfig,
  teams: UrlConfig,
} as const;

export type ChannelConfig = { to?: string[]; url?: string };

/** The URL a channel posts to, if it posts to one. */
export function urlOf(kind: ChannelKind, config: unknown): string | null {
  if (kind === "email") return null;
  const parsed = UrlConfig.safeParse(config);
  if (parsed.success) return parsed.data.url;
  return kind === "pagerduty" ? PAGERDUTY_EVENTS_URL : null;
}

/** Whether a kind needs a secret, and what it is called on the form. */
export const SECRET_OF: Record<ChannelKind, { label: string; isRequired: boolean } | null> = {
  email: null,
  slack: null,
  teams: null,
  webhook: { label: "Signing secret", isRequired: true },
  pagerduty: { label: "Routing key", isRequired: true },
};
