import { INDICATOR_DESCRIPTION } from "@/lib/status/indicator";
import type { StatusSnapshot } from "../status/snapshot";

/**
 * The verification ping a new webhook receives: Statuspage's `meta` and `page`, with a `ping` in place of an
 * event, or a plain line for Slack and Discord, whose receivers would otherwise show nothing.
 */
export function verificationBody(
  url: string,
  snapshot: StatusSnapshot,
  links: { unsubscribe: string; documentation: string; page: string },
): unknown {
  const line = `Subscribed to ${snapshot.document.page.title} status (${links.page}). Unsubscribe: ${links.unsubscribe}`;
  if (/^https:\/\/hooks\.slack\.com\/services\//.test(url)) return { text: line };
  if (/^https:\/\/(discord|discordapp)\.com\/api\/webhooks\//.test(url)) return { content: line };
  const indicator = snapshot.document.indicator;
  return {
    meta: { unsubscribe: links.unsubscribe, documentation: links.documentation },
    page: {
      id: snapshot.page.id,
      status_indicator: indicator,
      status_description: INDICATOR_DESCRIPTION[indicator],
    },
    ping: { message: `Subscribed to ${snapshot.document.page.title} status.` },
  };
}
