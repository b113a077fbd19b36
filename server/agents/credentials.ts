import "server-only";
import { z } from "zod";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { validationError } from "../errors";

export type AgentCredentialView = {
  id: string;
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Minted by an agent.rotate-credentials delivery and not used yet. */
  isPendingRotation: boolean;
  status: "active" | "expiring" | "expired" | "revoked";
};

const ListCredentialsInput = z.object({ satelliteId: z.string().trim().min(1, "is required").max(40) });

/** A satellite's agent tokens, newest first, by hint only: for its admin page. */
export async function listAgentCredentials(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<AgentCredentialView[]> {
  authorize(ctx, "satellites.write");
  const parsed = ListCredentialsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const rows = await db.agentCredential.findMany({
    where: { satelliteId: parsed.data.satelliteId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
  });
  return rows.map((r) => ({
    id: r.id,
    hint: r.tokenHint,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    isPendingRotation: !!r.rotationCommandId && !r.lastUsedAt && !r.revokedAt,
    status: r.revokedAt
      ? "revoked"
      : r.expiresAt && r.expiresAt <= now
        ? "expired"
        : r.expiresAt
          ? "expiring"
          : "active",
  }));
}
