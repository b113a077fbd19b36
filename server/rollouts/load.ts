import "server-only";
import { connectivityOf, effectiveHealth } from "@/lib/connectivity";
import type { Db, Tx } from "../db";
import type { CommandState, EngineRollout, Observations } from "./types";

const INCLUDE = {
  release: { select: { id: true, version: true } },
  waves: { orderBy: { index: "asc" } },
  targets: {
    orderBy: { satelliteId: "asc" },
    include: {
      wave: { select: { index: true } },
      command: { select: { state: true, message: true, deliveries: true } },
      satellite: {
        select: {
          slug: true,
          regionId: true,
          stackVersion: true,
          lastSeenAt: true,
          heartbeatIntervalSec: true,
          reportedHealth: true,
        },
      },
    },
  },
} as const;

export type RolloutRow = NonNullable<Awaited<ReturnType<typeof loadRolloutRow>>>;

function loadRolloutRow(client: Db | Tx, id: string) {
  return client.rollout.findUnique({ where: { id }, include: INCLUDE });
}

export type LoadedRollout = {
  row: RolloutRow;
  engine: EngineRollout;
  observations: Observations;
};

/**
 * A rollout as the engine sees it, with what its satellites look like at `now`: connectivity and
 * effective health from the same functions every view uses. A target's rollback state is its latest
 * stack.rollback command in this rollout.
 */
export async function loadRollout(client: Db | Tx, id: string, now: Date): Promise<LoadedRollout | null> {
  // One query after the other: inside a transaction the connection runs one at a time anyway.
  const row = await loadRolloutRow(client, id);
  if (!row) return null;
  const rollbacks = await client.command.findMany({
    where: { rolloutId: id, type: "stack.rollback" },
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
    select: { satelliteId: true, state: true },
  });
  const rollbackState = new Map<string, CommandState>(rollbacks.map((c) => [c.satelliteId, c.state]));
  const observations: Observations = { satellites: {} };
  for (const t of row.targets) {
    const s = t.satellite;
    const connectivity = connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now);
    observations.satellites[t.satelliteId] = {
      connectivity,
      health: effectiveHealth(connectivity, s.reportedHealth),
    };
  }
  const engine: EngineRollout = {
    status: row.status,
    currentWave: row.currentWave,
    maxConcurrency: row.maxConcurrency,
    bakeMinutes: row.bakeMinutes,
    failureThresholdPct: row.failureThresholdPct,
    requireApproval: row.requireApproval,
    pausedReason: row.pausedReason,
    waves: row.waves.map((w) => ({
      index: w.index,
      label: w.label,
      status: w.status,
      approvedAt: w.approvedAt,
      startedAt: w.startedAt,
      bakeUntil: w.bakeUntil,
    })),
    targets: row.targets.map((t) => ({
      satelliteId: t.satelliteId,
      slug: t.satellite.slug,
      waveIndex: t.wave?.index ?? null,
      state: t.state,
      commandState: t.command?.state ?? null,
      commandMessage: t.command?.message ?? null,
      commandDeliveries: t.command?.deliveries ?? null,
      rollbackCommandState: rollbackState.get(t.satelliteId) ?? null,
      fromVersion: t.fromVersion,
      waitingUntil: t.waitingUntil,
    })),
  };
  return { row, engine, observations };
}
