import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";

/** What a satellite's agent last said about its host. Every fact may be null: unknown, never compliant. */
export type SatelliteFactsView = {
  satelliteId: string;
  osName: string | null;
  osVersion: string | null;
  kernel: string | null;
  agentVersion: string | null;
  diskEncrypted: boolean | null;
  timeSynced: boolean | null;
  clockOffsetMs: number | null;
  fipsEnabled: boolean | null;
  pendingSecurityUpdates: number | null;
  lastBackupAt: Date | null;
  reportedAt: Date;
};

/**
 * The satellite's host facts, or null when its agent never reported any (an old agent, or not yet). NOT_FOUND
 * for an unknown satellite, so "no facts" and "no satellite" are never confused.
 */
export async function getSatelliteFacts(ctx: Ctx, satelliteId: string): Promise<SatelliteFactsView | null> {
  authorize(ctx, "satellites.read");
  if (typeof satelliteId !== "string" || satelliteId.length === 0 || satelliteId.length > 100) {
    throw new AppError("NOT_FOUND", "No such satellite.");
  }
  const satellite = await db.satellite.findUnique({
    where: { id: satelliteId },
    select: { slug: true, regionId: true, facts: true },
  });
  if (!satellite) throw new AppError("NOT_FOUND", `No satellite "${satelliteId}".`);
  // satellites.read is not region-scoped today; asking with the target keeps this right if it becomes so.
  authorize(ctx, "satellites.read", { satellites: [{ slug: satellite.slug, regionId: satellite.regionId }] });
  const f = satellite.facts;
  if (!f) return null;
  return {
    satelliteId: f.satelliteId,
    osName: f.osName,
    osVersion: f.osVersion,
    kernel: f.kernel,
    agentVersion: f.agentVersion,
    diskEncrypted: f.diskEncrypted,
    timeSynced: f.timeSynced,
    clockOffsetMs: f.clockOffsetMs,
    fipsEnabled: f.fipsEnabled,
    pendingSecurityUpdates: f.pendingSecurityUpdates,
    lastBackupAt: f.lastBackupAt,
    reportedAt: f.reportedAt,
  };
}
