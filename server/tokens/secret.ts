import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Every API token starts with this, so secret scanners and the API's dispatcher recognise one. */
export const API_TOKEN_PREFIX = "orr_";
const BODY_LENGTH = 40;
/** How much of the secret is kept in clear to find its row and to name it in lists and the audit log. */
export const PREFIX_LENGTH = 12;
export const API_TOKEN_PATTERN = /^orr_[0-9A-Za-z]{40}$/;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `orr_` and 40 base62 characters (about 238 random bits), each drawn without modulo bias. */
export function newApiTokenSecret(): string {
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(64)) {
      // 248 = 4 × 62: bytes above it would favour the first characters.
      if (byte < 248 && body.length < BODY_LENGTH) body += BASE62[byte % 62];
    }
  }
  return API_TOKEN_PREFIX + body;
}

/** The stored hash of the whole secret, hex. */
export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function prefixOf(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

/** Compares hashes in constant time, so a wrong secret with a right prefix leaks nothing by its timing. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiTokenSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** How a token is named in the audit log and messages: `ci-deploy (orr_ab12cd34)`. */
export function tokenLabel(token: { name: string; prefix: string }): string {
  return `${token.name} (${token.prefix})`;
}
