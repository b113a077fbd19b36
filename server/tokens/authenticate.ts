import "server-only";
import type { ApiTokenActor } from "../auth/actor";
import type { Role } from "../auth/policy";
import { db, transaction } from "../db";
import { isSqlite, rawPgPool, rawSqlite } from "../db-raw";
import { logError } from "../log";
import { revokeTokensBeyondOwner } from "./owner-changes";
import { intersectScopes, isRoleAbove, scopeOf } from "./scope";
import { API_TOKEN_PATTERN, prefixOf, secretMatches, tokenLabel } from "./secret";

/** lastUsedAt/lastUsedIp are written at most this often per token: a busy token costs one write a minute. */
export const LAST_USED_EVERY_MS = 60_000;

/**
 * The actor an `Authorization: Bearer orr_…` secret stands for, or null when it is unknown, wrong, revoked,
 * expired, or its owner is disabled. Nothing is cached: a revocation takes effect on the next request, on
 * every process. A token whose role is now above its owner's is revoked here too (the owner was demoted
 * by a path that did not revoke it). The actor acts with the token's role, within the regions both the
 * token and its owner may act in now.
 */
export async function authenticateApiToken(
  secret: string,
  ip?: string,
  now = new Date(),
): Promise<ApiTokenActor | null> {
  if (!API_TOKEN_PATTERN.test(secret)) return null;
  const row = await lookup(prefixOf(secret));
  if (!row || !secretMatches(secret, row.secretHash)) return null;
  if (row.revokedAt || new Date(row.expiresAt) <= now || row.ownerDisabledAt) return null;
  const token = { id: row.id, name: row.name, prefix: row.prefix };
  if (isRoleAbove(row.role, row.ownerRole)) {
    await revokeDemoted(row.userId, row.ownerEmail, now);
    return null;
  }
  const lastUsedAt = row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
  if (now.getTime() - lastUsedAt >= LAST_USED_EVERY_MS) await recordUse(row.id, ip, now);
  return {
    kind: "apiToken",
    id: row.id,
    name: tokenLabel(token),
    userId: row.userId,
    role: row.role,
    regionIds: intersectScopes(regionsOf(row.tokenRegions), regionsOf(row.ownerRegions)),
  };
}

/** Conditional, so replicas racing on one token write once; a failed write never refuses the caller. */
async function recordUse(id: string, ip: string | undefined, now: Date): Promise<void> {
  try {
    await db.apiToken.updateMany({
      where: {
        id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_EVERY_MS) } }],
      },
      data: { lastUsedAt: now, lastUsedIp: ip ?? null },
    });
  } catch (error) {
    logError("recording an API token's use failed", error, { tokenId: id });
  }
}

async function revokeDemoted(userId: string, email: string, now: Date): Promise<void> {
  await transaction(async (tx) => {
    const owner = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, disabledAt: true, regionScope: { select: { regionId: true } } },
    });
    if (!owner) return;
    const state = owner.disabledAt
      ? { id: userId, email, isDisabled: true as const }
      : {
          id: userId,
          email,
          isDisabled: false as const,
          role: owner.role,
          scope: scopeOf(owner.regionScope.map((r) => r.regionId)),
        };
    await revokeTokensBeyondOwner(tx, { type: "system", label: "API token check" }, state, now);
  });
}

const regionsOf = (list: string | null) => scopeOf(list ? list.split(",") : []);

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  userId: string;
  role: Role;
  expiresAt: string | Date;
  lastUsedAt: string | Date | null;
  revokedAt: string | Date | null;
  ownerEmail: string;
  ownerRole: Role;
  ownerDisabledAt: string | Date | null;
  tokenRegions: string | null;
  ownerRegions: string | null;
};

// One statement by the unique prefix (both region lists by their primary keys), through the driver.
const lookupSql = (agg: (column: string) => string, param: string) =>
  `SELECT t."id", t."name", t."prefix", t."secretHash", t."userId", t."role", t."expiresAt", t."lastUsedAt", t."revokedAt",
    u."email" AS "ownerEmail", u."role" AS "ownerRole", u."disabledAt" AS "ownerDisabledAt",
    (SELECT ${agg(`r."regionId"`)} FROM "ApiTokenRegion" r WHERE r."tokenId" = t."id") AS "tokenRegions",
    (SELECT ${agg(`r."regionId"`)} FROM "UserRegion" r WHERE r."userId" = t."userId") AS "ownerRegions"
  FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."prefix" = ${param}`;

let sqliteLookup: ReturnType<ReturnType<typeof rawSqlite>["prepare"]> | null = null;
async function lookup(prefix: string): Promise<TokenRow | undefined> {
  if (isSqlite) {
    sqliteLookup ??= rawSqlite().prepare(lookupSql((c) => `group_concat(${c}, ',')`, "?"));
    return sqliteLookup.get(prefix) as TokenRow | undefined;
  }
  const sql = lookupSql((c) => `string_agg(${c}, ',')`, "$1");
  const { rows } = await rawPgPool().query<TokenRow>(sql, [prefix]);
  return rows[0];
}
