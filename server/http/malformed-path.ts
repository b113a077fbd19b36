import type { IncomingMessage, ServerResponse } from "node:http";
import { hasMalformedPath } from "@/lib/route-params";
import { baseSecurityHeaders, DATA_POLICY } from "./security-headers";

// Next's router fails on a path segment it cannot decode (`/satellites/%E0%A4%A`): it wants a Pages
// Router error page an App Router build does not have, and answers 500. Such a path names nothing.

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Orrery</title></head>
<body><h1>Not found</h1><p>There is nothing at this address: it holds a malformed % escape.</p>
<p><a href="/">Back to the overview</a></p></body></html>`;

/** Answers 404 and returns true when the request's path holds a malformed escape; false otherwise. */
export function answerMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  if (!hasMalformedPath(url)) return false;
  const isApi = url.startsWith("/api/");
  const body = isApi
    ? JSON.stringify({
        error: { code: "NOT_FOUND", message: "No such address: the path holds a malformed % escape." },
      })
    : PAGE;
  res.writeHead(404, {
    ...baseSecurityHeaders(),
    "Content-Type": isApi ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": DATA_POLICY,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
