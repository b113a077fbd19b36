import { NextResponse, type NextRequest } from "next/server";
import { isProduction } from "@/server/env";
import { baseSecurityHeaders, pagePolicy, resourcePolicy } from "@/server/http/security-headers";

// Every answer Next gives gets the security headers here; pages get a Content-Security-Policy with a
// fresh nonce, which Next reads from the request's copy of the header and puts on its own scripts.
// Console pages also send visitors without a session cookie to /login: optimistic only, as every page,
// action and route authorizes again in server/, where a stale, forged or disabled session is refused.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const PUBLIC_PAGES = /^\/(login|status|embed|api\/docs)(\/|$)/;
// The API reference is a page that lives under /api: it gets a page's policy, whose nonce runs the theme script.
const API_PAGES = /^\/api\/docs(\/|$)/;

function withHeaders(response: NextResponse, policy: string): NextResponse {
  for (const [name, value] of Object.entries(baseSecurityHeaders())) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/") && !API_PAGES.test(path)) {
    return withHeaders(NextResponse.next(), resourcePolicy());
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pagePolicy(nonce, { isDev: !isProduction, allowRemoteImages: path.startsWith("/status/") });
  const isConsole = !PUBLIC_PAGES.test(path);
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isConsole && !hasSession) {
    const url = request.nextUrl.clone();
    const next = path + request.nextUrl.search;
    url.pathname = "/login";
    url.search = next !== "/" ? `?next=${encodeURIComponent(next)}` : "";
    return withHeaders(NextResponse.redirect(url), policy);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

export const config = {
  // Everything but Next's static files; the machine path (agents, public status JSON, feeds, embeds)
  // never reaches Next and sets the same headers itself.
  matcher: ["/((?!_next/static|_next/image|favicon\\.svg).*)"],
};
