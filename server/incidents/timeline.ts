import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type AuthorizedCtx, type Ctx } from "../auth/context";
import { transaction, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { statusChanged } from "../status/changes";
import { notifyIncident } from "../subscribers/notify";
import { assertOpen, closedReason, loadIncidentForWrite, STILL_OPEN } from "./load";
import {
  FOLLOW_IMPACT,
  PostIncidentUpdateInput,
  ResolveIncidentInput,
  type IncidentImpact,
  type IncidentStatus,
} from "./schemas";

export type PostedUpdate = { id: string; updateId: string; status: IncidentStatus; impact: IncidentImpact };

/**
 * The timeline rule: while an incident is open, an update may carry any status, backwards included (a fix
 * that did not hold sends `monitoring` back to `identified`), as real incident tools allow. `resolved` closes
 * the timeline for good: a recurrence is a new incident, so this one's record stays true.
 */
async function appendUpdate(
  tx: Tx,
  ctx: AuthorizedCtx,
  update: {
    id: string;
    status: IncidentStatus;
    impact?: IncidentImpact;
    body: string;
    componentStatus?: PostIncidentUpdateInput["componentStatus"];
  },
  now: Date,
): Promise<PostedUpdate> {
  const incident = await loadIncidentForWrite(tx, ctx, update.id);
  assertOpen(incident);
  const impact = update.impact ?? incident.impact;
  const isResolving = update.status === "resolved";
  const moved = await tx.incident.updateMany({
    where: { id: incident.id, ...STILL_OPEN },
    data: {
      status: update.status,
      impact,
      resolvedAt: isResolving ? now : null,
      updatedAt: now,
      ...(update.componentStatus === undefined
        ? {}
        : { componentStatus: update.componentStatus === FOLLOW_IMPACT ? null : update.componentStatus }),
    },
  });
  if (moved.count !== 1) {
    const fresh = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
    throw new AppError(
      "PRECONDITION_FAILED",
      closedReason(fresh) ?? "The incident changed meanwhile; reload it.",
    );
  }
  const created = await tx.incidentUpdate.create({
    data: {
      incidentId: incident.id,
      status: update.status,
      impact,
      body: update.body,
      authorId: personOf(ctx.actor),
      createdAt: now,
    },
    select: { id: true },
  });
  await notifyIncident(tx, incident.id, created.id, isResolving ? "resolved" : "updated", now);
  const change = incident.status === update.status ? update.status : `${incident.status} → ${update.status}`;
  await recordAudit(tx, ctx, {
    action: isResolving ? "incident.resolve" : "incident.update",
    targetType: "incident",
    targetId: incident.id,
    summary: `${isResolving ? "Resolved" : "Updated"} "${incident.title}": ${change}, impact ${impact}`,
    data: {
      from: incident.status,
      to: update.status,
      impact,
      updateId: created.id,
      ...(update.componentStatus === undefined ? {} : { componentStatus: update.componentStatus }),
    },
  });
  return { id: incident.id, updateId: created.id, status: update.status, impact };
}

export async function postIncidentUpdate(ctx: Ctx, input: unknown, now = new Date()): Promise<PostedUpdate> {
  authorize(ctx, "incidents.write");
  const parsed = PostIncidentUpdateInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const posted = await transaction((tx) => appendUpdate(tx, ctx, parsed.data, now));
  statusChanged();
  return posted;
}

/** Resolves at the impact the incident had, with a closing note (a default one when none is given). */
export async function resolveIncident(ctx: Ctx, input: unknown, now = new Date()): Promise<PostedUpdate> {
  authorize(ctx, "incidents.write");
  const parsed = ResolveIncidentInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, body } = parsed.data;
  const posted = await transaction((tx) => appendUpdate(tx, ctx, { id, status: "resolved", body }, now));
  statusChanged();
  return posted;
}
