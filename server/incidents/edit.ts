import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, parseInput } from "../errors";
import { statusChanged } from "../status/changes";
import { closedReason, loadIncidentForWrite } from "./load";
import { EditIncidentInput, FOLLOW_IMPACT } from "./schemas";

/**
 * Corrects an open incident or a proposal in place: its title, impact or the status of the components it
 * names, without a timeline entry (posting an update is how readers are told what changed). A resolved or
 * dismissed incident stays as it was recorded.
 */
export async function editIncident(
  ctx: Ctx,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  authorize(ctx, "incidents.write");
  const e = parseInput(EditIncidentInput, input ?? {});
  const result = await transaction(async (tx) => {
    const incident = await loadIncidentForWrite(tx, ctx, id);
    if (incident.dismissedAt || incident.resolvedAt) {
      throw new AppError("PRECONDITION_FAILED", closedReason(incident) ?? "The incident is closed.");
    }
    const componentStatus =
      e.componentStatus === undefined
        ? undefined
        : e.componentStatus === FOLLOW_IMPACT
          ? null
          : e.componentStatus;
    const moved = await tx.incident.updateMany({
      where: { id: incident.id, resolvedAt: null, dismissedAt: null },
      data: { title: e.title, impact: e.impact, componentStatus, updatedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "The incident changed meanwhile; reload it.");
    const changes = [
      e.title !== undefined && e.title !== incident.title ? `title → "${e.title}"` : null,
      e.impact !== undefined && e.impact !== incident.impact
        ? `impact ${incident.impact} → ${e.impact}`
        : null,
      componentStatus !== undefined && componentStatus !== incident.componentStatus
        ? `components ${incident.componentStatus ?? FOLLOW_IMPACT} → ${componentStatus ?? FOLLOW_IMPACT}`
        : null,
    ].filter(Boolean);
    await recordAudit(tx, ctx, {
      action: "incident.edit",
      targetType: "incident",
      targetId: incident.id,
      summary: `Edited "${incident.title}": ${changes.join("; ") || "no changes"}`,
      data: { title: e.title, impact: e.impact, componentStatus: e.componentStatus },
    });
    return { id: incident.id };
  });
  statusChanged();
  return result;
}
