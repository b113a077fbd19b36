import "server-only";
import { connectivityOf } from "@/lib/connectivity";
import { publicStatusOf, worstStatus, type PublicStatus } from "@/lib/status/public-status";
import { publishPage, type PageOutcome, type RegionInput } from "@/lib/status/publish-page";
import {
  emptyCounts,
  incidentComponentStatus,
  isPublicStatus,
  type DebounceState,
  type StatusCounts,
} from "@/lib/status/status-model";
import { db, type Prisma } from "../db";

/** The columns of a page that decide what it covers and how its statuses are published. */
export const PAGE_SELECTION = {
  regions: { select: { regionId: true } },
  satellites: { select: { satelliteId: true } },
} as const;
export type PageRow = Prisma.StatusPageGetPayload<{ include: typeof PAGE_SELECTION }>;

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

export const PUBLISHED_INCIDENT: Prisma.IncidentWhereInput = {
  isPublished: true,
  isProposed: false,
  dismissedAt: null,
};

/** Items on a page: fleet-wide ones (no satellites attached) and those touching its satellites. */
export function onPageWhere(where: Prisma.SatelliteWhereInput) {
  return { OR: [{ satellites: { none: {} } }, { satellites: { some: { satellite: where } } }] };
}

const SATELLITE_COLUMNS = {
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
} as const;

/** A satellite on the page with its own public status (never thresholded: the raw truth). */
export type PageSatellite = Prisma.SatelliteGetPayload<{ select: typeof SATELLITE_COLUMNS }> & {
  status: PublicStatus;
};
type OpenIncident = { impact: "none" | "minor" | "major" | "critical"; componentStatus: string | null };

/** What both the reconciler and the snapshot need to publish a page's statuses. */
export type PageInputs = {
  satellites: PageSatellite[];
  /** Satellite ids on the page (shown or not), and those under active maintenance. */
  onPage: Set<string>;
  windows: Prisma.MaintenanceWindowGetPayload<{
    include: { satellites: { select: { satelliteId: true } } };
  }>[];
  hasActiveMaintenance: boolean;
  counts: Map<string, StatusCounts>;
  pins: Map<string, PublicStatus>;
  /** Regions' (and the page's, under "") debounce states. */
  states: Map<string, DebounceState>;
  /** Followed satellites' debounce states ("satellite:<id>"), kept only for subscribers' notices. */
  satelliteStates: Map<string, DebounceState>;
};

/** The component key of a satellite's own debounce state; region states are keyed by the region id. */
export const satelliteComponent = (id: string) => `satellite:${id}`;

export async function loadPageInputs(page: PageRow, now: Date): Promise<PageInputs> {
  const where = pageSatelliteWhere(page);
  const [rows, windows, pins, stateRows] = await Promise.all([
    db.satellite.findMany({
      where,
      orderBy: [{ regionId: "asc" }, { name: "asc" }],
      select: SATELLITE_COLUMNS,
    }),
    db.maintenanceWindow.findMany({
      where: { cancelledAt: null, endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      include: { satellites: { select: { satelliteId: true } } },
    }),
    db.statusPin.findMany({
      where: { statusPageId: page.id, clearedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
    }),
    db.statusComponentState.findMany({ where: { statusPageId: page.id } }),
  ]);
  const onPage = new Set(rows.map((s) => s.id));
  const touches = (ids: string[]) => ids.length === 0 || ids.some((id) => onPage.has(id));
  const pageWindows = windows.filter((w) => touches(w.satellites.map((s) => s.satelliteId)));
  const inMaintenance = new Set<string>();
  for (const w of pageWindows) {
    if (w.startsAt > now || now >= w.endsAt) continue;
    for (const id of w.satellites.length ? w.satellites.map((s) => s.satelliteId) : onPage)
      inMaintenance.add(id);
  }
  const satellites: PageSatellite[] = [];
  const counts = new Map<string, StatusCounts>();
  for (const s of rows) {
    const status = publicStatusOf({
      connectivity: connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now),
      health: s.reportedHealth,
      lifecycle: s.lifecycle,
      inMaintenance: inMaintenance.has(s.id),
    });
    if (status === null) continue;
    satellites.push({ ...s, status });
    const c = counts.get(s.regionId) ?? emptyCounts();
    c[status]++;
    counts.set(s.regionId, c);
  }
  const states = new Map<string, DebounceState>();
  const satelliteStates = new Map<string, DebounceState>();
  for (const r of stateRows) {
    if (!isPublicStatus(r.published)) continue;
    const candidate = isPublicStatus(r.candidate) ? r.candidate : null;
    (r.component.startsWith("satellite:") ? satelliteStates : states).set(r.component, {
      published: r.published,
      publishedAt: r.publishedAt,
      candidate,
      candidateSince: candidate ? r.candidateSince : null,
    });
  }
  // The newest pin of a component wins (setting one clears the one before, so there is one at most).
  const pinned = new Map<string, PublicStatus>();
  for (const p of pins) if (isPublicStatus(p.status)) pinned.set(p.component, p.status);
  return {
    satellites,
    onPage,
    windows: pageWindows,
    hasActiveMaintenance: pageWindows.some((w) => w.startsAt <= now && now < w.endsAt),
    counts,
    pins: pinned,
    states,
    satelliteStates,
  };
}

/** Open published incidents on a page, with the satellites they name. */
export function loadOpenIncidents(where: Prisma.SatelliteWhereInput) {
  return db.incident.findMany({
    where: { AND: [PUBLISHED_INCIDENT, onPageWhere(where), { resolvedAt: null }] },
    orderBy: { startedAt: "desc" },
    include: {
      updates: true,
      satellites: { select: { satelliteId: true, satellite: { select: { regionId: true } } } },
    },
  });
}
export type OpenIncidentRow = Awaited<ReturnType<typeof loadOpenIncidents>>[number];

/**
 * The page's published statuses (docs/status-model.md). An incident names the regions of its satellites on
 * this page, or every region of the page when it is fleet-wide.
 */
export function outcomeOf(
  page: { degradedPct: number; partialPct: number; majorPct: number; debounceSec: number },
  inputs: PageInputs,
  incidents: (OpenIncident & {
    status: string;
    satellites: { satelliteId: string; satellite: { regionId: string } }[];
  })[],
  now: Date,
  advance: boolean,
): PageOutcome {
  const open = incidents.filter((i) => i.status !== "resolved");
  const byIncident = new Map<string, PublicStatus>();
  for (const incident of open) {
    const status = incidentComponentStatus(incident);
    const named = incident.satellites.length
      ? incident.satellites.filter((s) => inputs.onPage.has(s.satelliteId)).map((s) => s.satellite.regionId)
      : [...inputs.counts.keys()];
    for (const region of new Set(named)) {
      const before = byIncident.get(region);
      byIncident.set(region, before ? worstStatus(before, status) : status);
    }
  }
  const regions: RegionInput[] = [...inputs.counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, counts]) => ({
      id,
      counts,
      people: { pin: inputs.pins.get(id) ?? null, incident: byIncident.get(id) ?? null },
    }));
  return publishPage({
    regions,
    states: inputs.states,
    thresholds: page,
    debounceSec: page.debounceSec,
    incidentImpacts: open.map((i) => i.impact),
    hasActiveMaintenance: inputs.hasActiveMaintenance,
    now,
    advance,
  });
}
