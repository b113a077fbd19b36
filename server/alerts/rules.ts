import "server-only";
import { labelPairsOf } from "@/lib/labels";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction, type Prisma, type Tx } from "../db";
import { AppError, fieldsFromZod, validationError } from "../errors";
import { describeCondition, KIND_INFO, KIND_PARAMS, type AlertKind } from "./kinds";
import { buildNotice, enqueueNotice, readDetails } from "./notices";
import { parseId } from "./channels";
import { labelSelectorOf, RuleInput } from "./schemas";

export type RuleView = {
  id: string;
  name: string;
  kind: AlertKind;
  kindLabel: string;
  condition: string;
  params: Record<string, unknown>;
  regionIds: string[];
  labels: string[];
  channels: { id: string; name: string }[];
  repeatMinutes: number;
  enabled: boolean;
  firing: number;
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export async function listRules(ctx: Ctx): Promise<RuleView[]> {
  authorize(ctx, "alerts.read");
  const rows = await db.alertRule.findMany({
    orderBy: { name: "asc" },
    include: {
      channels: { include: { channel: { select: { id: true, name: true } } } },
      _count: { select: { alerts: { where: { state: "firing" } } } },
    },
  });
  return rows.map((r) => {
    const kind = r.kind as AlertKind;
    const params = (r.params ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      name: r.name,
      kind,
      kindLabel: KIND_INFO[kind].label,
      condition: describeCondition(kind, params),
      params,
      regionIds: strings(r.regionIds),
      labels: labelPairsOf(r.labelSelector),
      channels: r.channels.map((c) => c.channel).sort((a, b) => a.name.localeCompare(b.name)),
      repeatMinutes: r.repeatMinutes,
      enabled: r.enabled,
      firing: r._count.alerts,
    };
  });
}

type ParsedRule = {
  name: string;
  kind: AlertKind;
  params: Prisma.InputJsonObject;
  regionIds: string[];
  labelSelector: string;
  channelIds: string[];
  repeatMinutes: number;
  enabled: boolean;
};

/** The form, its kind's settings, and that every named region and channel exists. */
async function parseRule(tx: Tx, input: unknown): Promise<ParsedRule> {
  const parsed = RuleInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { kind, minutes, percent, version, regionIds, labels, channelIds, ...rest } = parsed.data;
  if (KIND_INFO[kind].unavailable) {
    const message = `${KIND_INFO[kind].label} alerts are ${KIND_INFO[kind].unavailable}`;
    throw new AppError("VALIDATION", message, { fields: { kind: message } });
  }
  const params = KIND_PARAMS[kind].safeParse({ minutes, percent, version });
  if (!params.success) {
    const fields = fieldsFromZod(params.error);
    throw new AppError("VALIDATION", Object.values(fields)[0], { fields });
  }
  const regions = [...new Set(regionIds)];
  const known = await tx.complianceRegion.findMany({ where: { id: { in: regions } }, select: { id: true } });
  const unknownRegion = regions.find((r) => !known.some((k) => k.id === r));
  if (unknownRegion) {
    const message = `There is no region "${unknownRegion}"`;
    throw new AppError("VALIDATION", message, { fields: { regionIds: message } });
  }
  // Channels by id, or by their unique name (the form's checkboxes carry names).
  const refs = [...new Set(channelIds)];
  const found = await tx.notificationChannel.findMany({
    where: { OR: [{ id: { in: refs } }, { name: { in: refs } }] },
    select: { id: true, name: true },
  });
  const channels = refs.map((ref) => found.find((c) => c.id === ref || c.name === ref)?.id);
  if (channels.some((id) => !id)) {
    const message = "One of the chosen channels no longer exists; reload and choose again";
    throw new AppError("VALIDATION", message, { fields: { channelIds: message } });
  }
  return {
    ...rest,
    kind,
    params: params.data as Prisma.InputJsonObject,
    regionIds: regions.sort(),
    labelSelector: labelSelectorOf(labels),
    channelIds: [...new Set(channels as string[])],
  };
}

const columns = (r: ParsedRule) => ({
  name: r.name,
  kind: r.kind,
  params: r.params,
  regionIds: r.regionIds,
  labelSelector: r.labelSelector,
  repeatMinutes: r.repeatMinutes,
  enabled: r.enabled,
});

export async function createRule(ctx: Ctx, input: unknown): Promise<{ id: string }> {
  authorize(ctx, "alerts.manage");
  return transaction(async (tx) => {
    const rule = await parseRule(tx, input);
    const row = await tx.alertRule.create({
      data: {
        ...columns(rule),
        createdById: personOf(ctx.actor),
        channels: { create: rule.channelIds.map((channelId) => ({ channelId })) },
      },
    });
    await recordAudit(tx, ctx, {
      action: "alert-rule.create",
      targetType: "alert-rule",
      targetId: row.id,
      summary: `Created alert rule "${rule.name}" (${describeCondition(rule.kind, rule.params)})`,
      data: { ...columns(rule), channelIds: rule.channelIds } as Prisma.InputJsonObject,
    });
    return { id: row.id };
  });
}

export async function updateRule(ctx: Ctx, input: unknown): Promise<{ id: string }> {
  authorize(ctx, "alerts.manage");
  const { id } = parseId(input);
  return transaction(async (tx) => {
    const existing = await tx.alertRule.findUnique({ where: { id } });
    if (!existing) throw new AppError("NOT_FOUND", "This rule no longer exists.");
    const rule = await parseRule(tx, input);
    await tx.alertRule.update({
      where: { id },
      data: {
        ...columns(rule),
        channels: { deleteMany: {}, create: rule.channelIds.map((channelId) => ({ channelId })) },
      },
    });
    await recordAudit(tx, ctx, {
      action: "alert-rule.update",
      targetType: "alert-rule",
      targetId: id,
      summary: `Updated alert rule "${rule.name}"${existing.enabled && !rule.enabled ? " and turned it off" : ""}`,
      data: { ...columns(rule), channelIds: rule.channelIds } as Prisma.InputJsonObject,
    });
    return { id };
  });
}

/** Deleting a rule first resolves what it has firing, so PagerDuty and the rest hear the end of it. */
export async function deleteRule(ctx: Ctx, input: unknown, now = new Date()): Promise<void> {
  authorize(ctx, "alerts.manage");
  const { id } = parseId(input);
  await transaction(async (tx) => {
    const rule = await tx.alertRule.findUnique({ where: { id }, include: { channels: true } });
    if (!rule) throw new AppError("NOT_FOUND", "This rule no longer exists.");
    const firing = await tx.alert.findMany({
      where: { ruleId: id, state: "firing", lastNotifiedAt: { not: null } },
    });
    for (const alert of firing) {
      const details = readDetails(alert.details);
      if (details.isEvent) continue;
      const notice = buildNotice("alert.resolved", { ...alert, resolvedAt: now }, rule, details);
      await enqueueNotice(
        tx,
        notice,
        rule.channels.map((c) => c.channelId),
        "resolved",
        now,
      );
    }
    await tx.alertRule.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      action: "alert-rule.delete",
      targetType: "alert-rule",
      targetId: id,
      summary: `Deleted alert rule "${rule.name}"${firing.length ? `, resolving ${firing.length} firing alert(s)` : ""}`,
    });
  });
}
