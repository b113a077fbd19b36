import { colourOf, dedupKey, factList, headline, type AlertNotice, type Severity } from "./notice";

// Each channel's own message shape, built from one notice. Pure, so each shape is unit-tested.

/** Slack incoming webhook: blocks inside an attachment, whose bar carries the severity's colour. */
export function slackMessage(n: AlertNotice) {
  const facts = factList(n).map(([k, v]) => ({
    type: "mrkdwn",
    text: `*${escapeSlack(k)}*\n${escapeSlack(v)}`,
  }));
  return {
    text: headline(n),
    attachments: [
      {
        color: colourOf(n),
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(headline(n))}*` } },
          { type: "section", fields: facts.slice(0, 10) },
          {
            type: "actions",
            elements: [
              { type: "button", text: { type: "plain_text", text: "Open in Orrery" }, url: n.alert.url },
            ],
          },
        ],
      },
    ],
  };
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const TEAMS_COLOUR: Record<Severity | "resolved", string> = {
  critical: "attention",
  warning: "warning",
  info: "accent",
  resolved: "good",
};

/** Microsoft Teams Workflows ("Post to a channel when a webhook request is received"): an Adaptive Card. */
export function teamsMessage(n: AlertNotice) {
  const tone = n.alert.state === "resolved" ? "resolved" : n.alert.severity;
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: headline(n),
              weight: "Bolder",
              size: "Medium",
              color: TEAMS_COLOUR[tone],
              wrap: true,
            },
            { type: "FactSet", facts: factList(n).map(([title, value]) => ({ title, value })) },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in Orrery", url: n.alert.url }],
        },
      },
    ],
  };
}

/** PagerDuty Events API v2: a trigger while firing, a resolve with the same dedup_key when it clears. */
export function pagerDutyEvent(n: AlertNotice, routingKey: string, action?: "trigger" | "resolve") {
  const eventAction = action ?? (n.alert.state === "resolved" ? "resolve" : "trigger");
  if (eventAction === "resolve") {
    return { routing_key: routingKey, event_action: "resolve", dedup_key: dedupKey(n) };
  }
  return {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: dedupKey(n),
    payload: {
      summary: headline(n).slice(0, 1024),
      source: "orrery",
      severity: n.alert.severity,
      timestamp: n.alert.firedAt,
      component: n.alert.group,
      group: n.alert.rule.name,
      class: n.alert.rule.kind,
      custom_details: Object.fromEntries(factList(n)),
    },
    links: [{ href: n.alert.url, text: "Open in Orrery" }],
  };
}

/** The generic webhook's body; `id` is the delivery's id, the same on every retry. */
export function webhookBody(n: AlertNotice, deliveryId: string, createdAt: Date) {
  return { id: deliveryId, type: n.type, createdAt: createdAt.toISOString(), alert: n.alert };
}

export function emailMessage(n: AlertNotice) {
  const facts = factList(n);
  const text = [
    headline(n),
    "",
    ...facts.map(([k, v]) => `${k}: ${v}`),
    "",
    `Open in Orrery: ${n.alert.url}`,
  ].join("\n");
  const rows = facts
    .map(
      ([k, v]) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0">${html(k)}</th><td>${html(v)}</td></tr>`,
    )
    .join("");
  const body =
    `<div style="font-family:sans-serif"><h2 style="border-left:6px solid ${colourOf(n)};padding-left:10px">` +
    `${html(headline(n))}</h2><table>${rows}</table>` +
    `<p><a href="${html(n.alert.url)}">Open in Orrery</a></p></div>`;
  return { subject: headline(n).slice(0, 200), text, html: body };
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
