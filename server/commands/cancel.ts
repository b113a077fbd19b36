import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { actorLabel } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { nextState } from "./lifecycle";

const CancelInput = z.object({
  id: z.string({ error: "is required" }).trim().min(1, "is required").max(100),
});

export type CancelledCommand = { id: string; type: string; satelliteSlug: string; state: "cancelled" };

/** Withdraws a queued command before any agent has received it. */
export async function cancelCommand(ctx: Ctx, id: unknown, now = new Date()): Promise<CancelledCommand> {
  authorize(ctx, "commands.write");
  const parsed = CancelInput.safeParse({ id });
  if (!parsed.success) throw validationError(parsed.error);
  const commandId = parsed.data.id;
  return transaction(async (tx) => {
    const command = await tx.command.findUnique({
      where: { id: commandId },
      select: {
        type: true,
        state: true,
        deliveries: true,
        leaseUntil: true,
        expiresAt: true,
        message: true,
        satellite: { select: { slug: true, regionId: true } },
      },
    });
    if (!command) throw new AppError("NOT_FOUND", `No command ${commandId}.`);
    authorize(ctx, "commands.write", { satellites: [command.satellite] });
    const transition = nextState(
      command,
      {
        type: "cancelled",
        message: `cancelled by ${actorLabel(ctx.actor)}`,
      },
      now,
    );
    const what = `${command.type} for ${command.satellite.slug}`;
    if (transition.kind !== "moved") {
      const reason = transition.kind === "refused" ? transition.reason : "it was already cancelled";
      throw new AppError("CONFLICT", `${what} cannot be cancelled: ${reason}.`);
    }
    // Guarded on the state just read: a heartbeat delivering it in between wins, and this is refused.
    const { count } = await tx.command.updateMany({
      where: { id: commandId, state: command.state, deliveries: command.deliveries },
      data: transition.changes,
    });
    if (count === 0) {
      throw new AppError("CONFLICT", `${what} was delivered while it was being cancelled; it will run.`);
    }
    await recordAudit(tx, ctx, {
      action: "command.cancel",
      targetType: "command",
      targetId: commandId,
      summary: `Cancelled ${what}`,
    });
    return { id: commandId, type: command.type, satelliteSlug: command.satellite.slug, state: "cancelled" };
  });
}
