import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { isSqlite, rawPgPool, rawSqlite } from "../db-raw";
import { AppError } from "../errors";
import { activateRotatedCredential } from "./rotation";
import { AGENT_TOKEN_PATTERN, hashToken } from "./tokens";

export type AgentIdentity = {
  credentialId: string;
  satelliteId: string;
  slug: string;
  regionId: string;
  intervalSec: number;
  expiresAt: number | null;
};

// Heartbeats come thousands a second: a verified token is remembered briefly. A revocation evicts the
// satellite's entries in the process that made it; other replicas notice within CACHE_MS (a shared
// invalidation channel would close that window). One map per process: a revocation made by a server action
// in Next's bundle must reach the machine path's cache.
const CACHE_MS = 5_000;
type CacheEntry = { identity: AgentIdentity; until: number };
const cache = processSingleton("agent-token-cache", () => new Map<string, CacheEntry>());

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** UNAUTHORIZED for a missing, malformed, unknown, expired or revoked token, or a decommissioned satellite. */
export async function authenticateAgent(token: string | null, now = new Date()): Promise<AgentIdentity> {
  if (!token || !AGENT_TOKEN_PATTERN.test(token)) {
    throw new AppError(
      "UNAUTHORIZED",
      "Missing or malformed agent token: send Authorization: Bearer orr_agent_…",
    );
  }
  const hash = hashToken(token);
  const hit = cache.get(hash);
  if (
    hit &&
    hit.until > now.getTime() &&
    (hit.identity.expiresAt === null || hit.identity.expiresAt > now.getTime())
  ) {
    return hit.identity;
  }
  const row = await lookup(hash);
  const expiresAt = row?.expiresAt ? new Date(row.expiresAt).getTime() : null;
  const isValid =
    row &&
    !row.revokedAt &&
    (expiresAt === null || expiresAt > now.getTime()) &&
    row.lifecycle !== "decommissioned";
  if (!isValid) {
    cache.delete(hash);
    throw new AppError("UNAUTHORIZED", "Unknown or revoked agent token.");
  }
  if (row.rotationCommandId && !row.lastUsedAt) {
    await activateRotatedCredential(
      {
        id: row.id,
        satelliteId: row.satelliteId,
        slug: row.slug,
        tokenHint: row.tokenHint,
        rotationCommandId: row.rotationCommandId,
      },
      now,
    );
  }
  const identity: AgentIdentity = {
    credentialId: row.id,
    satelliteId: row.satelliteId,
    slug: row.slug,
    regionId: row.regionId,
    intervalSec: Number(row.heartbeatIntervalSec),
    expiresAt,
  };
  cache.set(hash, { identity, until: now.getTime() + CACHE_MS });
  if (cache.size > 100_000) cache.delete(cache.keys().next().value as string);
  return identity;
}

export function forgetAgentTokens(): void {
  cache.clear();
}

/** Evicts one satellite's cached tokens: call after revoking them, so this process refuses them at once. */
export function forgetSatelliteTokens(satelliteId: string): void {
  for (const [hash, hit] of cache) if (hit.identity.satelliteId === satelliteId) cache.delete(hash);
}

type CredentialRow = {
  id: string;
  satelliteId: string;
  expiresAt: string | Date | null;
  revokedAt: string | Date | null;
  lastUsedAt: string | Date | null;
  rotationCommandId: string | null;
  tokenHint: string;
  slug: string;
  regionId: string;
  heartbeatIntervalSec: number;
  lifecycle: string;
};

const LOOKUP = `SELECT c."id", c."satelliteId", c."expiresAt", c."revokedAt", c."lastUsedAt", c."rotationCommandId", c."tokenHint", s."slug", s."regionId", s."heartbeatIntervalSec", s."lifecycle"
  FROM "AgentCredential" c JOIN "Satellite" s ON s."id" = c."satelliteId" WHERE c."tokenHash" = `;

// On the hot path, through the driver: one indexed lookup, no ORM round trip.
let sqliteLookup: ReturnType<ReturnType<typeof rawSqlite>["prepare"]> | null = null;
async function lookup(hash: string): Promise<CredentialRow | undefined> {
  if (isSqlite) {
    sqliteLookup ??= rawSqlite().prepare(`${LOOKUP}?`);
    return sqliteLookup.get(hash) as CredentialRow | undefined;
  }
  const { rows } = await rawPgPool().query<CredentialRow>(`${LOOKUP}$1`, [hash]);
  return rows[0];
}
