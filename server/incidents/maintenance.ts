import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { statusChanged } from "../status/changes";
import { IncidentRef, ScheduleMaintenanceInput } from "./schemas";
import { fieldError, findSatellites, slugList, utc } from "./affected-satellites";

/** A start a little in the past is allowed: the form was filled in a minute ago for "now". */
const START_GRACE_MS = 60_000;

export async function scheduleMaintenance(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  authorize(ctx, "incidents.write");
  const parsed = ScheduleMaintenanceInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const w = parsed.data;
  if (w.startsAt.getTime() < now.getTime() - START_GRACE_MS) {
    throw fieldError("startsAt", `may not be in the past (it is ${utc(now)} now)`);
  }
  const created = await transaction(async (tx) => {
    const satellites = await findSatellites(tx, w.satellites);
    authorize(ctx, "incidents.write", { satellites });
    const window = await tx.maintenanceWindow.create({
      data: {
        title: w.title,
        description: w.description,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        createdById: personOf(ctx.actor),
        satellites: { create: satellites.map((s) => ({ satelliteId: s.id })) },
      },
      select: { id: true },
    });
    const slugs = satellites.map((s) => s.slug);
    await recordAudit(tx, ctx, {
      action: "maintenance.schedule",
      targetType: "maintenance",
      targetId: window.id,
      summary: `Scheduled "${w.title}" ${utc(w.startsAt)} – ${utc(w.endsAt)} on ${slugList(slugs)}`,
      data: { startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), satellites: slugs },
    });
    return window;
  });
  statusChanged();
  return created;
}

/**
 * Calls a window off. One that has not started is cancelled; one under way is ended now instead, because
 * the work did happen and the record should say so. A window that is over stays as it was.
 */
export async function cancelMaintenance(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; outcome: "cancelled" | "ended" }> {
  authorize(ctx, "incidents.write");
  const parsed = IncidentRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const result = await transaction(async (tx) => {
    const window = await tx.maintenanceWindow.findUnique({
      where: { id: parsed.data.id },
      include: { satellites: { select: { satellite: { select: { slug: true, regionId: true } } } } },
    });
    if (!window) throw new AppError("NOT_FOUND", "No such maintenance window.");
    authorize(ctx, "incidents.write", { satellites: window.satellites.map((s) => s.satellite) });
    if (window.cancelledAt) {
      throw new AppError(
        "CONFLICT",
        `"${window.title}" was already cancelled at ${utc(window.cancelledAt)}.`,
      );
    }
    if (window.endsAt.getTime() <= now.getTime()) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `"${window.title}" ended at ${utc(window.endsAt)}; past windows stay as they were.`,
      );
    }
    const hasStarted = window.startsAt.getTime() <= now.getTime();
    const moved = await tx.maintenanceWindow.updateMany({
      where: { id: window.id, cancelledAt: null, endsAt: window.endsAt },
      data: hasStarted ? { endsAt: now, updatedAt: now } : { cancelledAt: now, updatedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "The window changed meanwhile; reload it.");
    await recordAudit(tx, ctx, {
      action: hasStarted ? "maintenance.end" : "maintenance.cancel",
      targetType: "maintenance",
      targetId: window.id,
      summary: hasStarted
        ? `Ended "${window.title}" early at ${utc(now)} (planned until ${utc(window.endsAt)})`
        : `Cancelled "${window.title}" (planned ${utc(window.startsAt)} – ${utc(window.endsAt)})`,
    });
    return { id: window.id, outcome: hasStarted ? ("ended" as const) : ("cancelled" as const) };
  });
  statusChanged();
  return result;
}
