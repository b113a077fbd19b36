import "server-only";
import { randomUUID } from "node:crypto";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { actorForSession } from "../users/users";
import { clientAddressOf } from "../http/client-address";
import { REQUEST_ID_HEADER } from "../http/headers";
import { hasTwoFactor } from "../twofactor/enrolment";
import type { UserActor } from "./actor";
import type { Ctx } from "./context";
import { authOptions } from "./options";
import { sessionClaims, type SessionClaims } from "./sign-out";
import { isSessionOpen } from "./user-sessions";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * A single sign-on lasts ORRERY_SSO_SESSION_HOURS from the sign-in (`ssoExp`, in seconds), however often
 * next-auth renews the cookie: then the person goes back through the IdP, which re-reads their groups.
 */
function isWithinSsoLifetime(token: Record<string, unknown>, nowMs: number): boolean {
  return typeof token.ssoExp !== "number" || token.ssoExp * 1000 > nowMs;
}

async function readToken(raw: string | undefined, nowMs: number): Promise<Record<string, unknown> | null> {
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authOptions.secret ?? "" }).catch(() => null);
  return token && isWithinSsoLifetime(token, nowMs) ? token : null;
}

/** Reads the session's claims from next-auth's JWT cookie; anything unreadable or expired is no session. */
export async function claimsFromToken(
  raw: string | undefined,
  nowMs = Date.now(),
): Promise<SessionClaims | null> {
  return sessionClaims(await readToken(raw, nowMs));
}

/**
 * The session's user, and whether it is still only allowed to enrol in two-factor: a password sign-in of
 * an account that must use two-factor and had none. Once it has enrolled, the same session is whole.
 */
const sessionUser = cache(
  async (): Promise<{ actor: UserActor; mustEnrol: boolean; sid: string | null } | null> => {
    const jar = await cookies();
    const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
    const token = await readToken(raw, Date.now());
    const claims = sessionClaims(token);
    if (!claims) return null;
    const [actor, isOpen] = await Promise.all([
      actorForSession(claims.uid, claims.sv),
      isSessionOpen(token?.sid, claims.uid),
    ]);
    if (actor?.kind !== "user" || !isOpen) return null;
    const mustEnrol = token?.enrol === true && !(await hasTwoFactor(actor.id));
    return { actor, mustEnrol, sid: typeof token?.sid === "string" ? token.sid : null };
  },
);

/** The recorded session this browser is signed in with, to mark it in "Your account". */
export async function currentSessionId(): Promise<string | null> {
  return (await sessionUser())?.sid ?? null;
}

/** Who is half-way through signing in and must enrol in two-factor first, if that is this session. */
export async function pendingEnrolment(): Promise<{ userId: string; email: string } | null> {
  const user = await sessionUser();
  return user?.mustEnrol && user.actor.kind === "user"
    ? { userId: user.actor.id, email: user.actor.email }
    : null;
}

/**
 * The caller of this request. The role, region scope and disabled flag are read from the database on every
 * request, so disabling a user or changing a role takes effect at once, whatever the cookie says.
 */
export const getCtx = cache(async (): Promise<Ctx> => {
  const [user, headerList] = await Promise.all([sessionUser(), headers()]);
  const address = clientAddressOf(headerList);
  const ip = address === "unknown" ? undefined : address;
  const requestId = headerList.get(REQUEST_ID_HEADER) ?? randomUUID();
  // A session that must still enrol in two-factor is no one, everywhere but the enrolment page.
  const actor = user && !user.mustEnrol ? user.actor : null;
  return { actor, ip, requestId };
});
