import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret, env, publicUrl } from "../env";

// A subscriber's links carry a signed token instead of a stored one: `<purpose>.<id>.<expiry>.<mac>`. The key
// comes from the same secret that seals two-factor and webhook secrets, under its own HKDF label.

export type LinkPurpose = "confirm" | "manage";
/** A confirmation link works for two days; a manage link (and so unsubscribe) as long as the subscription. */
export const CONFIRM_TTL_SEC = 2 * 86_400;
const NEVER = 0;

let key: Buffer | undefined;
function keyOf(): Buffer {
  key ??= Buffer.from(
    hkdfSync("sha256", env.ORRERY_ENCRYPTION_KEY ?? authSecret(), "orrery-subscribers", "links", 32),
  );
  return key;
}

const macOf = (text: string) => createHmac("sha256", keyOf()).update(text).digest("base64url");

export function signLink(purpose: LinkPurpose, subscriberId: string, now = new Date()): string {
  const expires = purpose === "confirm" ? Math.floor(now.getTime() / 1000) + CONFIRM_TTL_SEC : NEVER;
  const text = `${purpose}.${subscriberId}.${expires}`;
  return `${text}.${macOf(text)}`;
}

/** The subscriber id a token names, or null when it is altered, for another purpose, or expired. */
export function readLink(token: unknown, purpose: LinkPurpose, now = new Date()): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [p, id, expires, mac] = token.split(".");
  if (p !== purpose || !id || !/^[a-z0-9]{8,40}$/.test(id) || !/^\d+$/.test(expires ?? "") || !mac)
    return null;
  const want = Buffer.from(macOf(`${p}.${id}.${expires}`));
  const given = Buffer.from(mac);
  if (want.length !== given.length || !timingSafeEqual(want, given)) return null;
  const exp = Number(expires);
  if (exp !== NEVER && now.getTime() / 1000 > exp) return null;
  return id;
}

/** Absolute links from configuration, never from a request's Host header. */
export function subscriberUrls(slug: string, subscriberId: string, now = new Date()) {
  const base = `${publicUrl()}/status/${slug}`;
  const manage = encodeURIComponent(signLink("manage", subscriberId, now));
  return {
    page: base,
    confirm: `${base}/subscription/confirm?token=${encodeURIComponent(signLink("confirm", subscriberId, now))}`,
    manage: `${base}/subscription?token=${manage}`,
    unsubscribe: `${base}/subscription/unsubscribe?token=${manage}`,
    // The page's subscribe section, which explains how to verify a delivery (docs/subscribers.md).
    documentation: `${base}#subscribe`,
  };
}
