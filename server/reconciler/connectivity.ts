import "server-only";
import { connectivityOf, formatAgo, type Connectivity } from "@/lib/connectivity";
import { recordAudit } from "../audit";
import { db, transaction } from "../db";

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
    take: 2000, // the next tick picks up the rest
  });
  const moves = candidates
    .map((s) => ({
      ...s,
      from: s.recordedConnectivity,
      to: connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now),
    }))
    .filter((m) => m.from !== m.to);
  // Short transactions of at most 200 changes: the hot ingest writer shares the database and must not wait.
  for (let i = 0; i < moves.length; i += 200) await recordMoves(moves.slice(i, i + 200), now);
  return moves.length;
}

type Move = {
  id: string;
  slug: string;
  lastSeenAt: Date | null;
  from: Connectivity;
  to: Connectivity;
};

async function recordMoves(moves: Move[], now: Date) {
  await transaction(async (tx) => {
    // Only satellites still at their old value move: a change another reconciler already recorded is skipped.
    const moved: Move[] = [];
    const groups = new Map<string, Move[]>();
    for (const m of moves) groups.set(`${m.from}>${m.to}`, [...(groups.get(`${m.from}>${m.to}`) ?? []), m]);
    for (const group of groups.values()) {
      const { from, to } = group[0];
      const still = await tx.satellite.findMany({
        where: { id: { in: group.map((m) => m.id) }, recordedConnectivity: from },
        select: { id: true },
      });
      const ids = new Set(still.map((r) => r.id));
      await tx.satellite.updateMany({
        where: { id: { in: [...ids] }, recordedConnectivity: from },
        data: { recordedConnectivity: to },
      });
      moved.push(...group.filter((m) => ids.has(m.id)));
    }
    await tx.connectivityEvent.createMany({
      data: moved.map((m) => ({ satelliteId: m.id, from: m.from, to: m.to, at: now })),
    });
    const noted = moved.filter((m) => m.to === "offline" || m.from === "offline");
    for (const m of noted) {
      await recordAudit(tx, REPORTER, {
        action: m.to === "offline" ? "satellite.offline" : "satellite.online",
        targetType: "satellite",
        targetId: m.id,
        summary:
          m.to === "offline"
            ? `${m.slug} went offline (last seen ${m.lastSeenAt ? formatAgo(m.lastSeenAt, now) : "never"})`
            : `${m.slug} is back (${m.to}) after being offline`,
      });
    }
  });
}
