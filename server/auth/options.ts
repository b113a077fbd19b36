import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { authSecret } from "../env";
import { isAppError } from "../errors";
import { clientAddressOf } from "../http/client-address";
import { oidcProviders, type SsoProfile } from "../sso/next-auth-providers";
import { ssoSessionSeconds } from "../sso/providers";
import { completeSsoSignIn } from "../sso/sign-in";
import { signInWithPassword } from "./sign-in";
import { endSessions, sessionClaims } from "./sign-out";
import { endAllUserSessions, openUserSession } from "./user-sessions";

let secret: string | undefined;

/** Refusals whose sentence the sign-in form shows as it is; any other failure reads as a generic one. */
const SHOWN_CODES = new Set(["RATE_LIMITED", "FORBIDDEN", "UNAUTHORIZED"]);

/** What sign-in puts on next-auth's user object for the jwt callback to copy into the session token. */
type SignedInUser = User & { role: string; sv: number; ssoExp?: number; enrol?: boolean };

/** The sign-in request's headers; none when next-auth's callbacks run outside a request (tests, scripts). */
async function requestHeaders(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

/** The refusal page a single sign-on lands on, naming the reason and the groups that were seen. */
function refusedUrl(provider: string, reason: string, groups: string[] = []): string {
  const query = new URLSearchParams({ provider, reason });
  if (groups.length) query.set("groups", groups.slice(0, 30).join("\n").slice(0, 1500));
  return `/login/sso-refused?${query}`;
}

export const authOptions: NextAuthOptions = {
  // Read on first use, not at import: `next build` loads this module without the production secret.
  get secret() {
    secret ??= authSecret();
    return secret;
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // Failed single sign-ons (a tampered state or nonce, an IdP error) come back to the sign-in page.
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        const ip = clientAddressOf(req?.headers);
        try {
          const user = await signInWithPassword(credentials, ip);
          if (!user) return null;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            sv: user.sessionVersion,
            // This session may only enrol in two-factor until it has (server/auth/session.ts).
            ...(user.mustEnrol ? { enrol: true } : {}),
          };
        } catch (error) {
          // next-auth hands an Error's message to the sign-in form as its error code.
          if (isAppError(error) && SHOWN_CODES.has(error.code)) throw new Error(error.message);
          throw error;
        }
      },
    }),
    ...oidcProviders(),
  ],
  events: {
    async signOut({ token }) {
      await endSessions(token);
      const claims = sessionClaims(token);
      if (claims) await endAllUserSessions(claims.uid);
    },
  },
  callbacks: {
    // Every callbackUrl (sign-in and sign-out, query or cookie) lands on a path of this site.
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    async signIn({ user, account }) {
      if (account?.type !== "oauth") return true;
      const profile = user as unknown as SsoProfile;
      const address = clientAddressOf(await requestHeaders());
      const outcome = await completeSsoSignIn(
        { provider: account.provider, subject: profile.id, ...profile },
        address === "unknown" ? undefined : address,
      );
      if (!outcome.isAllowed) {
        return refusedUrl(account.provider, outcome.reason, "groups" in outcome ? outcome.groups : []);
      }
      // Without a database adapter next-auth hands this same object to the jwt callback: it now names the
      // Orrery account instead of the IdP's subject.
      const signedIn: Partial<SignedInUser> = {
        id: outcome.userId,
        role: outcome.role,
        sv: outcome.sessionVersion,
        ssoExp: Math.floor(Date.now() / 1000) + ssoSessionSeconds(),
      };
      Object.assign(user, signedIn);
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        const u = user as SignedInUser;
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sv;
        if (u.ssoExp) token.ssoExp = u.ssoExp;
        if (u.enrol) token.enrol = true;
        // One row per signed-in browser, for "Your account"; ending it ends this session.
        const request = await requestHeaders();
        const address = clientAddressOf(request);
        token.sid = await openUserSession({
          userId: u.id,
          userAgent: request.get("user-agent") ?? "",
          ip: address === "unknown" ? undefined : address,
        });
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid, role: token.role } };
    },
  },
};
