import { renderBadge } from "@/lib/status/badge";
import { publicUrl } from "../env";
import { keyQuery } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";
import { atomFeed } from "../status/v2/feeds";
import type { GatewayRouter } from "./router";
import { notFound, prepare, query, send, withSnapshot } from "./status-answer";
import { embedHtml, embedPolicy, pageBadge } from "./status-embed";
import { statusV2Routes } from "./status-v2-routes";

// Public status on the machine path: JSON, badges, the feed and the embed widget are read most exactly when
// things break, so they are answered from the in-memory snapshot without Next or a database round trip.

export { preparedAnswerCount } from "./status-answer";

/** The widget's colour scheme: one of three, so a made-up theme never makes a new cached answer. */
function themeOf(q: URLSearchParams): "light" | "dark" | "auto" {
  const theme = q.get("theme");
  return theme === "light" || theme === "dark" ? theme : "auto";
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
            prepare(s, "feed", "application/atom+xml; charset=utf-8", () => {
              const pageUrl = `${publicUrl()}/status/${s.page.slug}`;
              return atomFeed(s, pageUrl, keyQuery(s), `${pageUrl}/feed.atom${keyQuery(s)}`);
            }),
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
  return statusV2Routes(router).claim("/api/status/").claim("/embed/");
}
