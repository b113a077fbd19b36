import "server-only";
import { authorize, type AuthorizedCtx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { utc } from "./affected-satellites";

/** An incident about to change, read inside the writing transaction, with the caller's region scope checked. */
export async function loadIncidentForWrite(tx: Tx, ctx: AuthorizedCtx, id: string) {
  const incident = await tx.incident.findUnique({
    where: { id },
    include: {
      satellites: { select: { satellite: { select: { id: true, slug: true, regionId: true } } } },
    },
  });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  const satellites = incident.satellites.map((s) => s.satellite);
  authorize(ctx, "incidents.write", { satellites, regions: [incident.regionId] });
  return { ...incident, satellites };
}
export type IncidentForWrite = Awaited<ReturnType<typeof loadIncidentForWrite>>;

/** Why an incident no longer takes updates, or null while it does. */
export function closedReason(incident: {
  title: string;
  isProposed: boolean;
  dismissedAt: Date | null;
  resolvedAt: Date | null;
}): string | null {
  if (incident.dismissedAt) {
    return `"${incident.title}" was a proposal dismissed at ${utc(incident.dismissedAt)}; it is kept for the record only.`;
  }
  if (incident.isProposed) {
    return `"${incident.title}" is a proposal from the reconciler: publish it or dismiss it first.`;
  }
  if (incident.resolvedAt) {
    return `"${incident.title}" was resolved at ${utc(incident.resolvedAt)}; its timeline is closed. If the problem is back, open a new incident.`;
  }
  return null;
}

export function assertOpen(incident: Parameters<typeof closedReason>[0]): void {
  const reason = closedReason(incident);
  if (reason) throw new AppError("PRECONDITION_FAILED", reason);
}

/** Only a row still open moves: a concurrent resolve or dismissal makes this write refuse, not overwrite. */
export const STILL_OPEN = { resolvedAt: null, dismissedAt: null, isProposed: false } as const;
