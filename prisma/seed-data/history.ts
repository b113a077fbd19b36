// The demo's past: when each satellite joined, its outages and degraded spells over the last days, and the
// hourly (and, for the last day, 5-minute) roll-ups they leave behind. Deterministic from the slugs and
// `now`; the traffic, resources and round trips follow the simulator's own site model, so the seeded past
// joins the live data without a seam.
import { bandwidthAt } from "../../agent/sim/bandwidth";
import { type Rng, chance, clamp, rngFor, round1, uniform } from "../../agent/sim/prng";
import { siteProfile, type SiteProfile } from "../../agent/sim/profile";
import { resourcesAt } from "../../agent/sim/resources";
import { lossPctSample, rttSampleMs } from "../../agent/sim/rtt";
import type { SeedSatellite } from "./fleet";

export const HOUR_MS = 3_600_000;
export const FIVE_MIN_MS = 300_000;
const DAY_MS = 86_400_000;

/** A span of time [start, end) in epoch ms. */
export type Span = { start: number; end: number };

export type SatelliteHistory = {
  /** When the satellite first reported; before it, it has no history at all. */
  firstSeen: number;
  /** Offline spells; each starts with a stale minute or two, as the reconciler records it. */
  outages: Span[];
  /** Spells in which a service was degraded: higher round trips and loss, degraded health samples. */
  degraded: Span[];
};

export type SeedIncidentUpdate = {
  status: "investigating" | "identified" | "monitoring" | "resolved";
  body: string;
  at: number;
};
export type SeedIncident = {
  title: string;
  impact: "minor" | "major";
  slugs: string[];
  startedAt: number;
  resolvedAt: number;
  updates: SeedIncidentUpdate[];
};

export type HistoryPlan = {
  days: number;
  now: number;
  satellites: Map<string, SatelliteHistory>;
  incidents: SeedIncident[];
};

/** Satellites that have reported: pending ones are still waiting for their agent. */
const hasHistory = (s: SeedSatellite) => s.lifecycle !== "pending";

/** The satellites of the busiest city in a country, at most `max`: one metro's sites share an outage. */
function metro(fleet: SeedSatellite[], country: string, max: number): SeedSatellite[] {
  const byCity = new Map<string, SeedSatellite[]>();
  for (const s of fleet.filter((x) => x.country === country && hasHistory(x))) {
    byCity.set(s.city, [...(byCity.get(s.city) ?? []), s]);
  }
  const biggest = [...byCity.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return biggest.slice(0, max);
}

const hourAligned = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const minutes = (n: number) => n * 60_000;

/** Two past incidents the demo remembers: a metro fibre cut (major) and a congested route (minor). */
function pastIncidents(fleet: SeedSatellite[], now: number, days: number): SeedIncident[] {
  const out: SeedIncident[] = [];
  const cut = metro(fleet, "DE", 6);
  const cutStart = Math.floor((now - 23 * DAY_MS) / DAY_MS) * DAY_MS + minutes(14 * 60 + 5);
  if (cut.length > 0 && days >= 24) {
    const city = cut[0].city;
    out.push({
      title: `Network outage at ${city} sites`,
      impact: "major",
      slugs: cut.map((s) => s.slug),
      startedAt: cutStart,
      resolvedAt: cutStart + minutes(142),
      updates: [
        {
          status: "investigating",
          at: cutStart + minutes(7),
          body: `We are investigating lost connectivity to several sites in ${city}.`,
        },
        {
          status: "identified",
          at: cutStart + minutes(38),
          body: "A carrier's fibre cut took down both uplinks at one metro exchange. The carrier is splicing the cable.",
        },
        {
          status: "monitoring",
          at: cutStart + minutes(101),
          body: "The links are restored and every site reports again. We are watching them.",
        },
        {
          status: "resolved",
          at: cutStart + minutes(142),
          body: `All ${city} sites have been stable for 40 minutes. This incident is resolved.`,
        },
      ],
    });
  }
  const slow = metro(fleet, "JP", 5);
  const slowStart = Math.floor((now - 58 * DAY_MS) / DAY_MS) * DAY_MS + minutes(1 * 60 + 20);
  if (slow.length > 0 && days >= 59) {
    const city = slow[0].city;
    out.push({
      title: `Slow responses from ${city} sites`,
      impact: "minor",
      slugs: slow.map((s) => s.slug),
      startedAt: slowStart,
      resolvedAt: slowStart + minutes(196),
      updates: [
        {
          status: "investigating",
          at: slowStart + minutes(12),
          body: `Round trips to sites in ${city} are several times longer than usual. We are looking into it.`,
        },
        {
          status: "identified",
          at: slowStart + minutes(55),
          body: "An upstream provider's routing change sends traffic through a congested path. They are rolling it back.",
        },
        {
          status: "resolved",
          at: slowStart + minutes(196),
          body: "Routing is back to normal and round trips are as before.",
        },
      ],
    });
  }
  return out;
}

/** Random short outages: edge sites on single links drop more often than cloud regions. */
function randomOutages(rng: Rng, s: SeedSatellite, from: number, now: number): Span[] {
  const perDay = { edge: 1 / 25, colo: 1 / 60, datacenter: 1 / 70, cloud: 1 / 120 }[s.kind];
  const out: Span[] = [];
  for (let day = from; day < now - HOUR_MS * 3; day += DAY_MS) {
    if (!chance(rng, perDay)) continue;
    const start = day + Math.floor(rng() * DAY_MS);
    // Mostly minutes; now and then a long one (a power cut, a truck through the fibre).
    const length = chance(rng, 0.08) ? uniform(rng, 120, 420) : uniform(rng, 4, 40);
    if (start + minutes(length) < now - HOUR_MS) out.push({ start, end: start + minutes(length) });
  }
  return out;
}

/** What happened to each satellite over the last `days` days, and the two incidents it was part of. */
export function planHistory(fleet: SeedSatellite[], now: number, days: number): HistoryPlan {
  const windowStart = now - days * DAY_MS;
  const incidents = pastIncidents(fleet, now, days);
  const satellites = new Map<string, SatelliteHistory>();
  for (const s of fleet.filter(hasHistory)) {
    const rng = rngFor(s.slug, "seed-history");
    // Most sites predate the window; about one in twelve joined during it.
    const firstSeen = chance(rng, 1 / 12)
      ? hourAligned(windowStart + uniform(rng, 0.1, 0.8) * days * DAY_MS) + minutes(Math.floor(rng() * 60))
      : windowStart - DAY_MS * Math.ceil(uniform(rng, 5, 200));
    const outages = randomOutages(rng, s, Math.max(firstSeen, windowStart), now);
    const degraded: Span[] = [];
    for (const incident of incidents) {
      if (!incident.slugs.includes(s.slug) || incident.startedAt < firstSeen) continue;
      // The fibre cut takes the metro offline for most of the incident; the slow route only degrades it.
      if (incident.impact === "major") {
        outages.push({
          start: incident.startedAt - minutes(3),
          end: incident.startedAt + minutes(88 + rng() * 10),
        });
      } else
        degraded.push({ start: incident.startedAt - minutes(5), end: incident.resolvedAt - minutes(20) });
    }
    outages.sort((a, b) => a.start - b.start);
    satellites.set(s.slug, { firstSeen, outages, degraded });
  }
  return { days, now, satellites, incidents };
}

export type ConnectivityMove = { from: string; to: string; at: number };

/** The transitions the reconciler would have recorded: joined, then stale → offline → back for each outage. */
export function connectivityMoves(history: SatelliteHistory, windowStart: number): ConnectivityMove[] {
  const moves: ConnectivityMove[] = [];
  if (history.firstSeen >= windowStart)
    moves.push({ from: "never_seen", to: "connected", at: history.firstSeen });
  for (const o of history.outages) {
    if (o.start < windowStart) continue;
    const staleAt = o.start - 60_000;
    moves.push({ from: "connected", to: "stale", at: staleAt });
    moves.push({ from: "stale", to: "offline", at: o.start });
    moves.push({ from: "offline", to: "connected", at: o.end });
  }
  return moves;
}

/** Milliseconds of a bucket the spans cover. */
function covered(spans: Span[], start: number, end: number): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return Math.min(total, end - start);
}

/** One TelemetryRollup row, in the order of ROLLUP_COLUMNS. */
export type RollupRow = (string | number)[];
export const ROLLUP_COLUMNS = [
  "satelliteId",
  "bucketSec",
  "bucketStart",
  "samples",
  "cpuAvg",
  "cpuMax",
  "memAvg",
  "diskAvg",
  "rxAvg",
  "rxMax",
  "txAvg",
  "txMax",
  "rttAvg",
  "rttMax",
  "lossAvg",
  "healthyCount",
  "degradedCount",
  "criticalCount",
  "expectedCount",
] as const;

type Site = {
  id: string;
  slug: string;
  lat: number;
  lon: number;
  uplinkMbps: number;
  downlinkMbps: number;
  heartbeatIntervalSec: number;
};

/**
 * The satellite's roll-ups of `bucketMs` from `from` (bucket-aligned) up to the bucket holding `now`; a bucket
 * with no sample has no row, which is how an outage shows in the uptime maths. `toDate` formats bucketStart.
 */
export function* rollupRows(
  site: Site,
  history: SatelliteHistory,
  bucketMs: number,
  from: number,
  now: number,
  toDate: (ms: number) => string,
): Generator<RollupRow> {
  const profile: SiteProfile = siteProfile(site.slug, site.lat, site.lon);
  const rng = rngFor(site.slug, `seed-rollups-${bucketMs}`);
  const expected = Math.round(bucketMs / 1000 / Math.max(1, site.heartbeatIntervalSec));
  const link = { uplinkMbps: site.uplinkMbps, downlinkMbps: site.downlinkMbps };
  const first = Math.max(from, Math.floor(history.firstSeen / bucketMs) * bucketMs);
  for (let start = first; start <= now; start += bucketMs) {
    const end = start + bucketMs;
    const alive =
      Math.min(end, now) - Math.max(start, history.firstSeen) - covered(history.outages, start, end);
    const samples = Math.round((expected * Math.max(0, alive)) / bucketMs);
    if (samples <= 0) continue;
    const degradedShare = covered(history.degraded, start, end) / bucketMs;
    // Three looks at the bucket give its average and its peak without simulating every beat.
    let cpu = 0,
      mem = 0,
      disk = 0,
      rx = 0,
      tx = 0,
      rtt = 0,
      loss = 0;
    let cpuMax = 0,
      rxMax = 0,
      txMax = 0,
      rttMax = 0;
    for (const at of [start + bucketMs / 6, start + bucketMs / 2, start + (5 * bucketMs) / 6]) {
      const bw = bandwidthAt(profile, rng, at, site.lon, link);
      const res = resourcesAt(profile, rng, at, bw.share);
      const r = rttSampleMs(rng, profile.baseRttMs, degradedShare > 0 ? uniform(rng, 80, 240) : 0);
      cpu += res.cpuPct;
      mem += res.memPct;
      disk += res.diskPct;
      rx += bw.rxMbps;
      tx += bw.txMbps;
      rtt += r;
      loss += lossPctSample(rng, degradedShare > 0);
      cpuMax = Math.max(cpuMax, res.cpuPct);
      rxMax = Math.max(rxMax, bw.rxMbps);
      txMax = Math.max(txMax, bw.txMbps);
      rttMax = Math.max(rttMax, r);
    }
    // Now and then a service wobbles for a few beats, as the simulator's health episodes do.
    const wobble = chance(rng, 0.04) ? Math.min(samples, Math.ceil(uniform(rng, 1, 0.08 * expected))) : 0;
    const degradedCount = Math.min(samples, Math.round(samples * degradedShare) + wobble);
    const criticalCount = wobble > 0 && chance(rng, 0.1) ? Math.min(samples - degradedCount, 1) : 0;
    yield [
      site.id,
      bucketMs / 1000,
      toDate(start),
      samples,
      round1(cpu / 3),
      round1(clamp(cpuMax + uniform(rng, 2, 9), 1, 100)),
      round1(mem / 3),
      round1(disk / 3),
      round1(rx / 3),
      round1(Math.min(link.downlinkMbps, rxMax * uniform(rng, 1.05, 1.25))),
      round1(tx / 3),
      round1(Math.min(link.uplinkMbps, txMax * uniform(rng, 1.05, 1.25))),
      round1(rtt / 3),
      round1(rttMax * uniform(rng, 1.2, 1.8)),
      Math.round((loss / 3) * 100) / 100,
      samples - degradedCount - criticalCount,
      degradedCount,
      criticalCount,
      expected,
    ];
  }
}
