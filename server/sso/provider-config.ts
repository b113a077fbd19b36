// The identity providers Orrery offers for single sign-on, as read from ORRERY_OIDC_PROVIDERS (a JSON array).
// Pure: server/env.ts validates the variable with this schema at start-up, so a typo stops the core early.
import { z } from "zod";

export const OidcProviderConfig = z.object({
  // Stored on each SSO user and mapping, and part of the callback URL registered at the IdP.
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "must be 1–32 lowercase letters, digits or dashes")
    .refine((id) => id !== "credentials", "is reserved for password sign-in"),
  name: z.string().trim().min(1).max(60),
  issuer: z.url({ message: "must be the issuer's http(s) URL" }).transform((u) => u.replace(/\/+$/, "")),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z.string().trim().min(1).default("openid email profile groups"),
  // Where the ID token carries the person's groups; a dotted path reaches nested claims (realm_access.roles).
  groupsClaim: z.string().trim().min(1).default("groups"),
});
export type OidcProviderConfig = z.infer<typeof OidcProviderConfig>;

export const OidcProvidersJson = z
  .string()
  .optional()
  .transform((raw, ctx): OidcProviderConfig[] => {
    if (!raw?.trim()) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of providers" });
      return z.NEVER;
    }
    const parsed = z.array(OidcProviderConfig).safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", message: `[${issue.path.join(".")}] ${issue.message}` });
      }
      return z.NEVER;
    }
    const ids = parsed.data.map((p) => p.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) {
      ctx.addIssue({ code: "custom", message: `names the provider id ${twice} twice` });
      return z.NEVER;
    }
    return parsed.data;
  });

/** The groups an ID token names, from a top-level or dotted claim; one string counts as one group. */
export function groupsFromClaims(claims: Record<string, unknown>, claimPath: string): string[] {
  let value: unknown = claims;
  for (const part of claimPath.split(".")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string" && g.length > 0))]
    .map((g) => g.slice(0, 200))
    .slice(0, 500);
}
