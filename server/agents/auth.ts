import "server-only";
import { bus, publish, type Bus } from "../bus";
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

// Heartbeats come thousands a second: a verified token is remembered briefly. A revocation anywhere goes over
// the bus (agent.revoked, server/bus) and evicts in every process at once; CACHE_MS bounds the rest (a change
// made while the bus was down, which the resync after reconnecting also clears). One cache per process: a
// revocation made by a server action in Next's bundle must reach the machine path's cache.
const CACHE_MS = 5_000;
type CacheEntry = { identity: AgentIdentity; until: number };

/** Verified tokens by hash. A second instance (with a bus of its own) stands in for another process in tests. */
export class AgentTokenCache {
  readonly entries = new Map<string, CacheEntry>();
  /**
   * Counts evictions: a lookup that read its row before a revocation arrived must not cache what it read, so
   * it caches only when no eviction happened while it read.
   */
  generation = 0;

  constructor(channel: Pick<Bus, "subscribe" | "onResync">) {
    channel.subscribe("agent.revoked", ({ satelliteId, credentialId }) => {
      if (!satelliteId && !credentialId) return this.clear();
      this.evict((i) => i.satelliteId === satelliteId || i.credentialId === credentialId);
    });
    // An identity carries its satellite's slug, region and interval: an edited satellite is read again.
    channel.subscribe("fleet.changed", ({ satelliteIds }) => {
      if (!satelliteIds) return this.clear();
      const ids = new Set(satelliteIds);
      this.evict((i) => ids.has(i.satelliteId));
    });
    channel.onResync(() => this.clear());
  }

  private evict(matches: (identity: AgentIdentity) => boolean): void {
    this.generation++;
    for (const [hash, hit] of this.entries) if (matches(hit.identity)) this.entries.delete(hash);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const defaultCache = () => processSingleton("cache.agent-tokens", () => new AgentTokenCache(bus()));

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** UNAUTHORIZED for a missing, malformed, unknown, expired or revoked token, or a decommissioned satellite. */
export async function authenticateAgent(
  token: string | null,
  now = new Date(),
  tokens = defaultCache(),
): Promise<AgentIdentity> {
  const cache = tokens.entries;
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
  const generation = tokens.generation;
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
  // A rotated token's first use. When another call claimed it first, or it was revoked meanwhile (its command
  // settled), it is not cached: the next request reads the row again.
  let isCacheable = true;
  if (row.rotationCommandId && !row.lastUsedAt) {
    isCacheable = await activateRotatedCredential(
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
  if (isCacheable && tokens.generation === generation) {
    cache.set(hash, { identity, until: now.getTime() + CACHE_MS });
  }
  if (cache.size > 100_000) cache.delete(cache.keys().next().value as string);
  return identity;
}

/** Forgets every token this process remembers (tests). */
export function forgetAgentTokens(): void {
  defaultCache().clear();
}

/**
 * After a satellite's tokens were revoked (committed): every process, this one at once, stops accepting them
 * from its cache, and the next use reads the row again.
 */
export function forgetSatelliteTokens(satelliteId: string): void {
  publish({ type: "agent.revoked", satelliteId });
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
