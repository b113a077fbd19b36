import "server-only";
import { randomUUID } from "node:crypto";
import { matchesEtag } from "@/lib/status/etag";
import type { Ctx } from "../auth/context";
import { getCtx } from "../auth/session";
import { isTaggedJson, tagJson } from "../cache/tagged-json";
import { toErrorBody } from "../errors";
import { logError } from "../log";
import { baseSecurityHeaders, resourcePolicy } from "./security-headers";

/** Signed-in answers, success or error: no proxy, CDN or shared cache may keep a copy. */
export const PRIVATE_NO_STORE = "private, no-store";

/** The same headers on every answer route() gives, whatever the handler set. */
function withAnswerHeaders(res: Response, requestId: string): Response {
  const headers: Record<string, string> = {
    ...baseSecurityHeaders(),
    "Content-Security-Policy": resourcePolicy(),
    "Cache-Control": PRIVATE_NO_STORE,
    "x-request-id": requestId,
  };
  try {
    for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
    return res;
  } catch {
    // A Response with immutable headers (one passed through from fetch): copy it.
    const copy = new Response(res.body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

export type RouteOptions = {
  /**
   * Answer with the ETag of the JSON body, and 304 without a body when If-None-Match already holds it, so
   * pollers of a live view pay only for changes. A handler may return a value tagged once (tagJson) to
   * spare the hashing. Cache-Control stays route()'s own: signed-in answers are never stored.
   */
  etag?: boolean;
};

/** A handler's result as the JSON answer, with its ETag when asked for. */
function answer(req: Request, result: unknown, options: RouteOptions): Response {
  if (result instanceof Response) return result;
  if (!options.etag) return Response.json(result);
  const { json, etag } = isTaggedJson(result) ? result : tagJson(result);
  if (matchesEtag(req.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers: { ETag: etag } });
  return new Response(json, { headers: { ETag: etag, "Content-Type": "application/json" } });
}

/**
 * The one wrapper for Next route handlers: session auth, errors mapped to status codes once, and the same
 * security and no-store headers on every answer. `context` is what Next passes a dynamic route
 * (`{ params }`), handed through untouched. Handlers set no headers of their own: `options` asks for them.
 */
export function route<Context = unknown>(
  handler: (ctx: Ctx, req: Request, context: Context) => Promise<Response | unknown>,
  options: RouteOptions = {},
) {
  return async (req: Request, context: Context): Promise<Response> => {
    let requestId: string = randomUUID();
    try {
      const ctx = await getCtx();
      requestId = ctx.requestId ?? requestId;
      const result = await handler(ctx, req, context);
      return withAnswerHeaders(answer(req, result, options), requestId);
    } catch (error) {
      const { status, body } = toErrorBody(error, requestId);
      if (status >= 500) logError("route failed", error, { requestId, url: req.url });
      return withAnswerHeaders(Response.json(body, { status }), requestId);
    }
  };
}

/** URLSearchParams as a plain object; repeated keys become arrays. */
export function queryObject(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(url).searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  return out;
}
