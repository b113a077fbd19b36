import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { matchesEtag, weakEtag } from "@/lib/status/etag";
import { DATA_POLICY } from "../http/security-headers";
import { readableSnapshot } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";
import { sendJson } from "./router";

// How every public status answer is sent: built once per snapshot, gzipped once, ETag and 304, public caching.

export const PUBLIC_CACHE = "public, max-age=30, stale-while-revalidate=60";

/**
 * Answers built once per snapshot and reused: the body, its gzip and its ETag. Keys come only from fixed
 * sets (format, theme, a region or satellite the page shows), never from request headers.
 */
export type Prepared = { body: Buffer; gzip: Buffer; etag: string; type: string };
const prepared = new WeakMap<StatusSnapshot, Map<string, Prepared>>();

/**
 * `etagOf` computes the ETag from the body its own way: answers that carry the build time (the v2
 * `updated_at`) leave it out, so they keep one ETag while the page itself is unchanged, as the public JSON does.
 */
export function prepare(
  snapshot: StatusSnapshot,
  key: string,
  type: string,
  make: () => string,
  etagOf?: (text: string) => string,
): Prepared {
  let cache = prepared.get(snapshot);
  if (!cache) prepared.set(snapshot, (cache = new Map()));
  let entry = cache.get(key);
  if (!entry) {
    const text = make();
    const body = Buffer.from(text);
    entry = {
      body,
      gzip: gzipSync(body),
      etag: etagOf ? etagOf(text) : key === "json" ? snapshot.etag : weakEtag(text),
      type,
    };
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
export function send(req: IncomingMessage, res: ServerResponse, p: Prepared, embedPolicy?: string) {
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

export function query(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? "/";
  const at = url.indexOf("?");
  return new URLSearchParams(at < 0 ? "" : url.slice(at + 1));
}

/** Unknown, disabled and keyless unlisted pages all answer exactly this, so none can be told apart. */
export function notFound(res: ServerResponse) {
  sendJson(res, 404, { error: { code: "NOT_FOUND", message: "No such status page." } });
}

export async function withSnapshot(
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  then: (snapshot: StatusSnapshot) => void | Promise<void>,
) {
  const snapshot = await readableSnapshot(slug, query(req).get("key"));
  if (!snapshot) return notFound(res);
  await then(snapshot);
}
