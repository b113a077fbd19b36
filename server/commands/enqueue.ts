import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type AuthorizedCtx, type Ctx } from "../auth/context";
import { conflictOnUnique, transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import { existingCommands, insertCommands, type NewCommand } from "./insert";
import { CommandReason, liftReason } from "./reason";
import { COMMAND_PAYLOADS, COMMAND_TYPES, isCommandType, type CommandType } from "./types";

/** How long a command waits for its satellite unless the request says otherwise. */
export const DEFAULT_EXPIRY_SEC = 3600;

export const EnqueueCommandInput = z.object({
  satelliteId: z.string().min(1, "is required").meta({ label: "Satellite" }),
  type: z
    .string()
    .refine(isCommandType, `must be one of ${COMMAND_TYPES.join(", ")}`)
    .meta({ label: "Command" }),
  payload: z.record(z.string(), z.unknown()).default({}),
  idempotencyKey: z.string().trim().min(8, "must be at least 8 characters").max(120).optional(),
  expiresInSec: z
    .number()
    .int()
    .min(30)
    .max(7 * 24 * 3600)
    .default(DEFAULT_EXPIRY_SEC),
  rolloutId: z.string().optional(),
  reason: CommandReason,
});
export type EnqueueCommandInput = z.input<typeof EnqueueCommandInput>;

export type QueuedCommand = { id: string; idempotencyKey: string; state: string; isNew: boolean };

/**
 * Queues a command for one satellite; it rides on that satellite's next heartbeat answer. Retrying with the
 * same idempotency key returns the command already queued instead of a second one.
 */
export async function enqueueCommand(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
  tx?: Tx,
): Promise<QueuedCommand> {
  authorize(ctx, "commands.write");
  const cmd = parseInput(EnqueueCommandInput, input);
  const lifted = liftReason(cmd.reason, cmd.payload);
  const payload = parseInput(COMMAND_PAYLOADS[cmd.type as CommandType], lifted.payload, "payload.");
  const key = cmd.idempotencyKey ?? randomUUID();
  const run = async (t: Tx): Promise<QueuedCommand> => {
    const asked: NewCommand = {
      satelliteId: cmd.satelliteId,
      type: cmd.type as CommandType,
      payload,
      idempotencyKey: key,
      expiresInSec: cmd.expiresInSec,
      rolloutId: cmd.rolloutId ?? null,
      reason: lifted.reason ?? null,
    };
    const existing = (await existingCommands(t, [asked])).get(key);
    if (existing) return { id: existing.id, idempotencyKey: key, state: existing.state, isNew: false };
    const satellite = await t.satellite.findUnique({
      where: { id: cmd.satelliteId },
      select: { slug: true, regionId: true, lifecycle: true },
    });
    if (!satellite)
      throw new AppError("NOT_FOUND", "No such satellite.", { fields: { satelliteId: "no such satellite" } });
    authorize(ctx, "commands.write", { satellites: [satellite] });
    if (satellite.lifecycle === "decommissioned") {
      throw new AppError("PRECONDITION_FAILED", `${satellite.slug} is decommissioned.`);
    }
    const [created] = await insertCommands(t, [{ ...asked, issuedById: personOf(ctx.actor) }], now);
    await auditQueued(t, ctx, { type: cmd.type, payload, reason: lifted.reason }, [
      { ...created, slug: satellite.slug },
    ]);
    return { id: created.id, idempotencyKey: key, state: created.state, isNew: true };
  };
  try {
    return tx ? await run(tx) : await transaction(run);
  } catch (error) {
    conflictOnUnique(error, { idempotencyKey: `idempotencyKey ${key} is already in use` });
  }
}

/** Each queued command's own audit row, so every satellite's trail shows it. */
export async function auditQueued(
  tx: Tx,
  ctx: AuthorizedCtx,
  sent: { type: string; payload: object; reason?: string | null },
  commands: readonly { id: string; satelliteId: string; slug: string }[],
): Promise<void> {
  for (const c of commands) {
    await recordAudit(tx, ctx, {
      action: "command.issue",
      targetType: "satellite",
      targetId: c.satelliteId,
      summary: `Queued ${sent.type} for ${c.slug}${sent.reason ? `: ${sent.reason}` : ""}`,
      data: { commandId: c.id, payload: sent.payload, reason: sent.reason ?? null },
    });
  }
}
