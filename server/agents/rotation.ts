import "server-only";
import { recordAudit } from "../audit";
import { transaction, type Tx } from "../db";
import type { DeliveredCommand } from "../ingest/types";
import type { AgentIdentity } from "./auth";
import { AGENT_TOKEN_PREFIX, hashToken, newToken, tokenHint } from "./tokens";

export const ROTATE_COMMAND = "agent.rotate-credentials";
/** How long a satellite's earlier tokens keep working once its agent uses a rotated one. */
export const ROTATION_GRACE_MS = 10 * 60_000;

const agentActor = (agent: { satelliteId: string; slug: string }) => ({
  type: "agent" as const,
  id: agent.satelliteId,
  label: agent.slug,
});

/**
 * Mints a token for one delivery of a rotate command and puts it in the delivered payload. Each redelivery
 * mints another, since the answer carrying the earlier one may have been lost; nothing else changes until
 * the agent first uses one of them (see activateRotatedCredential), so the agent always keeps a working token.
 */
export async function withRotatedToken(
  agent: AgentIdentity,
  command: DeliveredCommand,
  now = new Date(),
): Promise<DeliveredCommand> {
  const token = newToken(AGENT_TOKEN_PREFIX);
  const hint = tokenHint(token);
  await transaction(async (tx) => {
    await tx.agentCredential.create({
      data: {
        satelliteId: agent.satelliteId,
        tokenHash: hashToken(token),
        tokenHint: hint,
        rotationCommandId: command.id,
        createdAt: now,
      },
    });
    await recordAudit(tx, agentActor(agent), {
      action: "agent.credentials.issue",
      targetType: "satellite",
      targetId: agent.satelliteId,
      summary: `Issued agent token ${hint} to ${agent.slug} with command ${command.id}; the current token works until the new one is first used, then for ${ROTATION_GRACE_MS / 60_000} more minutes`,
      data: { commandId: command.id, tokenHint: hint },
    });
  });
  const payload = typeof command.payload === "object" && command.payload !== null ? command.payload : {};
  return { ...command, payload: { ...payload, agentToken: token } };
}

export type PendingCredential = {
  id: string;
  satelliteId: string;
  slug: string;
  tokenHint: string;
  rotationCommandId: string;
};

/**
 * The first use of a rotated token: the satellite's other live tokens (the one it replaces, and tokens minted
 * by other deliveries) expire ROTATION_GRACE_MS from now. Returns false when a concurrent call did it first.
 */
export async function activateRotatedCredential(cred: PendingCredential, now: Date): Promise<boolean> {
  return transaction(async (tx) => {
    const claimed = await tx.agentCredential.updateMany({
      where: { id: cred.id, lastUsedAt: null, revokedAt: null },
      data: { lastUsedAt: now },
    });
    if (claimed.count === 0) return false;
    const until = new Date(now.getTime() + ROTATION_GRACE_MS);
    const others = await tx.agentCredential.findMany({
      where: {
        satelliteId: cred.satelliteId,
        id: { not: cred.id },
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: until } }],
      },
      select: { id: true, tokenHint: true },
    });
    await tx.agentCredential.updateMany({
      where: { id: { in: others.map((o) => o.id) } },
      data: { expiresAt: until },
    });
    const actor = agentActor(cred);
    await recordAudit(tx, actor, {
      action: "agent.credentials.rotate",
      targetType: "satellite",
      targetId: cred.satelliteId,
      summary: `${cred.slug} switched to agent token ${cred.tokenHint} (command ${cred.rotationCommandId})`,
      data: { commandId: cred.rotationCommandId, tokenHint: cred.tokenHint },
    });
    for (const old of others) {
      await recordAudit(tx, actor, {
        action: "agent.credential.expire",
        targetType: "satellite",
        targetId: cred.satelliteId,
        summary: `Agent token ${old.tokenHint} of ${cred.slug} stops working at ${until.toISOString()}: replaced by ${cred.tokenHint}`,
        data: { credentialId: old.id, tokenHint: old.tokenHint, expiresAt: until.toISOString() },
      });
    }
    return true;
  });
}

// Neither settleRotation nor retireUnusedRotationTokens tells the bus (agent.revoked): the tokens they revoke
// were never used, and a token is cached only after its first use succeeded (server/agents/auth.ts), so no
// process holds them. Likewise the grace expiry set on first use is minutes away, beyond the cache's 5 s.

/**
 * A rotate command reached a final state: the tokens its deliveries minted that nobody used are revoked, as
 * the agent now holds the token it acked with (or, after a failure, the one it had).
 */
export async function settleRotation(
  tx: Tx,
  agent: AgentIdentity,
  commandId: string,
  now: Date,
): Promise<number> {
  const { count } = await tx.agentCredential.updateMany({
    where: {
      satelliteId: agent.satelliteId,
      rotationCommandId: commandId,
      lastUsedAt: null,
      revokedAt: null,
      id: { not: agent.credentialId },
    },
    data: { revokedAt: now },
  });
  return count;
}

/**
 * Rotate commands that ended without the agent's ack (expired, or undeliverable after every delivery) leave
 * the tokens their deliveries minted unused: revoke them, so no credential outlives the command that made it.
 */
export async function retireUnusedRotationTokens(
  tx: Tx,
  commandIds: readonly string[],
  now: Date,
): Promise<number> {
  if (commandIds.length === 0) return 0;
  const unused = await tx.agentCredential.findMany({
    where: { rotationCommandId: { in: [...commandIds] }, lastUsedAt: null, revokedAt: null },
    select: {
      id: true,
      tokenHint: true,
      rotationCommandId: true,
      satellite: { select: { id: true, slug: true } },
    },
  });
  if (unused.length === 0) return 0;
  await tx.agentCredential.updateMany({
    where: { id: { in: unused.map((c) => c.id) }, lastUsedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  for (const c of unused) {
    await recordAudit(
      tx,
      { type: "system", label: "reconciler" },
      {
        action: "agent.credential.expire",
        targetType: "satellite",
        targetId: c.satellite.id,
        summary: `Revoked agent token ${c.tokenHint} of ${c.satellite.slug}, never used: its rotate command ${c.rotationCommandId} ended without an ack`,
        data: { commandId: c.rotationCommandId, tokenHint: c.tokenHint },
      },
    );
  }
  return unused.length;
}
