import type { IncomingMessage, ServerResponse } from "node:http";
import { weakEtag } from "@/lib/status/etag";
import { publicUrl } from "../env";
import { keyQuery } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";
import { atomFeed, rssFeed } from "../status/v2/feeds";
import { hostForSlug, slugForHost, warmCustomHosts } from "../status/v2/hosts";
import { toV2, V2_PATHS, v2Body, type V2View } from "../status/v2/map";
import type { GatewayRouter } from "./router";
import { notFound, prepare, send, withSnapshot } from "./status-answer";

// The Statuspage v2-compatible read API, the single incident and the history feeds, under
// /status/<slug>/… and, on a custom host bound to a page, at that host's root. Same snapshot, caching,
// ETags and visibility as /api/status/<slug> (docs/status-embeds.md).

const JSON_TYPE = "application/json; charset=utf-8";

/** Where readers are sent for the page: its custom host when it has one, else under PUBLIC_URL. */
function pageUrlOf(slug: string, host: string | undefined): string {
  return host ? `https://${host}` : `${publicUrl()}/status/${slug}`;
}

const views = new WeakMap<StatusSnapshot, Map<string, V2View>>();

/** The v2 view of a snapshot, built once per snapshot and bound host. */
function viewOf(snapshot: StatusSnapshot, host: string | undefined): V2View {
  let byHost = views.get(snapshot);
  if (!byHost) views.set(snapshot, (byHost = new Map()));
  const key = host ?? "";
  let view = byHost.get(key);
  if (!view) {
    view = toV2(snapshot, pageUrlOf(snapshot.page.slug, host), keyQuery(snapshot));
    byHost.set(key, view);
  }
  return view;
}

type Answer = (
  req: IncomingMessage,
  res: ServerResponse,
  s: StatusSnapshot,
  host: string | undefined,
) => void;

/**
 * The ETag of a v2 body: its content without the snapshot's build time (every `updated_at` the snapshot
 * stamps), so a rebuild that changes nothing a reader sees keeps the ETag and readers keep getting 304.
 */
const contentEtag = (s: StatusSnapshot) => (text: string) =>
  weakEtag(text.split(s.document.generatedAt).join(""));

/** Answers from the cached v2 JSON. */
function v2Json(path: string): Answer {
  return (req, res, s, host) => {
    const key = `v2:${host ?? ""}:${path}`;
    send(
      req,
      res,
      prepare(s, key, JSON_TYPE, () => JSON.stringify(v2Body(viewOf(s, host), path)), contentEtag(s)),
    );
  };
}

function incidentJson(id: string): Answer {
  return (req, res, s, host) => {
    const view = viewOf(s, host);
    const incident = view.byId.get(id);
    // Only incidents the page shows make cache entries, so made-up ids cannot grow it.
    if (!incident) return notFound(res);
    const key = `v2:${host ?? ""}:incident:${id}`;
    send(
      req,
      res,
      prepare(s, key, JSON_TYPE, () => JSON.stringify({ page: view.page, incident }), contentEtag(s)),
    );
  };
}

function feed(kind: "atom" | "rss"): Answer {
  return (req, res, s, host) => {
    const pageUrl = pageUrlOf(s.page.slug, host);
    const key = keyQuery(s);
    const self = `${pageUrl}/history.${kind}${key}`;
    const type =
      kind === "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
    send(
      req,
      res,
      prepare(s, `history:${kind}:${host ?? ""}`, type, () =>
        kind === "atom" ? atomFeed(s, pageUrl, key, self) : rssFeed(s, pageUrl, key, self),
      ),
    );
  };
}

/** A page named by its slug in the path. */
function bySlug(answer: Answer, slug: string, req: IncomingMessage, res: ServerResponse) {
  return withSnapshot(req, res, slug, async (s) => answer(req, res, s, await hostForSlug(s.page.slug)));
}

/** A page named by the request's Host, looked up only among STATUS_CUSTOM_HOSTS. */
async function byHost(answer: Answer, req: IncomingMessage, res: ServerResponse) {
  const slug = await slugForHost(req.headers.host);
  if (!slug) return notFound(res);
  return bySlug(answer, slug, req, res);
}

const literal = (path: string) => path.replace(/\./g, "\\.");

export function statusV2Routes(router: GatewayRouter): GatewayRouter {
  warmCustomHosts();
  for (const method of ["GET", "HEAD"]) {
    for (const path of V2_PATHS) {
      const answer = v2Json(path);
      router
        .on(method, `/status/:slug/api/v2/${literal(path)}`, (req, res, { slug }) =>
          bySlug(answer, slug, req, res),
        )
        .on(method, `/api/v2/${literal(path)}`, (req, res) => byHost(answer, req, res));
    }
    for (const kind of ["atom", "rss"] as const) {
      const answer = feed(kind);
      router
        .on(method, `/status/:slug/history\\.${kind}`, (req, res, { slug }) => bySlug(answer, slug, req, res))
        .on(method, `/history\\.${kind}`, (req, res) => byHost(answer, req, res));
    }
    router
      .on(method, "/status/:slug/incidents/:id\\.json", (req, res, { slug, id }) =>
        bySlug(incidentJson(id), slug, req, res),
      )
      .on(method, "/incidents/:id\\.json", (req, res, { id }) => byHost(incidentJson(id), req, res));
  }
  // Statuspage readers probe other v2 paths (subscribers.json, …): on a custom host, a JSON 404.
  return router.claim("/api/v2/");
}
