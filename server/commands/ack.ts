import "server-only";
import { recordAudit } from "../audit";
import type { AgentIdentity } from "../agents/auth";
import { ROTATE_COMMAND, settleRotation } from "../agents/rotation";
import { AckInput } from "../agents/schemas";
import { type Prisma, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { FINAL_STATES, isCommandType, LIFECYCLE_ON_SUCCESS } from "./types";

export type AckAnswer = { id: string; state: string; deliveries: number; finishedAt: string | null };

const isFinal = (state: string) => (FINAL_STATES as readonly string[]).includes(state);

/**
 * An agent reports progress on a command. Repeating an ack is harmless; a different final state for a
 * finished command is a CONFLICT; another satellite's command is NOT_FOUND.
 */
export async function ackCommand(
  agent: AgentIdentity,
  commandId: string,
  input: unknown,
  now = new Date(),
): Promise<AckAnswer> {
  const parsed = AckInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const ack = parsed.data;
  return transaction(async (tx) => {
    const cmd = await tx.command.findUnique({ where: { id: commandId } });
    if (!cmd || cmd.satelliteId !== agent.satelliteId)
      throw new AppError("NOT_FOUND", `No command ${commandId} for this satellite.`);
    // Written only if the command is still in the state just read: a concurrent ack or the reconciler
    // changing it in between makes this one a CONFLICT instead of a silent overwrite.
    const guardedUpdate = async (
      id: string,
      state: typeof cmd.state,
      data: Prisma.CommandUpdateManyMutationInput,
    ) => {
      const { count } = await tx.command.updateMany({ where: { id, state }, data });
      if (count === 0)
        throw new AppError("CONFLICT", `Command ${id} changed while this ack was applied; send it again.`);
    };
    const answer = (c: typeof cmd): AckAnswer => ({
      id: c.id,
      state: c.state,
      deliveries: c.deliveries,
      finishedAt: c.finishedAt?.toISOString() ?? null,
    });
    if (isFinal(cmd.state)) {
      if (
        cmd.state === ack.status ||
        (ack.status === "running" && cmd.state !== "expired" && cmd.state !== "cancelled")
      ) {
        return answer(cmd); // a repeated or late ack changes nothing
      }
      throw new AppError(
        "CONFLICT",
        `Command ${commandId} is already ${cmd.state}; it cannot become ${ack.status}.`,
      );
    }
    if (ack.status === "running") {
      if (cmd.state === "running") return answer(cmd);
      await guardedUpdate(cmd.id, cmd.state, { state: "running", message: ack.message ?? cmd.message });
      return answer(await tx.command.findUniqueOrThrow({ where: { id: cmd.id } }));
    }
    await guardedUpdate(cmd.id, cmd.state, {
      state: ack.status,
      finishedAt: now,
      leaseUntil: null,
      message: ack.message ?? null,
      result: (ack.result ?? undefined) as object | undefined,
    });
    const updated = await tx.command.findUniqueOrThrow({ where: { id: cmd.id } });
    const lifecycle =
      ack.status === "succeeded" && isCommandType(cmd.type) ? LIFECYCLE_ON_SUCCESS[cmd.type] : undefined;
    if (lifecycle) await tx.satellite.update({ where: { id: cmd.satelliteId }, data: { lifecycle } });
    if (ack.status === "succeeded" && cmd.type === "stack.upgrade") {
      const version = (cmd.payload as { version?: unknown } | null)?.version;
      if (typeof version === "string")
        await tx.satellite.update({ where: { id: cmd.satelliteId }, data: { stackVersion: version } });
    }
    const unusedTokens = cmd.type === ROTATE_COMMAND ? await settleRotation(tx, agent, cmd.id, now) : 0;
    await recordAudit(
      tx,
      { type: "agent", id: agent.satelliteId, label: agent.slug },
      {
        action: `command.${ack.status}`,
        targetType: "command",
        targetId: cmd.id,
        summary: `${cmd.type} on ${agent.slug} ${ack.status}${ack.message ? `: ${ack.message.slice(0, 200)}` : ""}${unusedTokens ? ` (${unusedTokens} unused rotated token(s) revoked)` : ""}`,
      },
    );
    return answer(updated);
  });
}
