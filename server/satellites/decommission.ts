import "server-only";
import { z } from "zod";
import { forgetSatelliteTokens } from "../agents/auth";
import { recordAudit } from "../audit";
import { publish } from "../bus";
import { authorize, type Ctx } from "../auth/context";
import { FINAL_STATES, nextState } from "../commands/lifecycle";
import { transaction, type Tx } from "../db";
import { AppError, validationError } from "../errors";

export const DecommissionInput = z.object({
  id: z.string().min(1, "is required"),
  reason: z.string().trim().min(3, "say why, in a few words").max(500),
});
export type DecommissionInput = z.infer<typeof DecommissionInput>;

/**
 * Retires a satellite: its agent credentials and join tokens stop working at once, pending commands are
 * cancelled, and it leaves every list and map. Its history and audit trail stay.
 */
export async function decommissionSatellite(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; slug: string }> {
  authorize(ctx, "satellites.write");
  const parsed = DecommissionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, reason } = parsed.data;
  const retired = await transaction(async (tx) => {
    const satellite = await tx.satellite.findUnique({
      where: { id },
      select: { slug: true, lifecycle: true },
    });
    if (!satellite) throw new AppError("NOT_FOUND", "No such satellite.");
    if (satellite.lifecycle === "decommissioned") {
      throw new AppError("CONFLICT", `${satellite.slug} is already decommissioned.`);
    }
    await tx.satellite.update({
      where: { id },
      data: { lifecycle: "decommissioned", decommissionedAt: now },
    });
    await tx.agentCredential.updateMany({
      where: { satelliteId: id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.joinToken.updateMany({ where: { satelliteId: id, revokedAt: null }, data: { revokedAt: now } });
    await withdrawOpenCommands(tx, id, now);
    await recordAudit(tx, ctx, {
      action: "satellite.decommission",
      targetType: "satellite",
      targetId: id,
      summary: `Decommissioned ${satellite.slug}: ${reason}`,
      data: { reason, previousLifecycle: satellite.lifecycle },
    });
    return { id, slug: satellite.slug };
  });
  // Committed: refused at once by every process (over the bus), and it leaves every process's fleet state.
  forgetSatelliteTokens(id);
  publish({ type: "fleet.changed", satelliteIds: [id] });
  return retired;
}

/** Its agent is refused from now on, so every command still open on the satellite ends here (lifecycle rule). */
async function withdrawOpenCommands(tx: Tx, satelliteId: string, now: Date): Promise<void> {
  const open = await tx.command.findMany({
    where: { satelliteId, state: { notIn: [...FINAL_STATES] } },
    select: { id: true, state: true, deliveries: true, leaseUntil: true, expiresAt: true, message: true },
  });
  const ended = open.flatMap((c) => {
    const t = nextState(c, { type: "satellite-withdrawn", message: "satellite decommissioned" }, now);
    return t.kind === "moved" ? [{ id: c.id, changes: t.changes }] : [];
  });
  if (ended.length === 0) return;
  await tx.command.updateMany({
    where: { id: { in: ended.map((c) => c.id) }, state: { notIn: [...FINAL_STATES] } },
    data: ended[0].changes,
  });
}
