import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { forgetSatelliteTokens } from "./auth";
import { createJoinTokenUnchecked, Duration } from "./join-tokens";

export const RevokeCredentialsInput = z.object({
  satelliteId: z.string({ error: "is required" }).trim().min(1, "is required").max(40),
  reason: z
    .string({ error: "is required" })
    .trim()
    .min(3, "say why, in a few words")
    .max(500, "must be at most 500 characters"),
  // How long the new join token may wait for the agent; short, since it can take over the satellite.
  expiresIn: z.preprocess(
    (v) => (v === "" ? undefined : v),
    Duration.default(24 * 3_600_000).refine((ms) => ms <= 30 * 86_400_000, "must be at most 30 days"),
  ),
});
export type RevokeCredentialsInput = z.input<typeof RevokeCredentialsInput>;

export type RevokedCredentials = {
  satelliteId: string;
  slug: string;
  revokedTokens: number;
  /** Single use, bound to this satellite: shown this once. */
  joinToken: { id: string; token: string; expiresAt: string };
};

/**
 * Stops every agent token of a satellite at once (a stolen or leaked token), withdraws the join tokens still
 * bound to it, and hands out one new bound join token to enroll its agent again. Admins only.
 */
export async function revokeAgentCredentials(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<RevokedCredentials> {
  authorize(ctx, "satellites.write");
  authorize(ctx, "tokens.manage");
  const parsed = RevokeCredentialsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { satelliteId, reason, expiresIn } = parsed.data;
  const result = await transaction(async (tx) => {
    const satellite = await tx.satellite.findUnique({
      where: { id: satelliteId },
      select: { id: true, slug: true, lifecycle: true },
    });
    if (!satellite) {
      throw new AppError("NOT_FOUND", "No such satellite.", { fields: { satelliteId: "no such satellite" } });
    }
    if (satellite.lifecycle === "decommissioned") {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${satellite.slug} is decommissioned: it cannot enroll again.`,
      );
    }
    const revoked = await tx.agentCredential.updateMany({
      where: { satelliteId, revokedAt: null },
      data: { revokedAt: now },
    });
    const withdrawn = await tx.joinToken.updateMany({
      where: { satelliteId, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAudit(tx, ctx, {
      action: "agent.credentials.revoke",
      targetType: "satellite",
      targetId: satelliteId,
      summary: `Revoked ${revoked.count} agent token(s) and ${withdrawn.count} bound join token(s) of ${satellite.slug}: ${reason}`,
      data: { reason, revokedTokens: revoked.count, withdrawnJoinTokens: withdrawn.count },
    });
    const joinToken = await createJoinTokenUnchecked(
      tx,
      ctx,
      {
        uses: 1,
        expiresIn: `${Math.round(expiresIn / 60_000)}m`,
        satelliteId,
        note: `re-enroll ${satellite.slug} after revoking its credentials`,
      },
      now,
    );
    return { satelliteId, slug: satellite.slug, revokedTokens: revoked.count, joinToken };
  });
  // Committed: every process (every replica, over the bus) stops accepting them from its cache at once.
  forgetSatelliteTokens(satelliteId);
  return result;
}
