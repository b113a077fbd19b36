import { renderAtomFeed, type AtomEntry } from "@/lib/status/atom";
import { PUBLIC_STATUS_LABEL } from "@/lib/status/public-status";
import { escapeXml } from "@/lib/status/xml";
import type { StatusSnapshot } from "../snapshot";
import { IMPACT_COMPONENT_STATUS } from "./map";

/** An open incident's title word: what its impact does, and at least "Degraded performance". */
const feedStatus = (impact: string) =>
  impact === "critical" || impact === "major" ? IMPACT_COMPONENT_STATUS[impact] : "degraded_performance";

// The page's history as feeds: incidents (open and resolved in the last 90 days) and maintenance, the same
// entries in Atom (feed.atom, history.atom) and RSS 2.0 (history.rss).

/** `pageUrl` is the page's public address and `key` an unlisted page's key as a query string, or "". */
export function feedEntries(snapshot: StatusSnapshot, pageUrl: string, key: string): AtomEntry[] {
  const doc = snapshot.document;
  return [
    ...[...doc.activeIncidents, ...snapshot.history].map((i) => ({
      id: `${pageUrl}#incident-${i.id}`,
      title: `${i.status === "resolved" ? "Resolved" : PUBLIC_STATUS_LABEL[feedStatus(i.impact)]}: ${i.title}`,
      updated: new Date(i.updatedAt),
      published: new Date(i.startedAt),
      link: `${pageUrl}${key}#incident-${i.id}`,
      summary: i.updates
        .map((u) => `${u.at.slice(0, 16).replace("T", " ")} UTC · ${u.status}: ${u.body}`)
        .join("\n"),
      categories: ["incident", i.status, ...i.regions],
    })),
    ...doc.maintenance.map((m) => ({
      id: `${pageUrl}#maintenance-${m.id}`,
      title: `Maintenance: ${m.title}`,
      updated: new Date(m.startsAt),
      published: new Date(m.startsAt),
      link: `${pageUrl}${key}#maintenance-${m.id}`,
      summary: `${m.startsAt} – ${m.endsAt}${m.description ? `\n${m.description}` : ""}`,
      categories: ["maintenance", ...m.regions],
    })),
  ];
}

export function atomFeed(snapshot: StatusSnapshot, pageUrl: string, key: string, selfUrl: string): string {
  return renderAtomFeed({
    id: pageUrl,
    title: `${snapshot.document.page.title} status`,
    selfUrl,
    pageUrl: `${pageUrl}${key}`,
    updated: new Date(snapshot.document.generatedAt),
    entries: feedEntries(snapshot, pageUrl, key),
  });
}

/** RSS 2.0 with an atom:link to itself, items newest first; dates in RFC 822 as RSS requires. */
export function rssFeed(snapshot: StatusSnapshot, pageUrl: string, key: string, selfUrl: string): string {
  const entries = feedEntries(snapshot, pageUrl, key).sort(
    (a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : 1),
  );
  const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
  const title = `${snapshot.document.page.title} status`;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">`,
    `<channel>`,
    el("title", title),
    el("link", `${pageUrl}${key}`),
    el("description", snapshot.document.page.description || title),
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    el("lastBuildDate", new Date(snapshot.document.generatedAt).toUTCString()),
    el("generator", "Orrery"),
  ];
  for (const e of entries) {
    lines.push(
      `<item>`,
      el("title", e.title),
      el("link", e.link),
      el("guid", e.id, ` isPermaLink="false"`),
      el("pubDate", e.updated.toUTCString()),
      ...(e.categories ?? []).map((c) => el("category", c)),
      el("description", e.summary),
      `</item>`,
    );
  }
  lines.push(`</channel>`, `</rss>`, "");
  return lines.join("\n");
}
