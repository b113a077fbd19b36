import "server-only";
import { labelTextOf } from "@/lib/labels";
import { connectivityOf, effectiveHealth, type Connectivity, type Health } from "@/lib/connectivity";
import type { Lifecycle, SatelliteKind } from "@/lib/fleet";
import type { Satellite } from "../../prisma/generated/sqlite/client";
import { severityOf, type Severity } from "./severity";

/** What the console and the JSON API show for a satellite: stored fields plus derived status. */
export type SatelliteView = {
  id: string;
  slug: string;
  name: string;
  kind: SatelliteKind;
  provider: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  regionId: string;
  isRegionPinned: boolean;
  labels: Record<string, string>;
  cpuCores: number;
  memoryGb: number;
  storageTb: number;
  uplinkMbps: number;
  downlinkMbps: number;
  stackVersion: string | null;
  agentVersion: string | null;
  lifecycle: Lifecycle;
  heartbeatIntervalSec: number;
  lastSeenAt: string | null;
  connectivity: Connectivity;
  health: Health;
  /** Connectivity and health in one order, worst first (./severity.ts). */
  severity: Severity;
  /** When the reported health last changed, as ingest recorded it; null before the first change. */
  healthChangedAt: string | null;
  services: Record<string, string> | null;
  rxMbps: number | null;
  txMbps: number | null;
  decommissionedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

function asStringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
}

export function toSatelliteView(row: Satellite, now: Date): SatelliteView {
  const connectivity = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
  const isLive = connectivity === "connected" || connectivity === "stale";
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    provider: row.provider,
    city: row.city,
    country: row.country,
    lat: row.lat,
    lon: row.lon,
    regionId: row.regionId,
    isRegionPinned: row.isRegionPinned,
    labels: asStringRecord(row.labels),
    cpuCores: row.cpuCores,
    memoryGb: row.memoryGb,
    storageTb: row.storageTb,
    uplinkMbps: row.uplinkMbps,
    downlinkMbps: row.downlinkMbps,
    stackVersion: row.stackVersion,
    agentVersion: row.agentVersion,
    lifecycle: row.lifecycle,
    heartbeatIntervalSec: row.heartbeatIntervalSec,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    connectivity,
    health: effectiveHealth(connectivity, row.reportedHealth),
    severity: severityOf(connectivity, row.reportedHealth),
    healthChangedAt: row.healthChangedAt?.toISOString() ?? null,
    services: isLive && row.services ? asStringRecord(row.services) : null,
    rxMbps: isLive ? row.lastRxMbps : null,
    txMbps: isLive ? row.lastTxMbps : null,
    decommissionedAt: row.decommissionedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function searchTextOf(s: {
  name: string;
  slug: string;
  city: string;
  country: string;
  provider: string;
}) {
  return [s.name, s.slug, s.city, s.country, s.provider].join(" ").toLowerCase();
}

export { labelTextOf } from "@/lib/labels";

/** The columns kept only for portable search and label filters, always derived from the fields they mirror. */
export function derivedColumns(s: {
  name: string;
  slug: string;
  city: string;
  country: string;
  provider: string;
  labels: Record<string, string>;
}) {
  return { labelText: labelTextOf(s.labels), searchText: searchTextOf(s) };
}
