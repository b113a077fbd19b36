import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { statusChanged } from "../status/changes";
import { notifyIncident } from "../subscribers/notify";
import { loadIncidentForWrite } from "./load";
import { IncidentRef } from "./schemas";

/**
 * Puts an incident on the status pages: a reconciler proposal becomes a confirmed incident, and an internal
 * one becomes public. A resolved internal incident may still be published, as a disclosure after the fact.
 */
export async function publishIncident(ctx: Ctx, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(ctx, "incidents.write");
  const parsed = IncidentRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const result = await transaction(async (tx) => {
    const incident = await loadIncidentForWrite(tx, ctx, parsed.data.id);
    if (incident.dismissedAt) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `"${incident.title}" was dismissed; a dismissed proposal stays off the status pages.`,
      );
    }
    if (incident.isPublished) throw new AppError("CONFLICT", `"${incident.title}" is already published.`);
    const moved = await tx.incident.updateMany({
      where: { id: incident.id, dismissedAt: null, isPublished: false },
      data: { isProposed: false, isPublished: true, updatedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "The incident changed meanwhile; reload it.");
    // Made public now: subscribers hear of it as a new incident, with its latest update.
    const latest = await tx.incidentUpdate.findFirst({
      where: { incidentId: incident.id },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (latest) await notifyIncident(tx, incident.id, latest.id, "created", now);
    await recordAudit(tx, ctx, {
      action: "incident.publish",
      targetType: "incident",
      targetId: incident.id,
      summary: `Published "${incident.title}"${incident.isProposed ? ", proposed by the reconciler" : ""}`,
      data: { wasProposed: incident.isProposed },
    });
    return { id: incident.id };
  });
  statusChanged();
  return result;
}

/** Turns a reconciler proposal down. It stays in the database, marked dismissed, for the record. */
export async function dismissProposal(ctx: Ctx, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(ctx, "incidents.write");
  const parsed = IncidentRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const result = await transaction(async (tx) => {
    const incident = await loadIncidentForWrite(tx, ctx, parsed.data.id);
    if (incident.dismissedAt) throw new AppError("CONFLICT", `"${incident.title}" is already dismissed.`);
    if (!incident.isProposed) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `"${incident.title}" is not a proposal; only the reconciler's proposals can be dismissed. Resolve it instead.`,
      );
    }
    const moved = await tx.incident.updateMany({
      where: { id: incident.id, isProposed: true, dismissedAt: null },
      data: { dismissedAt: now, updatedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "The proposal changed meanwhile; reload it.");
    await recordAudit(tx, ctx, {
      action: "incident.dismiss",
      targetType: "incident",
      targetId: incident.id,
      summary: `Dismissed the proposal "${incident.title}"`,
    });
    return { id: incident.id };
  });
  statusChanged();
  return result;
}
