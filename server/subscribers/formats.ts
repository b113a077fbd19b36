import { INDICATOR_DESCRIPTION, INDICATOR_OF_STATUS, type StatusIndicator } from "@/lib/status/indicator";
import { PUBLIC_STATUS_COLOR, PUBLIC_STATUS_LABEL, type PublicStatus } from "@/lib/status/public-status";

// What a subscriber is told, and each receiver's shape of it. Pure, so every shape is unit-tested.

export type NoticePage = {
  id: string;
  slug: string;
  title: string;
  url: string;
  /** The page's published indicator when the notice was decided, where the sender knows it. */
  indicator?: StatusIndicator;
};
export type NoticeLinks = { unsubscribe: string; manage: string; documentation: string };
export type NoticeIncidentUpdate = { id: string; status: string; body: string; at: string };
export type SubscriberNotice =
  | {
      kind: "incident";
      event: "created" | "updated" | "resolved";
      page: NoticePage;
      incident: {
        id: string;
        name: string;
        status: string;
        impact: string;
        createdAt: string;
        updatedAt: string;
        resolvedAt: string | null;
        shortlink: string;
        updates: NoticeIncidentUpdate[];
      };
    }
  | {
      kind: "component";
      page: NoticePage;
      component: { id: string; name: string; status: PublicStatus; oldStatus: PublicStatus; at: string };
    };

const IMPACT_INDICATOR: Record<string, StatusIndicator> = {
  none: "none",
  minor: "minor",
  major: "major",
  critical: "critical",
};

/** The indicator the event stands for: a resolved incident is over, a component says its new status. */
/** The page's indicator as the notice goes out: the page's own when known, else what the notice implies. */
export function indicatorOf(n: SubscriberNotice): StatusIndicator {
  if (n.page.indicator) return n.page.indicator;
  if (n.kind === "component") return INDICATOR_OF_STATUS[n.component.status];
  if (n.incident.resolvedAt) return "none";
  return IMPACT_INDICATOR[n.incident.impact] ?? "minor";
}

export function headlineOf(n: SubscriberNotice): string {
  if (n.kind === "component") {
    return `${n.component.name} is ${PUBLIC_STATUS_LABEL[n.component.status].toLowerCase()}`;
  }
  const what = { created: "New incident", updated: "Update", resolved: "Resolved" }[n.event];
  return `${what}: ${n.incident.name}`;
}

/** Statuspage's webhook body, field for field: `meta`, `page`, then `incident` or `component_update`. */
export function statuspageBody(n: SubscriberNotice, links: NoticeLinks) {
  const indicator = indicatorOf(n);
  const head = {
    meta: { unsubscribe: links.unsubscribe, documentation: links.documentation },
    page: {
      id: n.page.id,
      status_indicator: indicator,
      status_description: INDICATOR_DESCRIPTION[indicator],
    },
  };
  if (n.kind === "component") {
    const c = n.component;
    return {
      ...head,
      component_update: {
        created_at: c.at,
        new_status: c.status,
        old_status: c.oldStatus,
        id: `${c.id}-${Date.parse(c.at)}`,
        component_id: c.id,
      },
      component: { created_at: c.at, id: c.id, name: c.name, status: c.status },
    };
  }
  const i = n.incident;
  return {
    ...head,
    incident: {
      id: i.id,
      name: i.name,
      status: i.status,
      impact: i.impact,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      resolved_at: i.resolvedAt,
      shortlink: i.shortlink,
      page_id: n.page.id,
      incident_updates: i.updates.map((u) => ({
        id: u.id,
        incident_id: i.id,
        status: u.status,
        body: u.body,
        created_at: u.at,
        updated_at: u.at,
        display_at: u.at,
      })),
    },
  };
}

function latestBody(n: SubscriberNotice): string {
  if (n.kind === "component") {
    const c = n.component;
    return `${PUBLIC_STATUS_LABEL[c.oldStatus]} → ${PUBLIC_STATUS_LABEL[c.status]}`;
  }
  return n.incident.updates[0]?.body ?? "";
}

const colourOf = (n: SubscriberNotice) =>
  n.kind === "component"
    ? PUBLIC_STATUS_COLOR[n.component.status]
    : n.incident.resolvedAt
      ? "#15803d"
      : "#c2410c";

const escapeSlack = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackBody(n: SubscriberNotice, links: NoticeLinks) {
  const link = n.kind === "incident" ? n.incident.shortlink : n.page.url;
  return {
    text: `${n.page.title}: ${headlineOf(n)}`,
    attachments: [
      {
        color: colourOf(n),
        blocks: [
          {
            type: "section",
            text: { type: "mrkdwn", text: `*${escapeSlack(`${n.page.title}: ${headlineOf(n)}`)}*` },
          },
          { type: "section", text: { type: "mrkdwn", text: escapeSlack(latestBody(n)) || " " } },
          {
            type: "context",
            elements: [
              { type: "mrkdwn", text: `<${link}|View status> · <${links.unsubscribe}|Unsubscribe>` },
            ],
          },
        ],
      },
    ],
  };
}

export function discordBody(n: SubscriberNotice, links: NoticeLinks) {
  return {
    username: n.page.title.slice(0, 80),
    embeds: [
      {
        title: headlineOf(n).slice(0, 256),
        description: latestBody(n).slice(0, 4000),
        url: n.kind === "incident" ? n.incident.shortlink : n.page.url,
        color: parseInt(colourOf(n).slice(1), 16),
        timestamp: n.kind === "incident" ? n.incident.updatedAt : n.component.at,
        footer: { text: `${n.page.title} · unsubscribe: ${links.unsubscribe}`.slice(0, 2048) },
      },
    ],
  };
}

/** The receiver's shape, chosen by its URL: Slack and Discord get their own; everyone else Statuspage's. */
export function webhookBody(url: string, n: SubscriberNotice, links: NoticeLinks): unknown {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  if (u?.hostname === "hooks.slack.com" && u.pathname.startsWith("/services/")) return slackBody(n, links);
  if (
    (u?.hostname === "discord.com" || u?.hostname === "discordapp.com") &&
    u.pathname.startsWith("/api/webhooks/")
  ) {
    return discordBody(n, links);
  }
  return statuspageBody(n, links);
}
