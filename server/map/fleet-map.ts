import "server-only";
import { connectivityOf, effectiveHealth } from "@/lib/connectivity";
import {
  HOT_LINK_PCT,
  linkUtilisationPct,
  MAP_POSTURES,
  MAP_ROLLOUT_STATES,
  MAP_STATUSES,
  mapStatusOf,
  type FleetMapPayload,
  type MapRolloutState,
  type MapStatus,
} from "@/lib/fleet-map";
import { authorize, type Ctx } from "../auth/context";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { tagJson, type TaggedJson } from "../cache/tagged-json";
import { db } from "../db";
import { validationError } from "../errors";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";
import { satelliteWhere } from "../satellites/list";
import { SatelliteQuery } from "../satellites/schemas";
import { mapPosture, parsePostureQuery, type MapPostureQuery } from "./posture";

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

/** The payload with its JSON and the ETag of that JSON, each computed once. */
export type FleetMap = TaggedJson & { payload: FleetMapPayload };

/**
 * Every satellite the filters select, as the map's compact columns, with the KPI strip computed from the
 * same rows so the map and its counts always agree. The ETag is a hash of the content: it changes when a
 * satellite's status, bandwidth or rollout state does, including when time alone makes one stale.
 */
export async function fleetMap(ctx: Ctx, input: unknown, now = new Date()): Promise<FleetMap> {
  return buildFleetMap(mapQuery(ctx, input), now);
}

type MapQuery = { filters: SatelliteQuery; posture: MapPostureQuery };

/**
 * Every map answer starts here: the caller may read the fleet, and the filters are valid. Posture is
 * compliance data: it asks compliance.read too.
 */
function mapQuery(ctx: Ctx, input: unknown): MapQuery {
  authorize(ctx, "satellites.read");
  const parsed = SatelliteQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const posture = parsePostureQuery(input);
  if (posture.posture || posture.violating) authorize(ctx, "compliance.read");
  return { filters: parsed.data, posture };
}

/**
 * The map as the endpoint serves it: every console polls every 5 s, mostly with the same filters, so an
 * answer is shared for 2 s. The caller is authorized first; the map holds nothing per user.
 */
const shared = processSingleton(
  "cache.fleet-map",
  () => new SwrCache<FleetMap>({ freshMs: 2_000, maxEntries: 200 }),
);

export async function fleetMapShared(ctx: Ctx, input: unknown): Promise<FleetMap> {
  const query = mapQuery(ctx, input);
  return shared.get(JSON.stringify(query), (now) => buildFleetMap(query, new Date(now)));
}

async function buildFleetMap(query: MapQuery, now: Date): Promise<FleetMap> {
  const where = satelliteWhere(query.filters, now);
  const wantsPosture = Boolean(query.posture.posture || query.posture.violating);
  const [all, regions, targets, activeRollouts, openIncidents] = await Promise.all([
    db.satellite.findMany({
      where,
      orderBy: { slug: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        lon: true,
        lat: true,
        regionId: true,
        lastSeenAt: true,
        heartbeatIntervalSec: true,
        reportedHealth: true,
        lastRxMbps: true,
        lastTxMbps: true,
        uplinkMbps: true,
        downlinkMbps: true,
        labelText: wantsPosture,
      },
    }),
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

  const posture = wantsPosture
    ? await mapPosture(
        all.map((r) => ({ id: r.id, labelText: r.labelText ?? "" })),
        query.posture.violating,
        now,
      )
    : null;
  // "Violating policy X" narrows the map like any filter, so the KPI strip counts the same satellites.
  const rows = posture?.violating ? all.filter((r) => posture.violating?.has(r.id)) : all;
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  const rolloutOf = new Map(targets.map((t) => [t.satelliteId, TARGET_TO_MAP[t.state] ?? "none"]));
  const n = rows.length;
  const payload: FleetMapPayload = {
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      color: r.color,
      countries: Array.isArray(r.countries) ? r.countries.filter((c) => typeof c === "string") : [],
    })),
    slug: new Array(n),
    name: new Array(n),
    lon: new Array(n),
    lat: new Array(n),
    region: new Array(n),
    status: new Array(n),
    bw: new Array(n),
    rollout: new Array(n),
    ...(posture && { posture: new Array<number>(n), policies: posture.policies }),
    kpis: {
      total: n,
      byStatus: Object.fromEntries(MAP_STATUSES.map((s) => [s, 0])) as Record<MapStatus, number>,
      rxMbps: 0,
      txMbps: 0,
      downlinkMbps: 0,
      uplinkMbps: 0,
      hotLinks: 0,
      activeRollouts,
      openIncidents,
    },
  };
  const k = payload.kpis;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const connectivity = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
    const status = mapStatusOf(connectivity, effectiveHealth(connectivity, row.reportedHealth));
    const live = connectivity === "connected" || connectivity === "stale";
    const rx = live ? row.lastRxMbps : null;
    const tx = live ? row.lastTxMbps : null;
    const bw = linkUtilisationPct(rx, tx, row.downlinkMbps, row.uplinkMbps);
    payload.slug[i] = row.slug;
    payload.name[i] = row.name;
    payload.lon[i] = Math.round(row.lon * 100);
    payload.lat[i] = Math.round(row.lat * 100);
    payload.region[i] = regionIndex.get(row.regionId) ?? -1;
    payload.status[i] = STATUS_INDEX.get(status) ?? 0;
    payload.bw[i] = bw ?? -1;
    payload.rollout[i] = ROLLOUT_INDEX.get(rolloutOf.get(row.id) ?? "none") ?? 0;
    if (payload.posture && posture) {
      payload.posture[i] = POSTURE_INDEX.get(posture.postureOf.get(row.id) ?? "none") ?? 0;
    }
    k.byStatus[status]++;
    k.downlinkMbps += row.downlinkMbps;
    k.uplinkMbps += row.uplinkMbps;
    k.rxMbps += rx ?? 0;
    k.txMbps += tx ?? 0;
    if (bw !== null && bw > HOT_LINK_PCT) k.hotLinks++;
  }
  k.rxMbps = Math.round(k.rxMbps);
  k.txMbps = Math.round(k.txMbps);
  return { ...tagJson(payload), payload };
}
