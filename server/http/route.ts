import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import { getCtx } from "../auth/session";
import { toErrorBody } from "../errors";
import { logError } from "../log";

/**
 * The one wrapper for Next route handlers: session auth, errors mapped to status codes once. `context` is
 * what Next passes a dynamic route (`{ params }`), handed through untouched.
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
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      const { status, body } = toErrorBody(error, requestId);
      if (status >= 500) logError("route failed", error, { requestId, url: req.url });
      const headers: Record<string, string> = { "x-request-id": requestId };
      return Response.json(body, { status, headers });
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
