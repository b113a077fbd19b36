import "server-only";
import { connectivityOf, effectiveHealth, type Health } from "@/lib/connectivity";
import {
  HOT_LINK_PCT,
  linkUtilisationPct,
  MAP_POSTURES,
  MAP_ROLLOUT_STATES,
  MAP_STATUSES,
  mapStatusOf,
  type FleetMapKpis,
  type MapRolloutState,
  type MapStatus,
} from "@/lib/fleet-map";
import { emptyColumns, type MapMeta } from "@/lib/fleet-map-wire";
import { authorize, type Ctx } from "../auth/context";
import { onResync, subscribe } from "../bus";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { db } from "../db";
import { validationError } from "../errors";
import { latestFleet, type LatestSatellite } from "../fleet-state";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";
import { SatelliteQuery } from "../satellites/schemas";
import { FleetMap, layoutOf, versionOf } from "./fleet-map-build";
import { placeRows, rowFilter } from "./map-rows";
import { mapPosture, parsePostureQuery, type MapPostureQuery } from "./posture";

export { FleetMap } from "./fleet-map-build";

const TARGET_TO_MAP: Record<string, MapRolloutState> = {
  pending: "pending",
  upgrading: "upgrading",
  succeeded: "succeeded",
  failed: "failed",
  rolled_back: "rolled_back",
  excluded: "none",
  skipped: "none",
};

const STATUS_INDEX = new Map(MAP_STATUSES.map((s, i) => [s, i]));
const POSTURE_INDEX = new Map(MAP_POSTURES.map((s, i) => [s, i]));
const ROLLOUT_INDEX = new Map(MAP_ROLLOUT_STATES.map((s, i) => [s, i]));

/** Where the rows come from: the process's fleet state; tests may hand their own. */
export type RowSource = () => Promise<readonly LatestSatellite[]>;
const fromFleetState: RowSource = async () => (await latestFleet()).rows;

/**
 * Every satellite the filters select, as the map's columns, with the KPI strip computed from the same rows
 * so the map and its counts always agree. Its version changes when a satellite's status, bandwidth or
 * rollout state does, including when time alone makes one stale.
 */
export async function fleetMap(ctx: Ctx, input: unknown, now = new Date(), rows = fromFleetState) {
  return buildFleetMap(mapQuery(ctx, input), now, rows);
}

export type MapQuery = { filters: SatelliteQuery; posture: MapPostureQuery };

/**
 * Every map answer starts here: the caller may read the fleet, and the filters are valid. Posture is
 * compliance data: it asks compliance.read too. The map holds nothing per user: every reader of the fleet
 * sees all of it (a region scope limits what she may change, not what she may see), so answers are shared by
 * their query alone.
 */
export function mapQuery(ctx: Ctx, input: unknown): MapQuery {
  authorize(ctx, "satellites.read");
  const parsed = SatelliteQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const posture = parsePostureQuery(input);
  if (posture.posture || posture.violating) authorize(ctx, "compliance.read");
  return { filters: parsed.data, posture };
}

/**
 * Answers are shared for 2 s per query: every console polls, mostly with the same filters. A satellite changed
 * outside ingest in any replica (fleet.changed) is shown at the next answer, not up to 2 s later; the fleet
 * state it is read from hears the same message and reads what changed first.
 */
export const sharedFleetMaps = processSingleton("cache.fleet-map", () => {
  const cache = new SwrCache<FleetMap>({ freshMs: 2_000, maxEntries: 200 });
  subscribe("fleet.changed", () => cache.invalidate());
  onResync(() => cache.invalidate());
  return cache;
});

/** The map for an already authorized query (mapQuery), shared. */
export function sharedFleetMap(query: MapQuery): Promise<FleetMap> {
  return sharedFleetMaps.get(JSON.stringify(query), (now) =>
    buildFleetMap(query, new Date(now), fromFleetState),
  );
}

export async function fleetMapShared(ctx: Ctx, input: unknown): Promise<FleetMap> {
  return sharedFleetMap(mapQuery(ctx, input));
}

async function buildFleetMap(query: MapQuery, now: Date, source: RowSource): Promise<FleetMap> {
  const wantsPosture = Boolean(query.posture.posture || query.posture.violating);
  const [held, regions, targets, activeRollouts, openIncidents] = await Promise.all([
    source(),
    db.complianceRegion.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, color: true, countries: true },
    }),
    db.rolloutTarget.findMany({
      where: { rollout: { status: { in: [...ACTIVE_ROLLOUT_STATUSES] } } },
      select: { satelliteId: true, state: true },
    }),
    db.rollout.count({ where: { status: { in: [...ACTIVE_ROLLOUT_STATUSES] } } }),
    db.incident.count({ where: { status: { not: "resolved" }, isProposed: false } }),
  ]);
  const all = held.filter(rowFilter(query.filters, now));
  const posture = wantsPosture
    ? await mapPosture(
        all.map((r) => ({ id: r.id, labelText: r.labelText })),
        query.posture.violating,
        now,
      )
    : null;
  // "Violating policy X" narrows the map like any filter, so the KPI strip counts the same satellites.
  const placed = placeRows(posture?.violating ? all.filter((r) => posture.violating?.has(r.id)) : all);
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  const rolloutOf = new Map(targets.map((t) => [t.satelliteId, TARGET_TO_MAP[t.state] ?? "none"]));
  const n = placed.length;
  const cols = emptyColumns(n, posture !== null);
  const ids = new Array<string>(n);
  const kpis: FleetMapKpis = {
    total: n,
    byStatus: Object.fromEntries(MAP_STATUSES.map((s) => [s, 0])) as Record<MapStatus, number>,
    rxMbps: 0,
    txMbps: 0,
    downlinkMbps: 0,
    uplinkMbps: 0,
    hotLinks: 0,
    activeRollouts,
    openIncidents,
  };
  for (let i = 0; i < n; i++) {
    const { row, lon, lat } = placed[i];
    const connectivity = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
    const status = mapStatusOf(connectivity, effectiveHealth(connectivity, row.reportedHealth as Health));
    const live = connectivity === "connected" || connectivity === "stale";
    const rx = live ? row.lastRxMbps : null;
    const tx = live ? row.lastTxMbps : null;
    const bw = linkUtilisationPct(rx, tx, row.downlinkMbps, row.uplinkMbps);
    ids[i] = row.id;
    cols.lon[i] = lon;
    cols.lat[i] = lat;
    cols.region[i] = regionIndex.get(row.regionId) ?? -1;
    cols.status[i] = STATUS_INDEX.get(status) ?? 0;
    cols.bw[i] = bw ?? -1;
    cols.rollout[i] = ROLLOUT_INDEX.get(rolloutOf.get(row.id) ?? "none") ?? 0;
    if (cols.posture && posture)
      cols.posture[i] = POSTURE_INDEX.get(posture.postureOf.get(row.id) ?? "none") ?? 0;
    kpis.byStatus[status]++;
    kpis.downlinkMbps += row.downlinkMbps;
    kpis.uplinkMbps += row.uplinkMbps;
    kpis.rxMbps += rx ?? 0;
    kpis.txMbps += tx ?? 0;
    if (bw !== null && bw > HOT_LINK_PCT) kpis.hotLinks++;
  }
  kpis.rxMbps = Math.round(kpis.rxMbps);
  kpis.txMbps = Math.round(kpis.txMbps);
  const layout = layoutOf(ids, cols);
  const meta: Omit<MapMeta, "version"> = {
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      color: r.color,
      countries: Array.isArray(r.countries) ? r.countries.filter((c) => typeof c === "string") : [],
    })),
    ...(posture && { policies: posture.policies }),
    kpis,
    layout,
    count: n,
  };
  const rows = placed.map((p) => p.row);
  return new FleetMap({ ...meta, version: versionOf(meta, cols) }, cols, ids, rows);
}
