import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import { getCtx } from "../auth/session";
import { env } from "../env";
import { AppError } from "../errors";
import { RateLimiter } from "../gateway/rate-limit";
import { clientAddressOf } from "../http/client-address";
import { REQUEST_ID_HEADER } from "../http/headers";
import { authenticateApiToken } from "../tokens/authenticate";

export type ApiCaller = {
  ctx: Ctx;
  /** Whose idempotency keys and rate limit this is: the token's or the person's id; null when anonymous. */
  scope: string | null;
  via: "token" | "session" | "anonymous";
};

const TOKEN_PREFIX = "orr_";

/**
 * Per token, in this process. With several replicas each keeps its own buckets, so the limit a token meets
 * is this figure times the replica count; docs/operations.md says to divide it accordingly.
 */
let limiter: RateLimiter | null = null;
function rateLimiter(): RateLimiter {
  limiter ??= new RateLimiter(env.API_RATE_PER_MINUTE);
  return limiter;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Who is calling /api/v1: a bearer token when the request carries one (never falling back to the cookie,
 * so a bad token is a 401 even in a signed-in browser), otherwise the console's session.
 */
export async function apiCaller(req: Request): Promise<ApiCaller> {
  const address = clientAddressOf(req.headers);
  const ip = address === "unknown" ? undefined : address;
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const [scheme, secret = ""] = authorization.trim().split(/\s+/, 2);
    if (scheme.toLowerCase() !== "bearer" || !secret.startsWith(TOKEN_PREFIX)) {
      throw new AppError("UNAUTHORIZED", "Send an API token as “Authorization: Bearer orr_…”.");
    }
    const actor = await authenticateApiToken(secret, ip);
    if (!actor)
      throw new AppError("UNAUTHORIZED", "This API token is not valid: it is unknown, expired or revoked.");
    const wait = rateLimiter().take(actor.id);
    if (wait > 0) {
      throw new AppError("RATE_LIMITED", `This token made too many requests. Retry in ${wait} s.`, {
        retryAfterSec: wait,
      });
    }
    return { ctx: { actor, ip, requestId }, scope: `token:${actor.id}`, via: "token" };
  }
  // No cookie at all: anonymous, without asking the session machinery.
  const ctx = req.headers.get("cookie") ? await getCtx() : { actor: null, ip, requestId };
  if (!ctx.actor) return { ctx: { ...ctx, requestId }, scope: null, via: "anonymous" };
  // A cookie rides along on cross-site requests: a write with a session must come from the console's origin.
  if (UNSAFE.has(req.method) && !sameOrigin(req)) {
    throw new AppError(
      "FORBIDDEN",
      "A signed-in write must come from the console itself; automation uses an API token.",
    );
  }
  return { ctx: { ...ctx, requestId }, scope: `user:${ctx.actor.id}`, via: "session" };
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return req.headers.get("sec-fetch-site") !== "cross-site";
  try {
    return new URL(origin).host === (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return false;
  }
}
