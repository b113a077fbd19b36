// The Atom 1.0 feed of a status page (incidents and maintenance), RFC 4287. Built as a string: the
// shape is fixed and small, and every piece of text goes through escapeXml.
import { escapeXml } from "./xml";

export type AtomEntry = {
  /** Permanent and unique, a tag: URI or a URL; readers use it to tell entries apart. */
  id: string;
  title: string;
  /** The last significant change, e.g. the newest incident update. */
  updated: Date;
  published: Date;
  /** The entry's page (the incident on the status page). */
  link: string;
  /** Plain text; sent as content type="text", so readers show it literally. */
  summary: string;
  categories?: readonly string[];
};

export type AtomFeed = {
  /** A tag: URI or a URL, permanent for the page. */
  id: string;
  title: string;
  /** Where this feed is served. */
  selfUrl: string;
  /** The status page itself. */
  pageUrl: string;
  /** The feed's last change; an entry updated later than this moves it forward. */
  updated: Date;
  /** Feed-level author, which covers every entry (Atom requires one); the feed title by default. */
  author?: string;
  entries: readonly AtomEntry[];
};

/** RFC 3339 in UTC to the second, e.g. 2026-11-28T12:00:00Z. Throws on an invalid Date. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const link = (rel: string, type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;

/** The feed document, entries newest first (by updated, then by id for a stable order). */
export function renderAtomFeed(feed: AtomFeed): string {
  const entries = [...feed.entries].sort(
    (a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const newest = entries[0]?.updated.getTime() ?? Number.NEGATIVE_INFINITY;
  const updated = new Date(Math.max(feed.updated.getTime(), newest));
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    el("id", feed.id),
    el("title", feed.title, ` type="text"`),
    el("updated", rfc3339(updated)),
    link("self", "application/atom+xml", feed.selfUrl),
    link("alternate", "text/html", feed.pageUrl),
    `<author>${el("name", feed.author ?? feed.title)}</author>`,
    el("generator", "Orrery"),
  ];
  for (const entry of entries) {
    lines.push(
      `<entry>`,
      el("id", entry.id),
      el("title", entry.title, ` type="text"`),
      el("updated", rfc3339(entry.updated)),
      el("published", rfc3339(entry.published)),
      link("alternate", "text/html", entry.link),
      ...(entry.categories ?? []).map((term) => `<category term="${escapeXml(term)}"/>`),
      el("content", entry.summary, ` type="text"`),
      `</entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
