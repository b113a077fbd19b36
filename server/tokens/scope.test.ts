import { describe, expect, it } from "vitest";
import { reasonToRevoke } from "./owner-changes";
import { intersectScopes, isRoleAbove, isWithinScope, statusOf } from "./scope";
import { API_TOKEN_PATTERN, hashApiTokenSecret, newApiTokenSecret, prefixOf, secretMatches } from "./secret";

describe("scopes", () => {
  it("intersects, with null as every region", () => {
    expect(intersectScopes(null, null)).toBeNull();
    expect(intersectScopes(null, ["a"])).toEqual(["a"]);
    expect(intersectScopes(["a", "b"], null)).toEqual(["a", "b"]);
    expect(intersectScopes(["a", "b"], ["b", "c"])).toEqual(["b"]);
  });

  it("fits every region only inside every region", () => {
    expect(isWithinScope(null, null)).toBe(true);
    expect(isWithinScope(null, ["a"])).toBe(false);
    expect(isWithinScope(["a"], ["a", "b"])).toBe(true);
    expect(isWithinScope(["a", "c"], ["a", "b"])).toBe(false);
  });

  it("orders roles viewer < operator < admin", () => {
    expect(isRoleAbove("admin", "operator")).toBe(true);
    expect(isRoleAbove("operator", "operator")).toBe(false);
    expect(isRoleAbove("viewer", "admin")).toBe(false);
  });

  it("words why an owner's change revokes a token", () => {
    const owner = { id: "u", email: "e", isDisabled: false as const, role: "viewer" as const, scope: ["a"] };
    expect(reasonToRevoke({ id: "u", email: "e", isDisabled: true }, "viewer", ["a"])).toBe("owner disabled");
    expect(reasonToRevoke(owner, "operator", ["a"])).toBe("owner's role lowered to viewer");
    expect(reasonToRevoke(owner, "viewer", null)).toBe("owner's scope narrowed to a");
    expect(reasonToRevoke(owner, "viewer", ["a"])).toBeNull();
  });

  it("says whether a token is active, expired or revoked", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(statusOf({ revokedAt: null, expiresAt: new Date("2026-02-01") }, now)).toBe("active");
    expect(statusOf({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(statusOf({ revokedAt: now, expiresAt: new Date("2026-02-01") }, now)).toBe("revoked");
  });
});

describe("secrets", () => {
  it("are orr_ and 40 base62 characters, found by a 12-character prefix", () => {
    const secrets = new Set(Array.from({ length: 200 }, newApiTokenSecret));
    expect(secrets.size).toBe(200);
    for (const s of secrets) expect(s).toMatch(API_TOKEN_PATTERN);
    const one = newApiTokenSecret();
    expect(prefixOf(one)).toBe(one.slice(0, 12));
    expect(secretMatches(one, hashApiTokenSecret(one))).toBe(true);
    expect(secretMatches(`${one}x`, hashApiTokenSecret(one))).toBe(false);
    expect(secretMatches(one, "not-hex")).toBe(false);
  });
});
