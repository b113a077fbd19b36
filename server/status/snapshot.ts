import "server-only";
import { connectivityOf } from "@/lib/connectivity";
import { PUBLIC_STATUSES, publicStatusOf, rollUp, type PublicStatus } from "@/lib/status/public-status";
import { weakEtag } from "@/lib/status/etag";
import {
  INDICATOR_DESCRIPTION,
  INDICATOR_OF_STATUS,
  type ComponentSource,
  type StatusIndicator,
} from "@/lib/status/indicator";
import { db, type Prisma } from "../db";

/** What a status page shows of a satellite: never capacities, versions, links or anything operational. */
export type PublicComponent = {
  id: string;
  name: string;
  city: string;
  country: string;
  status: PublicStatus;
};

export type PublicRegion = {
  id: string;
  name: string;
  /** The published status (docs/status-model.md): thresholded, debounced, or set by people. */
  status: PublicStatus;
  /** Where `status` comes from: the satellites (`computed`), an open incident, a pin, or maintenance. */
  source: ComponentSource;
  counts: Record<PublicStatus, number>;
  /** Absent when the page shows only per-region roll-ups. */
  components?: PublicComponent[];
};

export type PublicIncidentUpdate = { status: string; impact: string | null; body: string; at: string };
export type PublicIncident = {
  id: string;
  title: string;
  impact: string;
  status: string;
  startedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
  regions: string[];
  updates: PublicIncidentUpdate[];
};
export type PublicMaintenance = {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
  regions: string[];
};

/** The public JSON of a status page: exactly what /api/status/<slug> answers. */
export type PublicStatusDocument = {
  page: {
    slug: string;
    title: string;
    description: string;
    logoUrl: string | null;
    accentColor: string | null;
  };
  /** The overall status, as a component status (the badge and the banner colour). */
  overall: PublicStatus;
  /** Statuspage's overall indicator, plus `maintenance` (docs/status-model.md). */
  indicator: StatusIndicator;
  /** The indicator in words: "All systems operational", "Minor service disruption", … */
  description: string;
  regions: PublicRegion[];
  activeIncidents: PublicIncident[];
  maintenance: PublicMaintenance[];
  generatedAt: string;
};

/** The snapshot the machine path and the public page serve from; `page` holds fields never sent out. */
export type StatusSnapshot = {
  page: {
    id: string;
    slug: string;
    title: string;
    visibility: "public" | "unlisted" | "disabled";
    secret: string | null;
    allowedOrigins: string[];
    showSatellites: boolean;
  };
  document: PublicStatusDocument;
  /** Resolved incidents of the last 90 days, newest first, for the page's history and the feed. */
  history: PublicIncident[];
  /** Satellite ids on the page, for uptime. */
  satelliteIds: string[];
  /** Regions the page covers, shown or not yet (a region badge answers for any of them). */
  regionIds: string[];
  json: string;
  etag: string;
  builtAt: number;
  version: number;
};

const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The satellites a page covers: the whole fleet, or its regions, labels and hand-picked satellites. */
export function pageSatelliteWhere(page: {
  includeAll: boolean;
  labelSelector: string;
  regions: { regionId: string }[];
  satellites: { satelliteId: string }[];
}): Prisma.SatelliteWhereInput {
  const live: Prisma.SatelliteWhereInput = { lifecycle: { not: "decommissioned" } };
  if (page.includeAll) return live;
  const any: Prisma.SatelliteWhereInput[] = [];
  if (page.regions.length) any.push({ regionId: { in: page.regions.map((r) => r.regionId) } });
  if (page.satellites.length) any.push({ id: { in: page.satellites.map((s) => s.satelliteId) } });
  // The selector is stored encoded like labelText, so each pair is matched as it is.
  for (const pair of page.labelSelector.split("|").filter(Boolean)) {
    any.push({ labelText: { contains: `|${pair}|` } });
  }
  // A page that selects nothing shows nothing, never the whole fleet by accident.
  return { AND: [live, any.length ? { OR: any } : { id: { in: [] } }] };
}

function emptyCounts(): Record<PublicStatus, number> {
  return Object.fromEntries(PUBLIC_STATUSES.map((s) => [s, 0])) as Record<PublicStatus, number>;
}

type IncidentRow = Prisma.IncidentGetPayload<{
  include: {
    updates: true;
    satellites: { select: { satelliteId: true; satellite: { select: { regionId: true } } } };
  };
}>;

/** `onPage` keeps an incident's regions to those of this page's satellites: no page names another's sites. */
function toPublicIncident(row: IncidentRow, onPage: Set<string>): PublicIncident {
  const updates = [...row.updates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return {
    id: row.id,
    title: row.title,
    impact: row.impact,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    updatedAt: (updates[0]?.createdAt ?? row.updatedAt).toISOString(),
    regions: [
      ...new Set(row.satellites.filter((s) => onPage.has(s.satelliteId)).map((s) => s.satellite.regionId)),
    ].sort(),
    updates: updates.map((u) => ({
      status: u.status,
      impact: u.impact,
      body: u.body,
      at: u.createdAt.toISOString(),
    })),
  };
}

/**
 * Builds a status page's snapshot from the database: statuses through the one public-status function,
 * published incidents and maintenance that touch the page's satellites (or the whole fleet). Returns null
 * for a page that does not exist.
 */
export async function buildSnapshot(
  slug: string,
  now: Date,
  version: number,
): Promise<StatusSnapshot | null> {
  const page = await db.statusPage.findUnique({
    where: { slug },
    include: { regions: { select: { regionId: true } }, satellites: { select: { satelliteId: true } } },
  });
  if (!page) return null;
  const where = pageSatelliteWhere(page);
  const historyFrom = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const published: Prisma.IncidentWhereInput = { isPublished: true, isProposed: false, dismissedAt: null };
  const onThisPage: Prisma.IncidentWhereInput = {
    OR: [{ satellites: { none: {} } }, { satellites: { some: { satellite: where } } }],
  };
  const incidentInclude = {
    updates: true,
    satellites: { select: { satelliteId: true, satellite: { select: { regionId: true } } } },
  } as const;
  const [satellites, regions, windows, openIncidents, resolvedIncidents] = await Promise.all([
    db.satellite.findMany({
      where,
      orderBy: [{ regionId: "asc" }, { name: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        city: true,
        country: true,
        regionId: true,
        lifecycle: true,
        lastSeenAt: true,
        heartbeatIntervalSec: true,
        reportedHealth: true,
      },
    }),
    db.complianceRegion.findMany({ select: { id: true, name: true } }),
    db.maintenanceWindow.findMany({
      where: { cancelledAt: null, endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      include: { satellites: { select: { satelliteId: true } } },
    }),
    // Open incidents all, however many; history bounded. Both filtered to this page in the query, so
    // incidents elsewhere in the fleet never crowd this page's out.
    db.incident.findMany({
      where: { AND: [published, onThisPage, { resolvedAt: null }] },
      orderBy: { startedAt: "desc" },
      include: incidentInclude,
    }),
    db.incident.findMany({
      where: { AND: [published, onThisPage, { resolvedAt: { gte: historyFrom } }] },
      orderBy: { startedAt: "desc" },
      take: 100,
      include: incidentInclude,
    }),
  ]);
  const incidents = [...openIncidents, ...resolvedIncidents];
  const onPage = new Set(satellites.map((s) => s.id));
  const regionOf = new Map(satellites.map((s) => [s.id, s.regionId]));
  // Fleet-wide items (no satellites attached) appear on every page; others only where they touch it.
  const touches = (ids: string[]) => ids.length === 0 || ids.some((id) => onPage.has(id));

  const inMaintenance = new Set<string>();
  const maintenance: PublicMaintenance[] = [];
  for (const w of windows) {
    const ids = w.satellites.map((s) => s.satelliteId);
    if (!touches(ids)) continue;
    const active = w.startsAt <= now && now < w.endsAt;
    if (active) for (const id of ids.length ? ids : onPage) inMaintenance.add(id);
    maintenance.push({
      id: w.id,
      title: w.title,
      description: w.description,
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
      active,
      regions: [...new Set(ids.map((id) => regionOf.get(id)).filter((r): r is string => !!r))].sort(),
    });
  }

  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const byRegion = new Map<string, PublicComponent[]>();
  for (const s of satellites) {
    const connectivity = connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now);
    const status = publicStatusOf({
      connectivity,
      health: s.reportedHealth,
      lifecycle: s.lifecycle,
      inMaintenance: inMaintenance.has(s.id),
    });
    if (status === null) continue;
    const list = byRegion.get(s.regionId) ?? [];
    list.push({ id: s.slug, name: s.name, city: s.city, country: s.country, status });
    byRegion.set(s.regionId, list);
  }
  const publicRegions: PublicRegion[] = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, components]) => {
      const counts = emptyCounts();
      for (const c of components) counts[c.status]++;
      return {
        id,
        name: regionName.get(id) ?? id,
        status: rollUp(components.map((c) => c.status)),
        source: "computed" as const,
        counts,
        ...(page.showSatellites ? { components } : {}),
      };
    });

  const overall = rollUp([...byRegion.values()].flat().map((c) => c.status));
  const indicator = INDICATOR_OF_STATUS[overall];
  const relevant = incidents.filter((i) => touches(i.satellites.map((s) => s.satelliteId)));
  const document: PublicStatusDocument = {
    page: {
      slug: page.slug,
      title: page.title,
      description: page.description,
      logoUrl: page.logoUrl,
      accentColor: page.accentColor,
    },
    overall,
    indicator,
    description: INDICATOR_DESCRIPTION[indicator],
    regions: publicRegions,
    activeIncidents: relevant.filter((i) => i.status !== "resolved").map((i) => toPublicIncident(i, onPage)),
    maintenance,
    generatedAt: now.toISOString(),
  };
  // The ETag covers what changes the page, not the time it was built.
  const json = JSON.stringify(document);
  const etag = weakEtag(JSON.stringify({ ...document, generatedAt: "" }));
  return {
    page: {
      id: page.id,
      slug: page.slug,
      title: page.title,
      visibility: page.visibility,
      secret: page.secret,
      allowedOrigins: stringList(page.allowedOrigins),
      showSatellites: page.showSatellites,
    },
    document,
    history: relevant.filter((i) => i.status === "resolved").map((i) => toPublicIncident(i, onPage)),
    satelliteIds: satellites.map((s) => s.id),
    regionIds: page.includeAll
      ? regions.map((r) => r.id)
      : [...new Set([...page.regions.map((r) => r.regionId), ...satellites.map((s) => s.regionId)])],
    json,
    etag,
    builtAt: Date.now(),
    version,
  };
}
