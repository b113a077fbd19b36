import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { isSilenceActive } from "./decide";
import { parseId } from "./channels";
import { SilenceInput } from "./schemas";

export type SilenceView = {
  id: string;
  rule: { id: string; name: string } | null;
  regionId: string | null;
  satellite: { id: string; slug: string } | null;
  reason: string;
  expiresAt: string;
  cancelledAt: string | null;
  createdAt: string;
  isActive: boolean;
  createdBy: string | null;
};

/** What a silence covers, in words: "rule X · region Y · satellite Z", or everything. */
export function silenceScope(s: Pick<SilenceView, "rule" | "regionId" | "satellite">): string {
  const parts = [
    s.rule && `rule "${s.rule.name}"`,
    s.regionId && `region ${s.regionId}`,
    s.satellite && `satellite ${s.satellite.slug}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "every alert";
}

/** Active silences first, then the last week's ended ones. */
export async function listSilences(ctx: Ctx, now = new Date()): Promise<SilenceView[]> {
  authorize(ctx, "alerts.read");
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const rows = await db.silence.findMany({
    where: { OR: [{ expiresAt: { gt: weekAgo } }, { cancelledAt: { gt: weekAgo } }] },
    include: { rule: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const satelliteIds = rows.map((r) => r.satelliteId).filter((id): id is string => !!id);
  const [satellites, users] = await Promise.all([
    db.satellite.findMany({ where: { id: { in: satelliteIds } }, select: { id: true, slug: true } }),
    db.user.findMany({
      where: { id: { in: rows.map((r) => r.createdById).filter((id): id is string => !!id) } },
      select: { id: true, email: true },
    }),
  ]);
  const views = rows.map((r) => ({
    id: r.id,
    rule: r.rule,
    regionId: r.regionId,
    satellite: satellites.find((s) => s.id === r.satelliteId) ?? null,
    reason: r.reason,
    expiresAt: r.expiresAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    isActive: isSilenceActive(r, now),
    createdBy: users.find((u) => u.id === r.createdById)?.email ?? null,
  }));
  return [...views.filter((v) => v.isActive), ...views.filter((v) => !v.isActive)];
}

export async function createSilence(ctx: Ctx, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(ctx, "alerts.silence");
  const parsed = SilenceInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { ruleId, regionId, satellite, duration, reason } = parsed.data;
  return transaction(async (tx) => {
    const rule = ruleId
      ? await tx.alertRule.findUnique({ where: { id: ruleId }, select: { id: true, name: true } })
      : null;
    if (ruleId && !rule) throw fieldError("ruleId", "This rule no longer exists; choose another or none");
    if (
      regionId &&
      !(await tx.complianceRegion.findUnique({ where: { id: regionId }, select: { id: true } }))
    ) {
      throw fieldError("regionId", `There is no region "${regionId}"`);
    }
    const sat = satellite
      ? await tx.satellite.findFirst({
          where: { OR: [{ slug: satellite }, { id: satellite }] },
          select: { id: true, slug: true },
        })
      : null;
    if (satellite && !sat) throw fieldError("satellite", `There is no satellite "${satellite}"`);
    const expiresAt = new Date(now.getTime() + duration);
    const row = await tx.silence.create({
      data: {
        ruleId: rule?.id ?? null,
        regionId: regionId ?? null,
        satelliteId: sat?.id ?? null,
        reason,
        expiresAt,
        createdById: personOf(ctx.actor),
        createdAt: now,
      },
    });
    const scope = silenceScope({ rule, regionId: regionId ?? null, satellite: sat });
    await recordAudit(tx, ctx, {
      action: "alert-silence.create",
      targetType: "alert-silence",
      targetId: row.id,
      summary: `Silenced ${scope} until ${expiresAt.toISOString()}: ${reason}`,
      data: { ruleId: rule?.id ?? null, regionId: regionId ?? null, satelliteId: sat?.id ?? null, reason },
    });
    return { id: row.id };
  });
}

export async function cancelSilence(ctx: Ctx, input: unknown, now = new Date()): Promise<void> {
  authorize(ctx, "alerts.silence");
  const { id } = parseId(input);
  await transaction(async (tx) => {
    const row = await tx.silence.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", "This silence no longer exists.");
    if (!isSilenceActive(row, now)) return;
    await tx.silence.update({ where: { id }, data: { cancelledAt: now } });
    await recordAudit(tx, ctx, {
      action: "alert-silence.cancel",
      targetType: "alert-silence",
      targetId: id,
      summary: `Ended the silence "${row.reason}" early`,
    });
  });
}

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { fields: { [field]: message } });
}
