import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { authSecret, env } from "../env";

// Two-factor secrets are encrypted at rest with AES-256-GCM, the key derived (HKDF-SHA256) from
// ORRERY_ENCRYPTION_KEY or, unset, the session secret. Changing that key makes stored secrets unreadable:
// those users then need an admin to reset their two-factor.
let keys: { secret: Buffer; codes: Buffer } | undefined;

function keysOf() {
  if (!keys) {
    const ikm = env.ORRERY_ENCRYPTION_KEY ?? authSecret();
    const derive = (info: string) => Buffer.from(hkdfSync("sha256", ikm, "orrery-two-factor", info, 32));
    keys = { secret: derive("totp-secret"), codes: derive("recovery-codes") };
  }
  return keys;
}

const VERSION = "v1";

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keysOf().secret, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret, or null when it was sealed with another key or altered. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keysOf().secret, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

/**
 * Recovery codes are stored as a keyed hash: they are random enough that no salt is needed, and the key
 * keeps a copied database from being searched for them.
 */
export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return createHmac("sha256", keysOf().codes).update(normal).digest("hex");
}
