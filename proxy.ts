import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: sends visitors without a session cookie to /login. Every page, action and route
// authorizes again in server/, where a stale, forged or disabled session is refused.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  const next = request.nextUrl.pathname + request.nextUrl.search;
  url.pathname = "/login";
  url.search = next !== "/" ? `?next=${encodeURIComponent(next)}` : "";
  return NextResponse.redirect(url);
}

export const config = {
  // Public and machine paths are left alone: sign-in, next-auth, JSON APIs (they answer 401 themselves),
  // status pages and embeds, and static assets.
  matcher: ["/((?!login|api/|status/|embed/|_next/|favicon|.*\\.(?:svg|png|ico|txt)$).*)"],
};
