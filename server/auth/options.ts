import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { authSecret } from "../env";
import { isAppError } from "../errors";
import { clientAddressOf } from "../http/client-address";
import { signInWithPassword } from "./sign-in";
import { endSessions } from "./sign-out";

let secret: string | undefined;

export const authOptions: NextAuthOptions = {
  // Read on first use, not at import: `next build` loads this module without the production secret.
  get secret() {
    secret ??= authSecret();
    return secret;
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
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
          };
        } catch (error) {
          // next-auth hands an Error's message to the sign-in form as its error code.
          if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      await endSessions(token);
    },
  },
  callbacks: {
    // Every callbackUrl (sign-in and sign-out, query or cookie) lands on a path of this site.
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { role: string; sv: number };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sv;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid, role: token.role } };
    },
  },
};
