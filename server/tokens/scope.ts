import { ROLES, type Role } from "../auth/policy";

// Pure rules of what a token may carry, shared by creation, the owner's changes and authentication.

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isRoleAbove(role: Role, limit: Role): boolean {
  return roleRank(role) > roleRank(limit);
}

/** A scope is a list of region ids, or null for every region. */
export type Scope = readonly string[] | null;

/** The regions both scopes allow; null only when both allow every region. */
export function intersectScopes(a: Scope, b: Scope): string[] | null {
  if (a === null) return b === null ? null : [...b];
  if (b === null) return [...a];
  return a.filter((r) => b.includes(r));
}

/** Whether `inner` lies within `outer`: every region of inner is in outer; "every region" fits only null. */
export function isWithinScope(inner: Scope, outer: Scope): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((r) => outer.includes(r));
}

/** Stored region rows → scope: a token or user without rows acts in every region. */
export function scopeOf(regionIds: readonly string[]): string[] | null {
  return regionIds.length ? [...regionIds].sort() : null;
}

export type TokenStatus = "active" | "expired" | "revoked";

export function statusOf(token: { revokedAt: Date | null; expiresAt: Date }, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}
