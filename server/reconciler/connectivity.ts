import "server-only";
import { connectivityOf, formatAgo } from "@/lib/connectivity";
import { recordAudit } from "../audit";
import { db } from "../db";

const REPORTER = { type: "system" as const, label: "reconciler" };

/**
 * Records each satellite whose connectivity changed since the last tick as a ConnectivityEvent, and going
 * offline or coming back in the audit log. The state is recomputed with the same pure function every view uses.
 */
export async function recordConnectivityTransitions(now: Date): Promise<number> {
  const candidates = await db.satellite.findMany({
    where: {
      lifecycle: { not: "decommissioned" },
      lastSeenAt: { not: null },
      OR: [
        { staleAfter: { gt: now }, recordedConnectivity: { not: "connected" } },
        { staleAfter: { lte: now }, offlineAfter: { gt: now }, recordedConnectivity: { not: "stale" } },
        { offlineAfter: { lte: now }, recordedConnectivity: { not: "offline" } },
      ],
    },
    select: {
      id: true,
      slug: true,
      lastSeenAt: true,
      heartbeatIntervalSec: true,
      recordedConnectivity: true,
    },
    take: 5000,
  });
  for (const s of candidates) {
    const to = connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now);
    const from = s.recordedConnectivity;
    if (to === from) continue;
    await db.$transaction(async (tx) => {
      // Guarded on the old value, so two reconcilers cannot record the same transition twice.
      const moved = await tx.satellite.updateMany({
        where: { id: s.id, recordedConnectivity: from },
        data: { recordedConnectivity: to },
      });
      if (moved.count === 0) return;
      await tx.connectivityEvent.create({ data: { satelliteId: s.id, from, to, at: now } });
      if (to === "offline" || from === "offline") {
        await recordAudit(tx, REPORTER, {
          action: to === "offline" ? "satellite.offline" : "satellite.online",
          targetType: "satellite",
          targetId: s.id,
          summary:
            to === "offline"
              ? `${s.slug} went offline (last seen ${s.lastSeenAt ? formatAgo(s.lastSeenAt, now) : "never"})`
              : `${s.slug} is back (${to}) after being offline`,
        });
      }
    });
  }
  return candidates.length;
}
