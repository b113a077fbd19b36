import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { scopeRefusal } from "./issue";

const CancelInput = z.object({
  id: z.string({ error: "is required" }).trim().min(1, "is required").max(100),
});

export type CancelledCommand = { id: string; type: string; satelliteSlug: string; state: "cancelled" };

/**
 * Why a command in this state can no longer be cancelled, or null when it can. Only a command no agent has
 * received yet is safe to withdraw: once delivered, the agent may already be acting on it, and cancelling
 * it here would only hide the outcome it reports.
 */
export function cancelBlocker(command: { state: string; deliveries: number }): string | null {
  switch (command.state) {
    case "queued":
      return command.deliveries === 0
        ? null
        : `it was already delivered ${command.deliveries === 1 ? "once" : `${command.deliveries} times`} and the agent may be running it; it will finish, fail or expire`;
    case "delivered":
      return "the agent has received it and may be running it; it will finish, fail or expire";
    case "running":
      return "the agent is running it";
    case "cancelled":
      return "it was already cancelled";
    default:
      return `it has already ${command.state}`;
  }
}

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
        satellite: { select: { slug: true, regionId: true } },
      },
    });
    if (!command) throw new AppError("NOT_FOUND", `No command ${commandId}.`);
    const refusal = scopeRefusal(ctx, [command.satellite]);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const blocker = cancelBlocker(command);
    const what = `${command.type} for ${command.satellite.slug}`;
    if (blocker) throw new AppError("CONFLICT", `${what} cannot be cancelled: ${blocker}.`);
    // Guarded on the state just read: a heartbeat delivering it in between wins, and this is refused.
    const { count } = await tx.command.updateMany({
      where: { id: commandId, state: "queued", deliveries: 0 },
      data: {
        state: "cancelled",
        finishedAt: now,
        leaseUntil: null,
        message: `cancelled by ${ctx.actor.email}`,
      },
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
