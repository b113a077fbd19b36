import "server-only";
import { z } from "zod";
import { formatDateTime } from "@/lib/format";
import { MAX_PIN_DAYS, MAX_PIN_MS, PIN_DURATIONS, pinExpiry } from "@/lib/status/pins";
import { PUBLIC_STATUS_LABEL, PUBLIC_STATUSES, type PublicStatus } from "@/lib/status/public-status";
import { isPinActive, isPublicStatus } from "@/lib/status/status-model";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { statusChanged } from "./changes";

const Id = z.string({ error: "is required" }).trim().min(1, "is required").max(64, "is not an id");
/** Form times without an offset are UTC, as the console shows every time in UTC. */
const toDate = (v: unknown) => {
  if (v instanceof Date || v === undefined || v === null) return v ?? undefined;
  const text = String(v).trim();
  if (text === "") return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text) ? `${text}Z` : text);
  return Number.isNaN(date.getTime()) ? text : date;
};

/** The fields of a pin; the API's body is these without `statusPageId`, which its path names. */
export const PinComponentFields = z.object({
  statusPageId: Id.meta({ label: "Status page" }),
  component: Id.meta({ label: "Region" }),
  status: z.enum(PUBLIC_STATUSES, { error: "pick a status" }).meta({ label: "Status" }),
  duration: z.enum(PIN_DURATIONS, { error: "pick how long" }).meta({ label: "For" }),
  until: z
    .preprocess(toDate, z.date({ error: "is not a date and time" }).optional())
    .meta({ label: "Until" }),
  reason: z
    .string({ error: "is required" })
    .trim()
    .min(3, "say why, in a few words")
    .max(500, "must be at most 500 characters")
    .meta({ label: "Reason" }),
});

export const PinComponentInput = PinComponentFields.superRefine((pin, ctx) => {
  if (pin.duration === "until" && !pin.until) {
    ctx.addIssue({ code: "custom", path: ["until"], message: "is required when pinning until a date" });
  }
});
export type PinComponentInput = z.input<typeof PinComponentInput>;
export const PinRef = z.object({ id: Id.meta({ label: "Pin" }) });

export type StatusPinView = {
  id: string;
  component: string;
  status: PublicStatus;
  reason: string;
  createdAt: string;
  expiresAt: string;
  clearedAt: string | null;
  createdBy: string | null;
  isActive: boolean;
};

/**
 * A page admin pins a region of a page to a status for a while, with a reason: shown at once and above
 * everything else (docs/status-model.md). A new pin of the same region replaces the one before.
 */
export async function pinComponent(ctx: Ctx, raw: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(ctx, "status-pages.manage");
  const parsed = PinComponentInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const expiresAt = pinExpiry(input.duration, input.until, now)!;
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AppError("VALIDATION", "Until must be in the future.", {
      fields: { until: "Until must be in the future" },
    });
  }
  if (expiresAt.getTime() - now.getTime() > MAX_PIN_MS) {
    const message = `Until must be within ${MAX_PIN_DAYS} days`;
    throw new AppError("VALIDATION", `${message}.`, { fields: { until: message } });
  }
  const [page, region] = await Promise.all([
    db.statusPage.findUnique({ where: { id: input.statusPageId }, select: { id: true, slug: true } }),
    db.complianceRegion.findUnique({ where: { id: input.component }, select: { id: true } }),
  ]);
  if (!page) throw new AppError("NOT_FOUND", "No such status page.");
  if (!region) {
    throw new AppError("VALIDATION", "Region is not a compliance region.", {
      fields: { component: "Region is not a compliance region" },
    });
  }
  const pin = await transaction(async (tx) => {
    await tx.statusPin.updateMany({
      where: { statusPageId: page.id, component: region.id, clearedAt: null, expiresAt: { gt: now } },
      data: { clearedAt: now },
    });
    const created = await tx.statusPin.create({
      data: {
        statusPageId: page.id,
        component: region.id,
        status: input.status,
        reason: input.reason,
        expiresAt,
        createdById: personOf(ctx.actor),
        createdAt: now,
      },
    });
    await recordAudit(tx, ctx, {
      action: "status-page.pin",
      targetType: "status-page",
      targetId: page.id,
      summary: `Pinned ${region.id} on ${page.slug} to ${PUBLIC_STATUS_LABEL[input.status]} until ${formatDateTime(expiresAt)}: ${input.reason}`,
      data: {
        pinId: created.id,
        component: region.id,
        status: input.status,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return created;
  });
  statusChanged();
  return { id: pin.id };
}

/** Ends a pin early; the region goes back to what its satellites, incidents and maintenance say. */
export async function clearPin(
  ctx: Ctx,
  raw: unknown,
  now = new Date(),
): Promise<{ id: string; statusPageId: string }> {
  authorize(ctx, "status-pages.manage");
  const parsed = PinRef.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { id } = parsed.data;
  const pin = await transaction(async (tx) => {
    const row = await tx.statusPin.findUnique({
      where: { id },
      include: { statusPage: { select: { slug: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "No such pin.");
    if (!isPinActive(row, now)) throw new AppError("CONFLICT", "This pin has already ended.");
    await tx.statusPin.update({ where: { id }, data: { clearedAt: now } });
    await recordAudit(tx, ctx, {
      action: "status-page.unpin",
      targetType: "status-page",
      targetId: row.statusPageId,
      summary: `Cleared the pin of ${row.component} on ${row.statusPage.slug} early`,
      data: { pinId: row.id, component: row.component, status: row.status },
    });
    return row;
  });
  statusChanged();
  return { id: pin.id, statusPageId: pin.statusPageId };
}

/** A page's pins in force, then those of the last week, newest first, with who set them. */
export async function listPins(ctx: Ctx, statusPageId: string, now = new Date()): Promise<StatusPinView[]> {
  authorize(ctx, "status-pages.manage");
  const since = new Date(now.getTime() - MAX_PIN_MS);
  const rows = await db.statusPin.findMany({
    where: { statusPageId, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((v): v is string => !!v))];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
  });
  const who = new Map(users.map((u) => [u.id, u.name || u.email]));
  return rows
    .filter((r) => isPublicStatus(r.status))
    .map((r) => ({
      id: r.id,
      component: r.component,
      status: r.status as PublicStatus,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      clearedAt: r.clearedAt?.toISOString() ?? null,
      createdBy: r.createdById ? (who.get(r.createdById) ?? "a deleted user") : null,
      isActive: isPinActive(r, now),
    }))
    .sort((a, b) => Number(b.isActive) - Number(a.isActive));
}
