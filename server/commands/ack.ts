import "server-only";
import { recordAudit } from "../audit";
import type { AgentIdentity } from "../agents/auth";
import { ROTATE_COMMAND, settleRotation } from "../agents/rotation";
import { AckInput } from "../agents/schemas";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { type CommandChanges, nextState } from "./lifecycle";
import { isCommandType, LIFECYCLE_ON_SUCCESS } from "./types";

export type AckAnswer = { id: string; state: string; deliveries: number; finishedAt: string | null };

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
    const guardedUpdate = async (id: string, state: typeof cmd.state, data: CommandChanges) => {
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
    const transition = nextState(cmd, { type: "acked", ...ack }, now);
    if (transition.kind === "unchanged") return answer(cmd); // a repeated or late ack changes nothing
    if (transition.kind === "refused")
      throw new AppError("CONFLICT", `Command ${commandId} ${transition.reason}.`);
    await guardedUpdate(cmd.id, cmd.state, transition.changes);
    const updated = await tx.command.findUniqueOrThrow({ where: { id: cmd.id } });
    if (ack.status === "running") return answer(updated);
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
