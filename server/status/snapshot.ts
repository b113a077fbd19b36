import "server-only";
import { worstStatus, type PublicStatus } from "@/lib/status/public-status";
import { weakEtag } from "@/lib/status/etag";
import { INDICATOR_DESCRIPTION, type ComponentSource, type StatusIndicator } from "@/lib/status/indicator";
import { emptyCounts } from "@/lib/status/status-model";
import { db } from "../db";
import {
  loadOpenIncidents,
  loadPageInputs,
  onPageWhere,
  outcomeOf,
  PAGE_SELECTION,
  pageSatelliteWhere,
  PUBLISHED_INCIDENT,
  type OpenIncidentRow,
} from "./page-inputs";
import { RECENT_MAINTENANCE } from "./v2/map";

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
  /**
   * Set while the satellites' status says otherwise than the published one and the debounce still holds it:
   * the counts have already got better (`recovering`) or worse (`worsening`), so the row says why they and
   * its status disagree. Absent when they agree or people set the status.
   */
  settling?: "recovering" | "worsening";
  /** Absent when the page shows only per-region roll-ups. */
  components?: PublicComponent[];
};

/** Whether a region's satellites have moved away from its held status, and which way. */
function settlingOf(r: {
  status: PublicStatus;
  source: ComponentSource;
  live: PublicStatus;
}): Pick<PublicRegion, "settling"> {
  if (r.source !== "computed" || r.live === r.status || r.live === "under_maintenance") return {};
  return { settling: worstStatus(r.live, r.status) === r.live ? "worsening" : "recovering" };
}

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
  /** Maintenance that ended in the last 90 days, latest end first, at most RECENT_MAINTENANCE (v2 lists it). */
  completedMaintenance: PublicMaintenance[];
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

type IncidentRow = OpenIncidentRow;

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
 * Builds a status page's snapshot from the database: each satellite's own status, each region's and the
 * page's published status (docs/status-model.md: the states the reconciler keeps, pins, incidents,
 * maintenance), published incidents and maintenance that touch the page. Returns null for no such page.
 */
export async function buildSnapshot(
  slug: string,
  now: Date,
  version: number,
): Promise<StatusSnapshot | null> {
  const page = await db.statusPage.findUnique({ where: { slug }, include: PAGE_SELECTION });
  if (!page) return null;
  const where = pageSatelliteWhere(page);
  const historyFrom = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  // Open incidents all, however many; history bounded. Both filtered to this page in the query, so
  // incidents elsewhere in the fleet never crowd this page's out.
  const [inputs, regions, openIncidents, resolvedIncidents, endedWindows] = await Promise.all([
    loadPageInputs(page, now),
    db.complianceRegion.findMany({ select: { id: true, name: true } }),
    loadOpenIncidents(where),
    db.incident.findMany({
      where: { AND: [PUBLISHED_INCIDENT, onPageWhere(where), { resolvedAt: { gte: historyFrom } }] },
      orderBy: { startedAt: "desc" },
      take: 100,
      include: {
        updates: true,
        satellites: { select: { satelliteId: true, satellite: { select: { regionId: true } } } },
      },
    }),
    // Filtered to this page in the query too, so windows elsewhere never crowd this page's out.
    db.maintenanceWindow.findMany({
      where: { AND: [{ cancelledAt: null, endsAt: { lte: now, gte: historyFrom } }, onPageWhere(where)] },
      orderBy: { endsAt: "desc" },
      take: RECENT_MAINTENANCE,
      include: { satellites: { select: { satelliteId: true } } },
    }),
  ]);
  const { onPage, satellites } = inputs;
  const regionOf = new Map(satellites.map((s) => [s.id, s.regionId]));
  const toMaintenance = (w: (typeof endedWindows)[number]): PublicMaintenance => ({
    id: w.id,
    title: w.title,
    description: w.description,
    startsAt: w.startsAt.toISOString(),
    endsAt: w.endsAt.toISOString(),
    active: w.startsAt <= now && now < w.endsAt,
    regions: [
      ...new Set(w.satellites.map((s) => regionOf.get(s.satelliteId)).filter((r): r is string => !!r)),
    ].sort(),
  });
  const maintenance = inputs.windows.map(toMaintenance);

  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const byRegion = new Map<string, PublicComponent[]>();
  for (const s of satellites) {
    const list = byRegion.get(s.regionId) ?? [];
    list.push({ id: s.slug, name: s.name, city: s.city, country: s.country, status: s.status });
    byRegion.set(s.regionId, list);
  }
  const open = openIncidents.filter((i) => i.status !== "resolved");
  const outcome = outcomeOf(page, inputs, open, now, false);
  const publicRegions: PublicRegion[] = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, components]) => {
      const published = outcome.regions.get(id)!;
      return {
        id,
        name: regionName.get(id) ?? id,
        status: published.status,
        source: published.source,
        counts: inputs.counts.get(id) ?? emptyCounts(),
        ...settlingOf(published),
        ...(page.showSatellites ? { components } : {}),
      };
    });

  const document: PublicStatusDocument = {
    page: {
      slug: page.slug,
      title: page.title,
      description: page.description,
      logoUrl: page.logoUrl,
      accentColor: page.accentColor,
    },
    overall: outcome.overall,
    indicator: outcome.indicator,
    description: INDICATOR_DESCRIPTION[outcome.indicator],
    regions: publicRegions,
    activeIncidents: open.map((i) => toPublicIncident(i, onPage)),
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
    history: resolvedIncidents.filter((i) => i.status === "resolved").map((i) => toPublicIncident(i, onPage)),
    completedMaintenance: endedWindows.map(toMaintenance),
    satelliteIds: [...onPage],
    regionIds: page.includeAll
      ? regions.map((r) => r.id)
      : [...new Set([...page.regions.map((r) => r.regionId), ...satellites.map((s) => s.regionId)])],
    json,
    etag,
    builtAt: Date.now(),
    version,
  };
}
