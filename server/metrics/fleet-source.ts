import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { FINAL_STATES } from "../commands/lifecycle";
import { COMMAND_TYPES } from "../commands/types";
import { db } from "../db";
import { isSqlite, rawPgPool, rawSqlite } from "../db-raw";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";
import type { MetricValue } from "./exposition";
import { commandSeries, renderFleet, rolloutSeries, type FleetRow } from "./fleet-series";

// What a scrape reads from the database: one query for the whole fleet's latest state (as the map does) and a
// few small aggregates, never a query per series. Each is shared for a few seconds, so several Prometheus
// servers scraping at once cost one read; past that age a scrape waits for a fresh one rather than get old data.

/** The reconciler's lease row (LEASE_NAME in server/reconciler/index.ts, not imported: it loads the loop). */
export const RECONCILER_LEASE = "reconciler";

export type Aggregates = {
  rolloutSatellites: MetricValue[];
  rolloutAutoPaused: MetricValue[];
  commands: MetricValue[];
  reconcilerLeader: number;
};

const fleetCache = processSingleton(
  "metrics.fleet",
  () => new SwrCache<Buffer[]>({ freshMs: 2_000, maxEntries: 1 }),
);
const aggregateCache = processSingleton(
  "metrics.aggregates",
  () => new SwrCache<Aggregates>({ freshMs: 5_000, maxEntries: 1 }),
);

/** The fleet's series as exposition text, rendered once per read and shared with the scrapes that follow. */
export function fleetTextNow(): Promise<Buffer[]> {
  return fleetCache.get("fleet", async (now) => {
    const at = new Date(now);
    const [rows, regionIds] = await loadFleet();
    return renderFleet(rows, regionIds, at);
  });
}

export function aggregatesNow(): Promise<Aggregates> {
  return aggregateCache.get("aggregates", (now) => loadAggregates(new Date(now)));
}

/** Forgets what was read, so the next scrape reads anew (tests change the fleet between scrapes). */
export function forgetFleetReads(): void {
  fleetCache.clear();
  aggregateCache.clear();
}

const FLEET_SQL = `SELECT "slug","regionId","provider","kind","lifecycle","stackVersion","lastSeenAt","heartbeatIntervalSec",
    "lastRxMbps","lastTxMbps","uplinkMbps","downlinkMbps"
  FROM "Satellite" WHERE "lifecycle" <> 'decommissioned'`;

type RawFleetRow = Omit<FleetRow, "lastSeenAt"> & { lastSeenAt: Date | string | null };

/**
 * Every satellite's latest state in one read, through the driver itself as ingest does: at 10,000 rows
 * Prisma's per-row cost was most of a scrape. SQLite hands dates back as ISO text, the pg pool as Dates.
 */
export async function loadFleet(): Promise<[FleetRow[], string[]]> {
  const [raw, regions] = await Promise.all([
    isSqlite
      ? (rawSqlite().prepare(FLEET_SQL).all() as RawFleetRow[])
      : rawPgPool()
          .query<RawFleetRow>(FLEET_SQL)
          .then((r) => r.rows),
    db.complianceRegion.findMany({ where: { retiredAt: null }, select: { id: true } }),
  ]);
  for (const row of raw) {
    if (typeof row.lastSeenAt === "string") row.lastSeenAt = new Date(row.lastSeenAt);
  }
  return [raw as FleetRow[], regions.map((r) => r.id)];
}

export async function loadAggregates(now: Date): Promise<Aggregates> {
  const active = { status: { in: [...ACTIVE_ROLLOUT_STATUSES] } };
  const [rollouts, targets, commands, lease] = await Promise.all([
    db.rollout.findMany({ where: active, select: { id: true, status: true, pausedReason: true } }),
    db.rolloutTarget.groupBy({
      by: ["rolloutId", "state"],
      where: { rollout: active },
      _count: { _all: true },
    }),
    // Commands are never deleted, so counting the final ones gives a true counter, the same on every replica,
    // wherever the final state was written (agent acks here, expiry in the reconciler's process).
    db.command.groupBy({
      by: ["type", "state"],
      where: { state: { in: [...FINAL_STATES] } },
      _count: { _all: true },
    }),
    db.lease.findUnique({ where: { name: RECONCILER_LEASE }, select: { expiresAt: true } }),
  ]);
  const rolloutValues = rolloutSeries(
    rollouts,
    targets.map((t) => ({ rolloutId: t.rolloutId, state: t.state, count: t._count._all })),
  );
  return {
    rolloutSatellites: rolloutValues.satellites,
    rolloutAutoPaused: rolloutValues.autoPaused,
    commands: commandSeries(
      commands.map((c) => ({ type: c.type, state: c.state, count: c._count._all })),
      COMMAND_TYPES,
    ),
    reconcilerLeader: lease && lease.expiresAt.getTime() > now.getTime() ? 1 : 0,
  };
}
