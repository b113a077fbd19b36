import type { IncomingMessage, ServerResponse } from "node:http";
import { isAppError, toErrorBody } from "../errors";
import { logError } from "../log";
import { baseSecurityHeaders, DATA_POLICY } from "../http/security-headers";

// The machine path: plain node:http handlers answered before Next, for callers that come in thousands
// (agents, status-page readers). Each handler calls the same server/<domain> verbs as the console.

export type GatewayHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) => Promise<void> | void;

type RouteEntry = { method: string; pattern: RegExp; keys: string[]; handler: GatewayHandler };

export class GatewayRouter {
  private readonly routes: RouteEntry[] = [];
  private readonly prefixes: string[] = [];

  /** `path` may hold `:name` segments. */
  on(method: string, path: string, handler: GatewayHandler): this {
    const keys: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
      keys.push(key);
      return "([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  /** Paths under a claimed prefix never fall through to Next, even when no route matches. */
  claim(prefix: string): this {
    this.prefixes.push(prefix);
    return this;
  }

  /** Answers the request and returns true, or returns false to let Next have it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "/").split("?")[0];
    const matches = this.routes.filter((r) => r.pattern.test(path));
    if (matches.length === 0 && !this.prefixes.some((p) => path.startsWith(p))) return false;
    // Next's proxy never sees what the machine path answers: its answers carry the same headers themselves.
    for (const [name, value] of Object.entries(baseSecurityHeaders())) res.setHeader(name, value);
    if (matches.length === 0) {
      sendJson(res, 404, { error: { code: "NOT_FOUND", message: `No such endpoint: ${path}` } });
      return true;
    }
    const route = matches.find((r) => r.method === req.method);
    if (!route) {
      res.setHeader("Allow", [...new Set(matches.map((m) => m.method))].join(", "));
      sendJson(res, 405, {
        error: { code: "BAD_REQUEST", message: `${req.method} is not allowed on ${path}` },
      });
      return true;
    }
    const found = route.pattern.exec(path) ?? [];
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(found[i + 1] ?? "")]));
    } catch {
      // A malformed escape such as %zz names nothing; it must never reach the process as an exception.
      sendJson(res, 404, { error: { code: "NOT_FOUND", message: `No such endpoint: ${path}` } });
      return true;
    }
    Promise.resolve()
      .then(() => route.handler(req, res, params))
      .catch((error: unknown) => {
        // A client that hung up while its body was read is gone: nothing to answer, and not our failure.
        if (hungUp(req, error)) return;
        const { status, body } = toErrorBody(error, String(req.headers["x-request-id"] ?? ""));
        if (status >= 500) logError("gateway handler failed", error, { path });
        const retry =
          isAppError(error) && error.retryAfterSec
            ? { "Retry-After": String(error.retryAfterSec) }
            : undefined;
        if (!res.headersSent) sendJson(res, status, body, retry);
        else res.end();
      });
    return true;
  }
}

/** Node rejects a body read with "aborted" (ECONNRESET) when the client closes the connection mid-request. */
function hungUp(req: IncomingMessage, error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ECONNRESET" && !req.complete;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    "Cache-Control": "no-store",
    // Nothing on the machine path may be framed or run anything, except the status embed (its own policy).
    "Content-Security-Policy": DATA_POLICY,
    ...headers,
  });
  res.end(payload);
}
