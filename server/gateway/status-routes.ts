import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { renderAtomFeed } from "@/lib/status/atom";
import { renderBadge } from "@/lib/status/badge";
import { matchesEtag, weakEtag } from "@/lib/status/etag";
import { PUBLIC_STATUS_LABEL } from "@/lib/status/public-status";
import { publicUrl } from "../env";
import { DATA_POLICY } from "../http/security-headers";
import { keyQuery, readableSnapshot } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";
import { GatewayRouter, sendJson } from "./router";
import { embedHtml, embedPolicy, pageBadge } from "./status-embed";

// Public status on the machine path: JSON, badges, the feed and the embed widget are read most exactly when
// things break, so they are answered from the in-memory snapshot without Next or a database round trip.

const PUBLIC_CACHE = "public, max-age=30, stale-while-revalidate=60";

/**
 * Answers built once per snapshot and reused: the body, its gzip and its ETag. Keys come only from fixed
 * sets (format, theme, a region or satellite the page shows), never from request headers.
 */
type Prepared = { body: Buffer; gzip: Buffer; etag: string; type: string };
const prepared = new WeakMap<StatusSnapshot, Map<string, Prepared>>();

function prepare(snapshot: StatusSnapshot, key: string, type: string, make: () => string): Prepared {
  let cache = prepared.get(snapshot);
  if (!cache) prepared.set(snapshot, (cache = new Map()));
  let entry = cache.get(key);
  if (!entry) {
    const text = make();
    const body = Buffer.from(text);
    entry = { body, gzip: gzipSync(body), etag: key === "json" ? snapshot.etag : weakEtag(text), type };
    // A page's regions and satellites bound the keys already; this is a backstop.
    if (cache.size < 2_000) cache.set(key, entry);
  }
  return entry;
}

/** How many answers are kept for a snapshot (tests check that request headers never add any). */
export function preparedAnswerCount(snapshot: StatusSnapshot): number {
  return prepared.get(snapshot)?.size ?? 0;
}

/** Data answers may be read by any site's script; the embed is a document and only framed. */
function send(req: IncomingMessage, res: ServerResponse, p: Prepared, embedPolicy?: string) {
  const headers: Record<string, string> = {
    "Content-Type": p.type,
    "Cache-Control": PUBLIC_CACHE,
    ETag: p.etag,
    Vary: "Accept-Encoding",
    "Content-Security-Policy": embedPolicy ?? DATA_POLICY,
    ...(embedPolicy ? {} : { "Access-Control-Allow-Origin": "*" }),
  };
  if (matchesEtag(req.headers["if-none-match"], p.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? p.gzip : p.body;
  res.writeHead(200, {
    ...headers,
    "Content-Length": String(body.length),
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

function query(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? "/";
  const at = url.indexOf("?");
  return new URLSearchParams(at < 0 ? "" : url.slice(at + 1));
}

/** The widget's colour scheme: one of three, so a made-up theme never makes a new cached answer. */
function themeOf(q: URLSearchParams): "light" | "dark" | "auto" {
  const theme = q.get("theme");
  return theme === "light" || theme === "dark" ? theme : "auto";
}

/** Unknown, disabled and keyless unlisted pages all answer exactly this, so none can be told apart. */
function notFound(res: ServerResponse) {
  sendJson(res, 404, { error: { code: "NOT_FOUND", message: "No such status page." } });
}

async function withSnapshot(
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  then: (snapshot: StatusSnapshot) => void,
) {
  const snapshot = await readableSnapshot(slug, query(req).get("key"));
  if (!snapshot) return notFound(res);
  then(snapshot);
}

function badgeFor(snapshot: StatusSnapshot, q: URLSearchParams): { key: string; svg: () => string } | null {
  const doc = snapshot.document;
  const region = q.get("region");
  const satellite = q.get("satellite");
  if (region) {
    const r = doc.regions.find((x) => x.id === region);
    if (r) return { key: `badge:r:${region}`, svg: () => renderBadge({ label: r.id, status: r.status }) };
    // A region the page covers with no satellite in service yet has no status to show, not an error.
    if (!snapshot.regionIds.includes(region)) return null;
    return { key: `badge:r:${region}`, svg: () => renderBadge({ label: region, status: null }) };
  }
  if (satellite) {
    // Only pages that show satellites publicly answer for one; roll-up pages keep them private.
    if (!snapshot.page.showSatellites) return null;
    for (const r of doc.regions) {
      const c = r.components?.find((x) => x.id === satellite);
      if (c)
        return { key: `badge:s:${satellite}`, svg: () => renderBadge({ label: c.name, status: c.status }) };
    }
    return null;
  }
  return { key: "badge", svg: () => pageBadge(snapshot) };
}

function feedFor(snapshot: StatusSnapshot, base: string): string {
  const doc = snapshot.document;
  const pageUrl = `${base}/status/${doc.page.slug}${keyQuery(snapshot)}`;
  const incidents = [...doc.activeIncidents, ...snapshot.history];
  const entries = [
    ...incidents.map((i) => ({
      id: `${base}/status/${doc.page.slug}#incident-${i.id}`,
      title: `${i.status === "resolved" ? "Resolved" : PUBLIC_STATUS_LABEL[impactStatus(i.impact)]}: ${i.title}`,
      updated: new Date(i.updatedAt),
      published: new Date(i.startedAt),
      link: `${pageUrl}#incident-${i.id}`,
      summary: i.updates
        .map((u) => `${u.at.slice(0, 16).replace("T", " ")} UTC · ${u.status}: ${u.body}`)
        .join("\n"),
      categories: ["incident", i.status, ...i.regions],
    })),
    ...doc.maintenance.map((m) => ({
      id: `${base}/status/${doc.page.slug}#maintenance-${m.id}`,
      title: `Maintenance: ${m.title}`,
      updated: new Date(m.startsAt),
      published: new Date(m.startsAt),
      link: `${pageUrl}#maintenance-${m.id}`,
      summary: `${m.startsAt} – ${m.endsAt}${m.description ? `\n${m.description}` : ""}`,
      categories: ["maintenance", ...m.regions],
    })),
  ];
  return renderAtomFeed({
    id: `${base}/status/${doc.page.slug}`,
    title: `${doc.page.title} status`,
    selfUrl: `${base}/status/${doc.page.slug}/feed.atom${keyQuery(snapshot)}`,
    pageUrl,
    updated: new Date(doc.generatedAt),
    entries,
  });
}

function impactStatus(impact: string) {
  return impact === "critical"
    ? "major_outage"
    : impact === "major"
      ? "partial_outage"
      : "degraded_performance";
}

export function statusRoutes(router: GatewayRouter): GatewayRouter {
  for (const method of ["GET", "HEAD"]) {
    router
      .on(method, "/api/status/:slug", (req, res, { slug }) =>
        withSnapshot(req, res, slug, (s) =>
          send(
            req,
            res,
            prepare(s, "json", "application/json; charset=utf-8", () => s.json),
          ),
        ),
      )
      .on(method, "/api/status/:slug/badge.svg", (req, res, { slug }) =>
        withSnapshot(req, res, slug, (s) => {
          const badge = badgeFor(s, query(req));
          if (!badge) return notFound(res);
          send(req, res, prepare(s, badge.key, "image/svg+xml; charset=utf-8", badge.svg));
        }),
      )
      .on(method, "/status/:slug/feed.atom", (req, res, { slug }) =>
        withSnapshot(req, res, slug, (s) =>
          send(
            req,
            res,
            prepare(s, "feed", "application/atom+xml; charset=utf-8", () => feedFor(s, publicUrl())),
          ),
        ),
      )
      .on(method, "/embed/status/:slug", (req, res, { slug }) =>
        withSnapshot(req, res, slug, (s) => {
          const theme = themeOf(query(req));
          const page = prepare(s, `embed:${theme}`, "text/html; charset=utf-8", () =>
            embedHtml(s, publicUrl(), theme),
          );
          send(req, res, page, embedPolicy(s));
        }),
      );
  }
  return router.claim("/api/status/").claim("/embed/");
}
