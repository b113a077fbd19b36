import "server-only";
import type { Lifecycle, SatelliteKind } from "@/lib/fleet";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { satelliteWhere } from "../satellites/list";
import { SatelliteQuery } from "../satellites/schemas";
import type { PlanRelease, PlanSatellite } from "./plan";
import type { RolloutSelector } from "./schemas";

export type SelectedSatellite = PlanSatellite & { lat: number; lon: number };
export type SelectedRelease = PlanRelease & { id: string; notes: string };

const SELECT = {
  id: true,
  slug: true,
  name: true,
  regionId: true,
  kind: true,
  labels: true,
  lifecycle: true,
  agentVersion: true,
  stackVersion: true,
  lastSeenAt: true,
  heartbeatIntervalSec: true,
  uplinkMbps: true,
  downlinkMbps: true,
  lat: true,
  lon: true,
} as const;

type Row = {
  id: string;
  slug: string;
  name: string;
  regionId: string;
  kind: SatelliteKind;
  labels: unknown;
  lifecycle: Lifecycle;
  agentVersion: string | null;
  stackVersion: string | null;
  lastSeenAt: Date | null;
  heartbeatIntervalSec: number;
  uplinkMbps: number;
  downlinkMbps: number;
  lat: number;
  lon: number;
};

function labelsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

const toSelected = (r: Row): SelectedSatellite => ({ ...r, labels: labelsOf(r.labels) });

export function hasSelection(s: RolloutSelector): boolean {
  return s.regionIds.length + s.kinds.length + s.labels.length + s.satellites.length > 0;
}

/**
 * The satellites a selector names: those matching every filter (decommissioned ones left out, as in every
 * fleet list), plus each hand-picked satellite whatever its state, so its exclusion is explained.
 * Sorted by slug; an unknown hand-picked id or slug is a VALIDATION error naming it.
 */
export async function selectSatellites(
  client: Db | Tx,
  selector: RolloutSelector,
  now: Date,
): Promise<SelectedSatellite[]> {
  if (!hasSelection(selector)) {
    const message = "choose at least one region, kind, label or satellite";
    throw new AppError("VALIDATION", message, { fields: { regionIds: message } });
  }
  const hasFilters = selector.regionIds.length + selector.kinds.length + selector.labels.length > 0;
  const query = SatelliteQuery.parse({
    region: selector.regionIds,
    kind: selector.kinds,
    label: selector.labels,
  });
  const picks = selector.satellites;
  // Sequential: this also runs inside a transaction, whose connection takes one query at a time.
  const filtered = hasFilters
    ? await client.satellite.findMany({ where: satelliteWhere(query, now), select: SELECT })
    : [];
  const picked = picks.length
    ? await client.satellite.findMany({
        where: { OR: [{ id: { in: picks } }, { slug: { in: picks } }] },
        select: SELECT,
      })
    : [];
  const found = new Set(picked.flatMap((s) => [s.id, s.slug]));
  const unknown = picks.filter((p) => !found.has(p));
  if (unknown.length) {
    const message = `no satellite ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""}`;
    throw new AppError("VALIDATION", `satellites: ${message}`, { fields: { satellites: message } });
  }
  const byId = new Map<string, SelectedSatellite>();
  for (const row of [...filtered, ...picked]) byId.set(row.id, toSelected(row));
  return [...byId.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export async function findRelease(client: Db | Tx, releaseId: string): Promise<SelectedRelease> {
  const release = await client.release.findFirst({
    where: { OR: [{ id: releaseId }, { version: releaseId }] },
    include: { certifiedRegions: { select: { regionId: true } } },
  });
  if (!release) {
    throw new AppError("VALIDATION", "releaseId: no such release", {
      fields: { releaseId: "no such release" },
    });
  }
  return {
    id: release.id,
    version: release.version,
    notes: release.notes,
    artifactSizeMb: release.artifactSizeMb,
    minAgentVersion: release.minAgentVersion,
    certifiedRegionIds: release.certifiedRegions.map((r) => r.regionId).sort(),
  };
}
