import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { groupsFromClaims, type OidcProviderConfig } from "./provider-config";
import { ssoProviders } from "./providers";

/** What a provider's profile step hands the sign-in callback: the IdP's subject and the groups it named. */
export type SsoProfile = { id: string; email: string; name: string; groups: string[] };

type Claims = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * One OpenID Connect provider through next-auth's generic OAuth support: discovery, the authorization code
 * flow with PKCE, state and nonce, and the ID token verified by next-auth's OIDC client. No OAuth by hand.
 */
function oidcProvider(p: OidcProviderConfig): OAuthConfig<Claims> {
  return {
    id: p.id,
    name: p.name,
    type: "oauth",
    wellKnown: `${p.issuer}/.well-known/openid-configuration`,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    authorization: { params: { scope: p.scopes } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    httpOptions: { timeout: 10_000 },
    profile(claims): SsoProfile {
      const email = text(claims.email) || text(claims.preferred_username);
      return {
        id: text(claims.sub),
        email: email.includes("@") ? email : "",
        name: text(claims.name) || email,
        groups: groupsFromClaims(claims, p.groupsClaim),
      };
    },
  };
}

export function oidcProviders(): OAuthConfig<Claims>[] {
  return ssoProviders().map(oidcProvider);
}
