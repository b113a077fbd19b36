import "server-only";
import type { Connectivity } from "@/lib/connectivity";
import {
  combineComponents,
  dailyUptime,
  gapIntervalsFromRollups,
  offlineIntervals,
  type DailyUptime,
  type Interval,
} from "@/lib/status/uptime";
import { onResync } from "../bus";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { db } from "../db";
import { logError } from "../log";
import { onStatusConfig } from "./changes";
import type { StatusSnapshot } from "./snapshot";

export const UPTIME_DAYS = 90;
const DAY_MS = 86_400_000;
const FRESH_MS = 5 * 60_000;
// SQLite allows 32,766 bound parameters; stay well under for `IN (…)` lists.
const CHUNK = 900;

export type PageUptime = {
  overall: DailyUptime[];
  regions: Record<string, DailyUptime[]>;
  /** By satellite slug. */
  components: Record<string, DailyUptime[]>;
  builtAt: number;
};

async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  // One push per row: spreading hundreds of thousands of roll-ups into push() overflows the stack.
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const row of await load(ids.slice(i, i + CHUNK))) out.push(row);
  return out;
}

/**
 * 90 daily uptime figures per satellite, region and page. Downtime is what the reconciler recorded as
 * offline, plus every whole hour already rolled up in which a satellite that had been seen sent no sample
 * at all (agents resend buffered samples after a cut, so an hour still empty really was down); maintenance
 * windows are neither up nor down. A satellite counts from when it was first seen.
 */
export async function computeUptime(snapshot: StatusSnapshot, now: Date): Promise<PageUptime> {
  const windowStart = new Date(now.getTime() - UPTIME_DAYS * DAY_MS);
  const ids = snapshot.satelliteIds;
  const [satellites, events, rollups, windows, watermark] = await Promise.all([
    inChunks(ids, (chunk) =>
      db.satellite.findMany({
        where: { id: { in: chunk } },
        select: { id: true, slug: true, regionId: true, createdAt: true, recordedConnectivity: true },
      }),
    ),
    inChunks(ids, (chunk) =>
      db.connectivityEvent.findMany({
        where: { satelliteId: { in: chunk }, at: { gte: windowStart } },
        select: { satelliteId: true, from: true, to: true, at: true },
        orderBy: { at: "asc" },
      }),
    ),
    inChunks(ids, (chunk) =>
      db.telemetryRollup.findMany({
        where: { satelliteId: { in: chunk }, bucketSec: 3600, bucketStart: { gte: windowStart } },
        select: { satelliteId: true, bucketStart: true, samples: true },
      }),
    ),
    db.maintenanceWindow.findMany({
      where: { cancelledAt: null, endsAt: { gt: windowStart }, startsAt: { lt: now } },
      select: { startsAt: true, endsAt: true, satellites: { select: { satelliteId: true } } },
    }),
    db.jobState.findUnique({ where: { name: "rollup.watermark" } }),
  ]);
  const rolledUntil = watermark ? new Date(watermark.value) : windowStart;

  const eventsOf = new Map<string, { from: Connectivity; to: Connectivity; at: Date }[]>();
  for (const e of events) {
    const list = eventsOf.get(e.satelliteId) ?? [];
    list.push(e);
    eventsOf.set(e.satelliteId, list);
  }
  const rollupsOf = new Map<string, { bucketStart: Date; samples: number }[]>();
  for (const r of rollups) {
    const list = rollupsOf.get(r.satelliteId) ?? [];
    list.push(r);
    rollupsOf.set(r.satelliteId, list);
  }
  const fleetWide: Interval[] = [];
  const maintenanceOf = new Map<string, Interval[]>();
  for (const w of windows) {
    const span = { start: w.startsAt, end: w.endsAt };
    if (w.satellites.length === 0) fleetWide.push(span);
    for (const { satelliteId } of w.satellites) {
      const list = maintenanceOf.get(satelliteId) ?? [];
      list.push(span);
      maintenanceOf.set(satelliteId, list);
    }
  }

  const components: Record<string, DailyUptime[]> = {};
  const byRegion = new Map<string, DailyUptime[][]>();
  for (const s of satellites) {
    const own = eventsOf.get(s.id) ?? [];
    const firstSeen = own.find((e) => e.from === "never_seen")?.at;
    // Without a first-seen event in the window, a satellite still never seen has no history at all,
    // and one seen since was seen before the window began.
    if (!firstSeen && s.recordedConnectivity === "never_seen") continue;
    const since = firstSeen ?? (s.createdAt > windowStart ? s.createdAt : windowStart);
    const initial: Connectivity = own.length > 0 ? own[0].from : s.recordedConnectivity;
    const offline = [
      ...offlineIntervals(own, windowStart, now, initial),
      ...gapIntervalsFromRollups(rollupsOf.get(s.id) ?? [], { from: since, until: rolledUntil }),
    ];
    const days = dailyUptime({
      days: UPTIME_DAYS,
      now,
      createdAt: since,
      offline,
      maintenance: [...fleetWide, ...(maintenanceOf.get(s.id) ?? [])],
    });
    components[s.slug] = days;
    const list = byRegion.get(s.regionId) ?? [];
    list.push(days);
    byRegion.set(s.regionId, list);
  }
  const regions: Record<string, DailyUptime[]> = {};
  for (const [regionId, list] of byRegion) regions[regionId] = combineComponents(list);
  return {
    overall: combineComponents([...byRegion.values()].flat()),
    regions,
    components,
    builtAt: Date.now(),
  };
}

// A page's uptime is recomputed at most every five minutes (days change slowly and the scan is not free),
// the previous figures served while new ones are computed. A page's configuration changing in any process
// (its satellites) recomputes at once, as does a resync after the bus was down (such a change may have been
// missed); the safety net's routine resync does not, as five minutes is already this cache's promise.
const uptimes = processSingleton("cache.status-uptime", () => {
  const cache = new SwrCache<PageUptime>({
    freshMs: FRESH_MS,
    staleMs: Infinity,
    maxEntries: 500,
    onBackgroundError: (error, slug) => logError("status uptime rebuild failed", error, { slug }),
  });
  onStatusConfig(() => cache.invalidate());
  onResync(({ missed }) => {
    if (missed) cache.invalidate();
  });
  return cache;
});

export function pageUptime(snapshot: StatusSnapshot): Promise<PageUptime> {
  return uptimes.get(snapshot.page.slug, (now) => computeUptime(snapshot, new Date(now)));
}
