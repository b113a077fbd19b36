import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";
import { statusChanged } from "../status/changes";
import { closedReason, loadIncidentForWrite } from "./load";
import { SetAffectedSatellitesInput } from "./schemas";
import { findSatellites, slugList } from "./affected-satellites";

/**
 * Replaces the affected satellites of an open incident or a proposal. The caller's region scope must cover
 * both the satellites it had and the ones it gets, so nobody moves an incident out of another team's regions.
 */
export async function setAffectedSatellites(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; added: string[]; removed: string[] }> {
  authorize(ctx, "incidents.write");
  const parsed = SetAffectedSatellitesInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const result = await transaction(async (tx) => {
    const incident = await loadIncidentForWrite(tx, ctx, parsed.data.id);
    if (incident.dismissedAt || incident.resolvedAt) {
      throw new AppError("PRECONDITION_FAILED", closedReason(incident) ?? "The incident is closed.");
    }
    const next = await findSatellites(tx, parsed.data.satellites);
    authorize(ctx, "incidents.write", { satellites: next });
    const before = new Set(incident.satellites.map((s) => s.id));
    const after = new Set(next.map((s) => s.id));
    const added = next.filter((s) => !before.has(s.id));
    const removed = incident.satellites.filter((s) => !after.has(s.id));
    await tx.incidentSatellite.deleteMany({
      where: { incidentId: incident.id, satelliteId: { in: removed.map((s) => s.id) } },
    });
    await tx.incidentSatellite.createMany({
      data: added.map((s) => ({ incidentId: incident.id, satelliteId: s.id })),
    });
    // Touches updatedAt, so views keyed on it see the change.
    await tx.incident.update({ where: { id: incident.id }, data: { updatedAt: now } });
    const changes = [
      added.length ? `added ${slugList(added.map((s) => s.slug))}` : null,
      removed.length ? `removed ${slugList(removed.map((s) => s.slug))}` : null,
    ].filter(Boolean);
    await recordAudit(tx, ctx, {
      action: "incident.satellites",
      targetType: "incident",
      targetId: incident.id,
      summary: `Affected satellites of "${incident.title}": ${changes.join("; ") || "no changes"}`,
      data: { added: added.map((s) => s.slug), removed: removed.map((s) => s.slug) },
    });
    return { id: incident.id, added: added.map((s) => s.slug), removed: removed.map((s) => s.slug) };
  });
  statusChanged();
  return result;
}
