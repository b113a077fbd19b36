import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { AGENT_TOKEN_PATTERN, hashToken } from "./tokens";

export type AgentIdentity = {
  credentialId: string;
  satelliteId: string;
  slug: string;
  regionId: string;
  intervalSec: number;
  expiresAt: number | null;
};

// Heartbeats come thousands a second: a verified token is remembered briefly. Revocation (decommission,
// rotation) therefore takes effect within CACHE_MS on this process.
const CACHE_MS = 5_000;
const cache = new Map<string, { identity: AgentIdentity; until: number }>();

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
  const credential = await db.agentCredential.findUnique({
    where: { tokenHash: hash },
    include: {
      satellite: { select: { slug: true, regionId: true, heartbeatIntervalSec: true, lifecycle: true } },
    },
  });
  const isValid =
    credential &&
    !credential.revokedAt &&
    (!credential.expiresAt || credential.expiresAt > now) &&
    credential.satellite.lifecycle !== "decommissioned";
  if (!isValid) {
    cache.delete(hash);
    throw new AppError("UNAUTHORIZED", "Unknown or revoked agent token.");
  }
  const identity: AgentIdentity = {
    credentialId: credential.id,
    satelliteId: credential.satelliteId,
    slug: credential.satellite.slug,
    regionId: credential.satellite.regionId,
    intervalSec: credential.satellite.heartbeatIntervalSec,
    expiresAt: credential.expiresAt?.getTime() ?? null,
  };
  cache.set(hash, { identity, until: now.getTime() + CACHE_MS });
  if (cache.size > 100_000) cache.delete(cache.keys().next().value as string);
  return identity;
}

export function forgetAgentTokens(): void {
  cache.clear();
}
