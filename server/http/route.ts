import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import { getCtx } from "../auth/session";
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

/**
 * The one wrapper for Next route handlers: session auth, errors mapped to status codes once, and the same
 * security and no-store headers on every answer. `context` is what Next passes a dynamic route
 * (`{ params }`), handed through untouched.
 */
export function route<Context = unknown>(
  handler: (ctx: Ctx, req: Request, context: Context) => Promise<Response | unknown>,
) {
  return async (req: Request, context: Context): Promise<Response> => {
    let requestId: string = randomUUID();
    try {
      const ctx = await getCtx();
      requestId = ctx.requestId ?? requestId;
      const result = await handler(ctx, req, context);
      return withAnswerHeaders(result instanceof Response ? result : Response.json(result), requestId);
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

/**
 * A live view's JSON with an ETag: an unchanged body answers 304 with none, so pollers pay only for changes.
 * The caching headers themselves are route()'s (private, no-store), whatever the view.
 */
export function conditionalJson(req: Request, json: string, etag: string): Response {
  const seen = req.headers.get("if-none-match");
  if (seen && seen.split(/\s*,\s*/).includes(etag))
    return new Response(null, { status: 304, headers: { ETag: etag } });
  return new Response(json, { headers: { ETag: etag, "Content-Type": "application/json" } });
}
