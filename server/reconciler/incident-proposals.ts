import "server-only";
import { recordAudit } from "../audit";
import { systemActor } from "../auth/context";
import { db, transaction, type Tx } from "../db";
import { slugList } from "../incidents/affected-satellites";

export const LOOKBACK_MS = 10 * 60_000;
export const CLUSTER_WINDOW_MS = 5 * 60_000;
export const MIN_CLUSTER = 3;
/** An open incident started longer ago than this no longer stands for a fresh outage. */
export const COVERAGE_MS = 60 * 60_000;

export type OfflineEvent = { satelliteId: string; regionId: string; at: Date };
export type OfflineCluster = { regionId: string; satelliteIds: string[]; firstAt: Date; lastAt: Date };

/**
 * Pure: per region, the satellites that went offline in the lookback, when at least MIN_CLUSTER of them went
 * within one CLUSTER_WINDOW_MS. A satellite counts once (its latest event). The cluster names every recent
 * one of the region, not only the densest window, so the proposal shows the whole picture.
 */
export function offlineClusters(events: OfflineEvent[], now: Date): OfflineCluster[] {
  const since = now.getTime() - LOOKBACK_MS;
  const latest = new Map<string, OfflineEvent>();
  for (const e of events) {
    const t = e.at.getTime();
    if (t < since || t > now.getTime()) continue;
    const seen = latest.get(e.satelliteId);
    if (!seen || seen.at.getTime() < t) latest.set(e.satelliteId, e);
  }
  const byRegion = new Map<string, OfflineEvent[]>();
  for (const e of latest.values()) byRegion.set(e.regionId, [...(byRegion.get(e.regionId) ?? []), e]);
  const clusters: OfflineCluster[] = [];
  for (const [regionId, list] of byRegion) {
    const sorted = list.sort(
      (a, b) => a.at.getTime() - b.at.getTime() || a.satelliteId.localeCompare(b.satelliteId),
    );
    let densest = 0;
    for (let start = 0, end = 0; end < sorted.length; end++) {
      while (sorted[end].at.getTime() - sorted[start].at.getTime() > CLUSTER_WINDOW_MS) start++;
      densest = Math.max(densest, end - start + 1);
    }
    if (densest < MIN_CLUSTER) continue;
    clusters.push({
      regionId,
      satelliteIds: sorted.map((e) => e.satelliteId),
      firstAt: sorted[0].at,
      lastAt: sorted[sorted.length - 1].at,
    });
  }
  return clusters.sort((a, b) => a.regionId.localeCompare(b.regionId));
}

/** Pure: major when the outage takes at least half of the region's active satellites. */
export function proposalImpact(offline: number, activeInRegion: number): "major" | "minor" {
  return offline * 2 >= activeInRegion ? "major" : "minor";
}

const hhmm = (d: Date) => d.toISOString().slice(11, 16);

/**
 * Proposes a draft incident (unpublished, for an operator to publish or dismiss) for each region where
 * several satellites just went offline together. Satellites still offline count; ones in maintenance (by
 * lifecycle or an active window) do not, since that outage was announced. Returns how many it proposed.
 */
export async function proposeIncidents(now: Date): Promise<number> {
  const events = await db.connectivityEvent.findMany({
    where: {
      to: "offline",
      at: { gte: new Date(now.getTime() - LOOKBACK_MS), lte: now },
      satellite: {
        recordedConnectivity: "offline",
        lifecycle: { notIn: ["decommissioned", "maintenance"] },
        maintenances: {
          none: { maintenance: { cancelledAt: null, startsAt: { lte: now }, endsAt: { gt: now } } },
        },
      },
    },
    select: { satelliteId: true, at: true, satellite: { select: { regionId: true } } },
  });
  const clusters = offlineClusters(
    events.map((e) => ({ satelliteId: e.satelliteId, regionId: e.satellite.regionId, at: e.at })),
    now,
  );
  let proposed = 0;
  for (const cluster of clusters) {
    if (await transaction((tx) => proposeOne(tx, cluster, now))) proposed++;
  }
  return proposed;
}

/**
 * Whether one open incident of the last hour already lists every one of these satellites. Counted per
 * incident rather than as one EXISTS per satellite, which a large outage would push past SQLite's limits.
 */
async function coversAll(tx: Tx, satelliteIds: string[], now: Date): Promise<boolean> {
  const links = await tx.incidentSatellite.groupBy({
    by: ["incidentId"],
    where: {
      satelliteId: { in: satelliteIds },
      incident: {
        resolvedAt: null,
        dismissedAt: null,
        startedAt: { gte: new Date(now.getTime() - COVERAGE_MS) },
      },
    },
    _count: { _all: true },
  });
  return links.some((l) => l._count._all >= new Set(satelliteIds).size);
}

async function proposeOne(tx: Tx, cluster: OfflineCluster, now: Date): Promise<boolean> {
  const { regionId, satelliteIds } = cluster;
  // Locks the region's row first, so two reconcilers (on PostgreSQL) check and insert one after the other.
  await tx.$executeRaw`UPDATE "ComplianceRegion" SET "name" = "name" WHERE "id" = ${regionId}`;
  const covered = await tx.incident.findFirst({
    where: {
      OR: [
        // An open incident, proposed or not, already about this region.
        {
          resolvedAt: null,
          dismissedAt: null,
          startedAt: { gte: new Date(now.getTime() - COVERAGE_MS) },
          regionId,
        },
        // A proposal made since this outage began, even one dismissed or resolved: never proposed twice.
        { regionId, startedAt: { gte: cluster.firstAt } },
      ],
    },
    select: { id: true },
  });
  if (covered || (await coversAll(tx, satelliteIds, now))) return false;
  const [satellites, active] = await Promise.all([
    tx.satellite.findMany({
      where: { id: { in: satelliteIds } },
      select: { id: true, slug: true, name: true },
      orderBy: { slug: "asc" },
    }),
    tx.satellite.count({ where: { regionId, lifecycle: "active" } }),
  ]);
  const impact = proposalImpact(satellites.length, active);
  const title = `${satellites.length} satellites offline in ${regionId}`;
  // Published as it is, this text may reach public status pages: counts and the region only. The affected
  // satellites are attached to the incident and named in the audit row.
  const body =
    `${satellites.length} satellites in ${regionId} stopped reporting between ${hhmm(cluster.firstAt)} and ` +
    `${hhmm(cluster.lastAt)} UTC. We are investigating.`;
  const incident = await tx.incident.create({
    data: {
      title,
      impact,
      status: "investigating",
      isProposed: true,
      isPublished: false,
      regionId,
      startedAt: now,
      satellites: { create: satellites.map((s) => ({ satelliteId: s.id })) },
      updates: { create: { status: "investigating", impact, body, createdAt: now } },
    },
    select: { id: true },
  });
  await recordAudit(tx, systemActor, {
    action: "incident.propose",
    targetType: "incident",
    targetId: incident.id,
    summary: `Proposed "${title}" (${impact}, ${satellites.length} of ${active} active): ${slugList(satellites.map((s) => s.slug))}`,
    data: { regionId, impact, satellites: satellites.map((s) => s.slug), activeInRegion: active },
  });
  return true;
}
