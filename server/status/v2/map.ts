import type { PublicStatus } from "@/lib/status/public-status";
import type { PublicIncident, PublicMaintenance, StatusSnapshot } from "../snapshot";
import type {
  V2Component,
  V2Incident,
  V2IncidentUpdate,
  V2Maintenance,
  V2Page,
  V2Status,
  V2View,
} from "./types";

export type * from "./types";

// The one place an Orrery status snapshot becomes Atlassian Statuspage's public v2 format
// (docs/status-embeds.md, "Statuspage v2 API"; the status mapping is in docs/status-model.md). Pure: the
// caller passes the page's public address, so nothing here reads a request.

/**
 * Orrery's published status → a v2 component status. Orrery publishes Statuspage's own vocabulary
 * (lib/status/public-status.ts), so the table is the identity; it is written out so a new Orrery status
 * cannot reach readers without a decision here.
 */
export const V2_COMPONENT_STATUS: Record<PublicStatus, V2Status> = {
  operational: "operational",
  under_maintenance: "under_maintenance",
  degraded_performance: "degraded_performance",
  partial_outage: "partial_outage",
  major_outage: "major_outage",
};

/** What an incident of each impact does to the components it names, as the feed and the page say. */
export const IMPACT_COMPONENT_STATUS: Record<string, V2Status> = {
  none: "operational",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};

/** Component ids carry their kind, so a region and a satellite with the same name never collide. */
export const regionComponentId = (regionId: string) => `region:${regionId}`;
export const satelliteComponentId = (slug: string) => `satellite:${slug}`;

/** At most this many incidents in incidents.json, like Statuspage. */
export const RECENT_INCIDENTS = 50;
/** At most this many maintenances in scheduled-maintenances.json, like Statuspage: open ones, then completed. */
export const RECENT_MAINTENANCE = 50;

/**
 * `pageUrl` is the page's public address (with an unlisted page's key), `keySuffix` that key as a query
 * string for links under it.
 */
export function toV2(snapshot: StatusSnapshot, pageUrl: string, keySuffix: string): V2View {
  const doc = snapshot.document;
  const at = doc.generatedAt;
  const pageId = snapshot.page.id;
  const page: V2Page = {
    id: pageId,
    name: doc.page.title,
    url: pageUrl,
    time_zone: "Etc/UTC",
    updated_at: at,
  };
  const base = { created_at: at, updated_at: at, description: null, showcase: false, start_date: null };
  const base2 = { page_id: pageId, only_show_if_degraded: false };

  const components: V2Component[] = [];
  const regionNames = new Map<string, string>();
  let position = 0;
  for (const r of doc.regions) {
    regionNames.set(r.id, r.name);
    const children = r.components ?? [];
    const grouped = snapshot.page.showSatellites && children.length > 0;
    components.push({
      id: regionComponentId(r.id),
      name: r.name,
      status: V2_COMPONENT_STATUS[r.status],
      ...base,
      position: ++position,
      group_id: null,
      ...base2,
      group: grouped,
      ...(grouped ? { components: children.map((c) => satelliteComponentId(c.id)) } : {}),
    });
    if (!grouped) continue;
    for (const c of children) {
      components.push({
        id: satelliteComponentId(c.id),
        name: c.name,
        status: V2_COMPONENT_STATUS[c.status],
        ...base,
        position: ++position,
        group_id: regionComponentId(r.id),
        ...base2,
        group: false,
      });
    }
  }
  const byId = new Map(components.map((c) => [c.id, c]));
  const allRegions = doc.regions.map((r) => r.id);
  /**
   * An item naming no region of the page is fleet-wide: it touches every region shown. The regions come
   * without their `components` lists: which satellites a region holds is the page's structure, said once in
   * `components`, and repeating it in every incident made a large page's summary a fifth bigger.
   */
  const touched = (regions: string[]) =>
    (regions.length ? regions : allRegions)
      .map((id) => byId.get(regionComponentId(id)))
      .filter((c): c is V2Component => !!c)
      .map(({ components: _children, ...region }) => region);

  const link = (anchor: string) => `${pageUrl}${keySuffix}#${anchor}`;

  const incident = (i: PublicIncident): V2Incident => {
    const hit = touched(i.regions);
    // Updates come newest first; each one's affected components move from the status before it.
    const oldestFirst = [...i.updates].reverse();
    let before: V2Status = "operational";
    const updates = oldestFirst.map((u, n) => {
      const after: V2Status =
        u.status === "resolved"
          ? "operational"
          : (IMPACT_COMPONENT_STATUS[u.impact ?? i.impact] ?? "operational");
      const update: V2IncidentUpdate = {
        // Updates are only ever appended, so their order numbers them for good.
        id: `${i.id}-${n + 1}`,
        status: u.status,
        body: u.body,
        incident_id: i.id,
        created_at: u.at,
        updated_at: u.at,
        display_at: u.at,
        affected_components: hit.map((c) => ({
          code: c.id,
          name: c.name,
          old_status: before,
          new_status: after,
        })),
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      };
      before = after;
      return update;
    });
    return {
      id: i.id,
      name: i.title,
      status: i.status,
      created_at: i.startedAt,
      updated_at: i.updatedAt,
      monitoring_at: oldestFirst.find((u) => u.status === "monitoring")?.at ?? null,
      resolved_at: i.resolvedAt,
      impact: i.impact,
      shortlink: link(`incident-${i.id}`),
      started_at: i.startedAt,
      page_id: pageId,
      incident_updates: updates.reverse(),
      components: hit,
    };
  };

  /**
   * An ended window is "completed" with a second update at its end, when its components went back to
   * operational; the first update keeps the window's own words.
   */
  const maintenance = (m: PublicMaintenance, completed = false): V2Maintenance => {
    const status = completed ? "completed" : m.active ? "in_progress" : "scheduled";
    const components = touched(m.regions);
    const affected = (old_status: V2Status, new_status: V2Status) =>
      components.map((c) => ({ code: c.id, name: c.name, old_status, new_status }));
    const update = (n: number, status: V2Maintenance["status"], body: string, at: string, to: V2Status) => ({
      id: `${m.id}-${n}`,
      status,
      body,
      incident_id: m.id,
      created_at: at,
      updated_at: at,
      display_at: at,
      affected_components: affected(to === "operational" ? "under_maintenance" : "operational", to),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    });
    const first = update(
      1,
      completed ? "in_progress" : status,
      m.description || m.title,
      m.startsAt,
      "under_maintenance",
    );
    return {
      id: m.id,
      name: m.title,
      status,
      created_at: m.startsAt,
      updated_at: completed ? m.endsAt : m.startsAt,
      monitoring_at: null,
      resolved_at: completed ? m.endsAt : null,
      impact: "maintenance",
      shortlink: link(`maintenance-${m.id}`),
      started_at: m.startsAt,
      page_id: pageId,
      incident_updates: completed
        ? [
            update(2, "completed", "The scheduled maintenance has been completed.", m.endsAt, "operational"),
            first,
          ]
        : [first],
      components,
      scheduled_for: m.startsAt,
      scheduled_until: m.endsAt,
    };
  };

  const unresolved = doc.activeIncidents.map(incident);
  const resolved = snapshot.history.map(incident);
  const all = [...unresolved, ...resolved];
  const incidents = [...all]
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .slice(0, RECENT_INCIDENTS);
  return {
    page,
    components,
    status: { indicator: doc.indicator, description: doc.description },
    incidents,
    unresolved,
    // Upcoming and in progress all, then the latest completed up to Statuspage's 50.
    maintenances: [
      ...doc.maintenance.map((m) => maintenance(m)),
      ...snapshot.completedMaintenance
        .slice(0, Math.max(0, RECENT_MAINTENANCE - doc.maintenance.length))
        .map((m) => maintenance(m, true)),
    ],
    byId: new Map(all.map((i) => [i.id, i])),
  };
}

/** The body of each v2 path, by its path under `api/v2/`; null for a path that is not one. */
export function v2Body(view: V2View, path: string): unknown {
  const { page } = view;
  const upcoming = () => view.maintenances.filter((m) => m.status === "scheduled");
  const active = () =>
    view.maintenances.filter((m) => m.status === "in_progress" || m.status === "verifying");
  switch (path) {
    case "summary.json":
      return {
        page,
        components: view.components,
        incidents: view.unresolved,
        scheduled_maintenances: [...active(), ...upcoming()],
        status: view.status,
      };
    case "status.json":
      return { page, status: view.status };
    case "components.json":
      return { page, components: view.components };
    case "incidents.json":
      return { page, incidents: view.incidents };
    case "incidents/unresolved.json":
      return { page, incidents: view.unresolved };
    case "scheduled-maintenances.json":
      return { page, scheduled_maintenances: view.maintenances };
    case "scheduled-maintenances/upcoming.json":
      return { page, scheduled_maintenances: upcoming() };
    case "scheduled-maintenances/active.json":
      return { page, scheduled_maintenances: active() };
    default:
      return null;
  }
}

export const V2_PATHS = [
  "summary.json",
  "status.json",
  "components.json",
  "incidents.json",
  "incidents/unresolved.json",
  "scheduled-maintenances.json",
  "scheduled-maintenances/upcoming.json",
  "scheduled-maintenances/active.json",
] as const;
