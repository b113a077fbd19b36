import "server-only";
import type { Mode, Severity } from "@/lib/policies/kinds";
import type { PolicyFacts, PolicySatellite } from "@/lib/policies/evaluate";
import type { WaiverLike } from "@/lib/policies/waivers";
import { db, type Tx } from "../db";

// Loads what evaluation needs through Prisma, for a few satellites at a time (the enforcement check, one
// satellite's page). The reconciler's full pass reads the same shapes through the drivers (snapshot.ts).

export type ActivePolicy = {
  id: string;
  version: number;
  name: string;
  kind: string;
  params: unknown;
  scope: unknown;
  severity: Severity;
  mode: Mode;
  frameworks: string[];
};

export type LoadedSatellite = PolicySatellite & { id: string; slug: string; labelText: string };

/** Every policy that is not archived, at its current version. */
export async function loadActivePolicies(tx: Tx = db, opts: { mode?: Mode } = {}): Promise<ActivePolicy[]> {
  const policies = await tx.policy.findMany({
    where: { archivedAt: null },
    select: { id: true, currentVersion: true },
    orderBy: { id: "asc" },
  });
  if (policies.length === 0) return [];
  const versions = await tx.policyVersion.findMany({
    where: { OR: policies.map((p) => ({ policyId: p.id, version: p.currentVersion })), ...opts },
  });
  return versions.map((v) => ({
    id: v.policyId,
    version: v.version,
    name: v.name,
    kind: v.kind,
    params: v.params,
    scope: v.scope,
    severity: v.severity,
    mode: v.mode,
    frameworks: Array.isArray(v.frameworks) ? (v.frameworks as string[]) : [],
  }));
}

/** Published releases by version, with the regions each is certified for. */
export async function loadReleases(
  tx: Tx = db,
): Promise<Map<string, { id: string; certifiedRegionIds: string[] }>> {
  const rows = await tx.release.findMany({
    select: { id: true, version: true, certifiedRegions: { select: { regionId: true } } },
  });
  return new Map(
    rows.map((r) => [r.version, { id: r.id, certifiedRegionIds: r.certifiedRegions.map((c) => c.regionId) }]),
  );
}

const CHUNK = 500;

/** Satellites by id with their facts, in the shapes `evaluate` takes. */
export async function loadSatellites(
  ids: readonly string[],
  tx: Tx = db,
): Promise<{ satellite: LoadedSatellite; facts: PolicyFacts | null }[]> {
  const releases = await loadReleases(tx);
  const out: { satellite: LoadedSatellite; facts: PolicyFacts | null }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx.satellite.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) } },
      select: {
        id: true,
        slug: true,
        regionId: true,
        kind: true,
        labels: true,
        labelText: true,
        lifecycle: true,
        decommissionedAt: true,
        agentVersion: true,
        stackVersion: true,
        lastSeenAt: true,
        facts: true,
      },
    });
    for (const { facts, labels, ...s } of rows) {
      const release = s.stackVersion ? (releases.get(s.stackVersion) ?? null) : null;
      out.push({ satellite: { ...s, labels: (labels ?? {}) as Record<string, string>, release }, facts });
    }
  }
  return out;
}

/** Waivers in force at `now`, for the given policies. */
export async function loadLiveWaivers(
  policyIds: readonly string[],
  now: Date,
  tx: Tx = db,
): Promise<WaiverLike[]> {
  if (policyIds.length === 0) return [];
  return tx.policyWaiver.findMany({
    where: { policyId: { in: [...policyIds] }, revokedAt: null, expiresAt: { gt: now } },
    select: { policyId: true, satelliteId: true, labelSelector: true, expiresAt: true, revokedAt: true },
  });
}
