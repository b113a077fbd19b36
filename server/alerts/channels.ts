import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { conflictOnUnique, db, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { CHANNEL_LABELS, type ChannelKind } from "../notify/channel-config";
import { parseChannel, redactUrl, type SendSettings } from "./channel-save";
import { IdInput } from "./schemas";

export type ChannelView = {
  id: string;
  name: string;
  kind: ChannelKind;
  kindLabel: string;
  /** Where it sends, shortened: the addresses, or the URL's host and the start of its path. */
  target: string;
  to: string[];
  hasSecret: boolean;
  enabled: boolean;
  ruleCount: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
};

const NAME_TAKEN = { name: "Another channel already has this name" };

export async function listChannels(ctx: Ctx): Promise<ChannelView[]> {
  authorize(ctx, "alerts.read");
  const rows = await db.notificationChannel.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { rules: true } } },
  });
  return rows.map((r) => {
    const config = (r.config ?? {}) as { url?: string; to?: string[] };
    const kind = r.kind as ChannelKind;
    return {
      id: r.id,
      name: r.name,
      kind,
      kindLabel: CHANNEL_LABELS[kind],
      target: kind === "email" ? (config.to ?? []).join(", ") : redactUrl(config.url),
      to: config.to ?? [],
      hasSecret: !!r.secret,
      enabled: r.enabled,
      ruleCount: r._count.rules,
      lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null,
      lastErrorAt: r.lastErrorAt?.toISOString() ?? null,
      lastError: r.lastError,
    };
  });
}

export type ChannelSaved = { id: string; generatedSecret?: string };

export async function createChannel(
  ctx: Ctx,
  input: unknown,
  settings: SendSettings = {},
): Promise<ChannelSaved> {
  authorize(ctx, "alerts.manage");
  const saved = await parseChannel(input, settings);
  return transaction(async (tx) => {
    const row = await tx.notificationChannel
      .create({
        data: {
          name: saved.name,
          kind: saved.kind,
          config: saved.config,
          secret: saved.secret ?? null,
          enabled: saved.enabled,
          createdById: personOf(ctx.actor),
        },
      })
      .catch((error: unknown) => conflictOnUnique(error, NAME_TAKEN));
    await recordAudit(tx, ctx, {
      action: "alert-channel.create",
      targetType: "alert-channel",
      targetId: row.id,
      summary: `Created ${CHANNEL_LABELS[saved.kind]} channel "${saved.name}"`,
      data: { kind: saved.kind, enabled: saved.enabled },
    });
    return { id: row.id, generatedSecret: saved.generatedSecret };
  });
}

export async function updateChannel(
  ctx: Ctx,
  input: unknown,
  settings: SendSettings = {},
): Promise<ChannelSaved> {
  authorize(ctx, "alerts.manage");
  const { id } = parseId(input);
  const existing = await db.notificationChannel.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "This channel no longer exists.");
  const kind = existing.kind as ChannelKind;
  const saved = await parseChannel(input, settings, {
    kind,
    config: existing.config,
    hasSecret: !!existing.secret,
  });
  return transaction(async (tx) => {
    await tx.notificationChannel
      .update({
        where: { id },
        data: {
          name: saved.name,
          config: saved.config,
          enabled: saved.enabled,
          ...(saved.secret !== undefined ? { secret: saved.secret } : {}),
        },
      })
      .catch((error: unknown) => conflictOnUnique(error, NAME_TAKEN));
    await recordAudit(tx, ctx, {
      action: "alert-channel.update",
      targetType: "alert-channel",
      targetId: id,
      summary: `Updated channel "${saved.name}"${saved.secret !== undefined ? " and its secret" : ""}`,
      data: { enabled: saved.enabled, secretChanged: saved.secret !== undefined },
    });
    return { id, generatedSecret: saved.generatedSecret };
  });
}

export async function deleteChannel(ctx: Ctx, input: unknown): Promise<void> {
  authorize(ctx, "alerts.manage");
  const { id } = parseId(input);
  await transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", "This channel no longer exists.");
    await tx.notificationChannel.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      action: "alert-channel.delete",
      targetType: "alert-channel",
      targetId: id,
      summary: `Deleted channel "${row.name}"; messages still waiting for it are dropped`,
    });
  });
}

export function parseId(input: unknown): { id: string } {
  const parsed = IdInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
