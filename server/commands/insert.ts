import "server-only";
import type { Tx } from "../db";
import { AppError, validationError } from "../errors";
import { NEW_COMMAND_STATE } from "./lifecycle";
import { COMMAND_PAYLOADS, type CommandType } from "./types";

export type NewCommand = {
  satelliteId: string;
  type: CommandType;
  payload: unknown;
  idempotencyKey: string;
  expiresInSec: number;
  issuedById?: string | null;
  rolloutId?: string | null;
  /** Why it was sent, as the operator said. */
  reason?: string | null;
  /** Held for the satellite's deployment window; its expiry counts from here. */
  notBefore?: Date | null;
  /** Why it may change the satellite outside its window (urgent types only). */
  windowBypass?: string | null;
};

export type InsertedCommand = {
  id: string;
  satelliteId: string;
  idempotencyKey: string;
  state: string;
  isNew: boolean;
};

const CHUNK = 500;

/**
 * The commands already queued under these keys. A key reused for the same satellite and type answers with
 * that command (a retry); reused for anything else it is a CONFLICT, and nothing is written.
 */
export async function existingCommands(
  tx: Tx,
  commands: readonly NewCommand[],
): Promise<Map<string, InsertedCommand>> {
  const found = new Map<string, InsertedCommand>();
  for (let i = 0; i < commands.length; i += CHUNK) {
    const chunk = commands.slice(i, i + CHUNK);
    const rows = await tx.command.findMany({
      where: { idempotencyKey: { in: chunk.map((c) => c.idempotencyKey) } },
      select: { id: true, satelliteId: true, type: true, idempotencyKey: true, state: true },
    });
    for (const row of rows) {
      const asked = chunk.find((c) => c.idempotencyKey === row.idempotencyKey);
      if (asked && (asked.satelliteId !== row.satelliteId || asked.type !== row.type)) {
        throw new AppError(
          "CONFLICT",
          `idempotencyKey ${row.idempotencyKey} was already used for another command`,
          {
            fields: { idempotencyKey: "already used for another command" },
          },
        );
      }
      found.set(row.idempotencyKey, {
        id: row.id,
        satelliteId: row.satelliteId,
        idempotencyKey: row.idempotencyKey,
        state: row.state,
        isNew: false,
      });
    }
  }
  return found;
}

/**
 * The one way a command is written, for a single command, a bulk request or a rollout: each payload is
 * checked against its type's schema, keys already used answer as `existingCommands` says, the rest are
 * queued in the caller's transaction. The caller authorizes and audits.
 */
export async function insertCommands(
  tx: Tx,
  commands: readonly NewCommand[],
  now: Date,
): Promise<InsertedCommand[]> {
  const rows = commands.map((c) => {
    const payload = COMMAND_PAYLOADS[c.type].safeParse(c.payload);
    if (!payload.success) throw validationError(payload.error, "payload.");
    return {
      satelliteId: c.satelliteId,
      type: c.type,
      payload: payload.data,
      idempotencyKey: c.idempotencyKey,
      state: NEW_COMMAND_STATE,
      issuedById: c.issuedById ?? null,
      rolloutId: c.rolloutId ?? null,
      reason: c.reason ?? null,
      notBefore: c.notBefore ?? null,
      windowBypass: c.windowBypass ?? null,
      issuedAt: now,
      // A held command gets its whole lifetime once its window opens, or it would expire while held.
      expiresAt: new Date((c.notBefore ?? now).getTime() + c.expiresInSec * 1000),
    };
  });
  const existing = await existingCommands(tx, commands);
  const fresh = rows.filter((r) => !existing.has(r.idempotencyKey));
  const created = new Map<string, InsertedCommand>();
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const written = await tx.command.createManyAndReturn({
      data: fresh.slice(i, i + CHUNK),
      select: { id: true, satelliteId: true, idempotencyKey: true, state: true },
    });
    for (const row of written) created.set(row.idempotencyKey, { ...row, isNew: true });
  }
  return rows.map((r) => {
    const row = existing.get(r.idempotencyKey) ?? created.get(r.idempotencyKey);
    if (!row) throw new Error(`command ${r.idempotencyKey} was neither found nor written`);
    return row;
  });
}
