import "server-only";
import { randomUUID } from "node:crypto";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { actorForSession } from "../users/users";
import { clientAddressOf } from "../http/client-address";
import { REQUEST_ID_HEADER } from "../http/headers";
import type { Ctx } from "./context";
import { authOptions } from "./options";
import { sessionClaims, type SessionClaims } from "./sign-out";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** Reads the session's claims from next-auth's JWT cookie; anything unreadable is no session. */
export async function claimsFromToken(raw: string | undefined): Promise<SessionClaims | null> {
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authOptions.secret ?? "" }).catch(() => null);
  return sessionClaims(token);
}

/**
 * The caller of this request. The role, region scope and disabled flag are read from the database on every
 * request, so disabling a user or changing a role takes effect at once, whatever the cookie says.
 */
export const getCtx = cache(async (): Promise<Ctx> => {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  const address = clientAddressOf(headerList);
  const ip = address === "unknown" ? undefined : address;
  const requestId = headerList.get(REQUEST_ID_HEADER) ?? randomUUID();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const claims = await claimsFromToken(raw);
  const actor = claims ? await actorForSession(claims.uid, claims.sv) : null;
  return { actor, ip, requestId };
});
