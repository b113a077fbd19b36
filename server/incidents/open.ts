import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { validationError } from "../errors";
import { statusChanged } from "../status/changes";
import { notifyIncident } from "../subscribers/notify";
import { FOLLOW_IMPACT, OpenIncidentInput } from "./schemas";
import { findSatellites, slugList } from "./affected-satellites";

/** An operator opens an incident by hand: its first update, its affected satellites, published or internal. */
export async function openIncident(ctx: Ctx, input: unknown, now = new Date()): Promise<{ id: string }> {
  authorize(ctx, "incidents.write");
  const parsed = OpenIncidentInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const i = parsed.data;
  const created = await transaction(async (tx) => {
    const satellites = await findSatellites(tx, i.satellites);
    authorize(ctx, "incidents.write", { satellites });
    const incident = await tx.incident.create({
      data: {
        title: i.title,
        impact: i.impact,
        status: i.status,
        isProposed: false,
        isPublished: i.isPublished,
        componentStatus: i.componentStatus === FOLLOW_IMPACT ? null : i.componentStatus,
        createdById: personOf(ctx.actor),
        startedAt: now,
        satellites: { create: satellites.map((s) => ({ satelliteId: s.id })) },
        updates: {
          create: {
            status: i.status,
            impact: i.impact,
            body: i.body,
            authorId: personOf(ctx.actor),
            createdAt: now,
          },
        },
      },
      select: { id: true, updates: { select: { id: true } } },
    });
    await notifyIncident(tx, incident.id, incident.updates[0].id, "created", now);
    const slugs = satellites.map((s) => s.slug);
    await recordAudit(tx, ctx, {
      action: "incident.open",
      targetType: "incident",
      targetId: incident.id,
      summary: `Opened "${i.title}" (${i.impact}, ${i.status}${i.isPublished ? "" : ", not published"}) on ${slugList(slugs)}`,
      data: {
        impact: i.impact,
        status: i.status,
        isPublished: i.isPublished,
        componentStatus: i.componentStatus,
        satellites: slugs,
      },
    });
    return { id: incident.id };
  });
  statusChanged();
  return created;
}
