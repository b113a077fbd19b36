import { createHash, randomBytes } from "node:crypto";

export const AGENT_TOKEN_PREFIX = "orr_agent_";
export const JOIN_TOKEN_PREFIX = "orr_join_";

/** 256 random bits, base64url: 43 characters after the prefix. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Tokens are stored only as this hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function tokenHint(token: string): string {
  return `…${token.slice(-4)}`;
}

export const AGENT_TOKEN_PATTERN = /^orr_agent_[A-Za-z0-9_-]{43}$/;
export const JOIN_TOKEN_PATTERN = /^orr_join_[A-Za-z0-9_-]{43}$/;
