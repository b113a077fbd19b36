import { env, publicUrl } from "../env";

// The headers every answer carries, whichever layer answers it: Next's proxy (pages), route() (JSON and CSV)
// and the machine path (agents, public status). No "server-only" marker: proxy.ts imports this module too.

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";
export const HSTS = "max-age=31536000; includeSubDomains";

/** Answers that are data, never documents: nothing may load from them, nothing may frame them. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The origin of MAP_STYLE_URL, whose tiles, glyphs and sprites the map and its worker fetch. */
function mapOrigin(): string {
  if (!env.MAP_STYLE_URL) return "";
  return ` ${new URL(env.MAP_STYLE_URL).origin}`;
}

/**
 * A console or public page's policy. Next puts the nonce on its own scripts and chunks ('strict-dynamic'
 * trusts what they load). Styles allow inline: React renders style attributes, which nonces cannot cover.
 * maplibre's worker is a module served from /api/v1/map/worker; blob: is its fallback.
 */
export function pagePolicy(
  nonce: string,
  opts: { isDev?: boolean; allowRemoteImages?: boolean } = {},
): string {
  const map = mapOrigin();
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // A public status page may show a logo from anywhere its admin chose.
    `img-src 'self' data: blob:${map}${opts.allowRemoteImages ? " https:" : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${map}`,
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy of an answer that is not a page (JSON, CSV, the map's worker script). A worker runs under the
 * policy of its own script's answer, so this one still lets the map's worker fetch the basemap and tiles.
 */
export function resourcePolicy(): string {
  const map = mapOrigin();
  return [
    "default-src 'self'",
    `connect-src 'self'${map}`,
    `img-src 'self' data: blob:${map}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

let base: Readonly<Record<string, string>> | undefined;

/**
 * Transport-level headers on every answer; HSTS only when Orrery is configured to be reached over https.
 * The environment is fixed at start, so they are built once: every heartbeat answer carries them.
 */
export function baseSecurityHeaders(): Readonly<Record<string, string>> {
  base ??= Object.freeze({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(publicUrl().startsWith("https:") ? { "Strict-Transport-Security": HSTS } : {}),
  });
  return base;
}
