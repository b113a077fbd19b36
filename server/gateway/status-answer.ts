import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { matchesEtag, weakEtag } from "@/lib/status/etag";
import { DATA_POLICY } from "../http/security-headers";
import { readableSnapshot } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";
import { sendJson } from "./router";

// How every public status answer is sent: built once per snapshot, compressed once, ETag and 304, public
// caching. Every status route (today's JSON, badges, feeds, the widget, the v2 API) answers through here.

export const PUBLIC_CACHE = "public, max-age=30, stale-while-revalidate=60";

/**
 * Answers built once per snapshot and reused: the body, its gzip, its Brotli (made at the first request that
 * accepts it, then kept) and its ETag. Keys come only from fixed sets (format, theme, a region or satellite
 * the page shows), never from request headers.
 */
export type Prepared = { body: Buffer; gzip: Buffer; br?: Buffer; etag: string; type: string };
const prepared = new WeakMap<StatusSnapshot, Map<string, Prepared>>();

/** Brotli at quality 5: a large page's v2 summary a third smaller than gzip, in about 10 ms once per snapshot. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

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
      // Level 9 costs little more once per snapshot and sends less to every reader.
      gzip: gzipSync(body, { level: 9 }),
      etag: etagOf ? etagOf(text) : key === "json" ? snapshot.etag : weakEtag(text),
      type,
    };
    // A page's regions and satellites bound the keys already; this is a backstop.
    if (cache.size < 2_000) cache.set(key, entry);
  }
  return entry;
}

/** A coding in Accept-Encoding, with its weight if given. */
const codingPattern = (coding: string) =>
  new RegExp(`(?:^|,)\\s*${coding}\\s*(?:;\\s*q\\s*=\\s*([\\d.]+))?\\s*(?:,|$)`, "i");
const BR = codingPattern("br");
const GZIP = codingPattern("gzip");

/** Whether Accept-Encoding offers the coding (a q of 0 refuses it; other weights are not compared). */
function offers(accept: string, pattern: RegExp): boolean {
  const m = pattern.exec(accept);
  return !!m && (m[1] === undefined || Number(m[1]) > 0);
}

/** The coding to send: Brotli when offered, else gzip when offered, else none. */
function codingOf(req: IncomingMessage): "br" | "gzip" | null {
  const accept = String(req.headers["accept-encoding"] ?? "");
  if (offers(accept, BR)) return "br";
  return offers(accept, GZIP) ? "gzip" : null;
}

function bodyOf(p: Prepared, coding: "br" | "gzip" | null): Buffer {
  if (coding === "gzip") return p.gzip;
  if (coding === "br") return (p.br ??= brotliCompressSync(p.body, BROTLI));
  return p.body;
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
  const coding = codingOf(req);
  const body = bodyOf(p, coding);
  res.writeHead(200, {
    ...headers,
    "Content-Length": String(body.length),
    ...(coding ? { "Content-Encoding": coding } : {}),
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
