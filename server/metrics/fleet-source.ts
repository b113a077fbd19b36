import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { FINAL_STATES } from "../commands/lifecycle";
import { COMMAND_TYPES } from "../commands/types";
import { db } from "../db";
import { fleetState, latestFleet } from "../fleet-state";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";
import type { MetricValue } from "./exposition";
import { commandSeries, renderFleet, rolloutSeries } from "./fleet-series";

// What a scrape reads: the fleet's series come from the in-memory latest state (server/fleet-state), kept
// current by reading only the rows that changed, so a scrape reads no satellite rows; the text is rendered
// once per state version and shared for a second. The few aggregates (rollouts, commands, the lease) and the
// region list are small queries shared for a few seconds, so several Prometheus servers cost one read.

/** The reconciler's lease row (LEASE_NAME in server/reconciler/index.ts, not imported: it loads the loop). */
export const RECONCILER_LEASE = "reconciler";

export type Aggregates = {
  rolloutSatellites: MetricValue[];
  rolloutAutoPaused: MetricValue[];
  commands: MetricValue[];
  reconcilerLeader: number;
};

const regionCache = processSingleton(
  "metrics.regions",
  () => new SwrCache<string[]>({ freshMs: 10_000, maxEntries: 1 }),
);
const aggregateCache = processSingleton(
  "metrics.aggregates",
  () => new SwrCache<Aggregates>({ freshMs: 5_000, maxEntries: 1 }),
);
type Rendered = { version: number; regionIds: string[]; at: number; text: Buffer[] };
const rendered = processSingleton("metrics.fleet-text", () => ({ last: null as Rendered | null }));

/** Connectivity moves with the clock, so a rendering is reused for at most this long even if nothing changed. */
const RENDER_FRESH_MS = 1_000;

/** The fleet's series as exposition text, from the latest state, rendered once per version and second. */
export async function fleetTextNow(): Promise<Buffer[]> {
  const [fleet, regionIds] = await Promise.all([latestFleet(), regionsNow()]);
  const now = Date.now();
  const last = rendered.last;
  if (
    last &&
    last.version === fleet.version &&
    last.regionIds === regionIds &&
    now - last.at < RENDER_FRESH_MS
  )
    return last.text;
  const text = renderFleet(fleet.rows, regionIds, new Date(now));
  rendered.last = { version: fleet.version, regionIds, at: now, text };
  return text;
}

/** Regions to count even when empty (retired ones are left out). */
export function regionsNow(): Promise<string[]> {
  return regionCache.get("regions", async () =>
    (await db.complianceRegion.findMany({ where: { retiredAt: null }, select: { id: true } })).map(
      (r) => r.id,
    ),
  );
}

export function aggregatesNow(): Promise<Aggregates> {
  return aggregateCache.get("aggregates", (now) => loadAggregates(new Date(now)));
}

/** Forgets what was read, so the next scrape reads anew (tests change the fleet between scrapes). */
export function forgetFleetReads(): void {
  fleetState().invalidate();
  rendered.last = null;
  regionCache.clear();
  aggregateCache.clear();
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
