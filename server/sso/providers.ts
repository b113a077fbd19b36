import "server-only";
import { env } from "../env";
import type { OidcProviderConfig } from "./provider-config";

export type { OidcProviderConfig };

/** The configured OpenID Connect providers, validated at start-up by server/env.ts. */
export function ssoProviders(): OidcProviderConfig[] {
  return env.ORRERY_OIDC_PROVIDERS;
}

export function ssoProvider(id: string): OidcProviderConfig | undefined {
  return env.ORRERY_OIDC_PROVIDERS.find((p) => p.id === id);
}

/** What the sign-in page and the admin page may show of a provider: never its secret. */
export type SsoProviderView = {
  id: string;
  name: string;
  issuer: string;
  groupsClaim: string;
  scopes: string;
};

export function ssoProviderViews(): SsoProviderView[] {
  return ssoProviders().map(({ id, name, issuer, groupsClaim, scopes }) => ({
    id,
    name,
    issuer,
    groupsClaim,
    scopes,
  }));
}

export const isSsoOnly = () => env.ORRERY_SSO_ONLY === "1";
export const breakGlassEmail = () => env.ORRERY_BREAK_GLASS_EMAIL ?? null;
export const ssoSessionSeconds = () => Math.round(env.ORRERY_SSO_SESSION_HOURS * 3600);
