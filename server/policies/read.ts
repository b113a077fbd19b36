import "server-only";
// Read functions for the compliance pages, the satellite tab and the map. Every one authorizes
// (compliance.read; postureAt compliance.report) and a region-scoped caller sees only their regions.
//
//   listPolicies(ctx, { includeArchived? }) → PolicySummary[]        each policy at its current version + counts
//   getPolicy(ctx, id) → PolicySummary                                 one policy (NOT_FOUND if none)
//   policyVersions(ctx, id) → PolicyVersionView[]                      its history, newest first
//   satellitePosture(ctx, satelliteId) → SatellitePosture             each policy: outcome or "waived", reason, since
//   postureMatrix(ctx) → PostureMatrix                                 policies × regions: counts and percent compliant
//   violatingSatelliteIds(ctx, policyId) → string[]                    violations not waived, for the map filter
//   listWaivers(ctx, { policyId?, includeEnded? }) → WaiverView[]      (read-history.ts)
//   postureTrend(ctx, { days, region?, framework? }) → TrendPoint[]    daily compliant % (read-history.ts)
//   postureAt(ctx, { at, region?, framework?, policyId?, outcomes?, limit?, order?, after? })
//                                                   → PostureReport   as it was at `at` (read-report.ts)
//
// The matrix, the counts, the trend and postureAt read the in-memory posture (read-store.ts), caught up
// with the change log on each call, and the counts kept from it (read-aggregate.ts); satellitePosture and violatingSatelliteIds are indexed queries.
// Counts: `waived` results are counted apart, never as compliant; percent = compliant / total × 100, where
// total includes waived and unknown (null when total is 0).
import type { EffectiveOutcome, Mode, Outcome, Severity } from "@/lib/policies/kinds";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { addCount, emptyCounts, type Counts } from "./counts";
import { postureAggregate } from "./read-aggregate";
import { coveredPairs } from "./read-posture";
import { liveWaivers, waivedPairs } from "./waived";

export type { Counts };

export { listWaivers, postureTrend } from "./read-history";
export { postureAt } from "./read-report";
export type { TrendPoint, WaiverView } from "./read-history";
export type { PostureReport } from "./read-report";

export type PolicySummary = {
  id: string;
  version: number;
  name: string;
  description: string;
  kind: string;
  params: unknown;
  scope: unknown;
  severity: Severity;
  mode: Mode;
  frameworks: string[];
  archivedAt: Date | null;
  updatedAt: Date;
  counts: Counts;
};
export type PolicyVersionView = Omit<PolicySummary, "counts" | "archivedAt" | "updatedAt" | "id"> & {
  policyId: string;
  createdAt: Date;
  createdById: string | null;
};
export type PostureRow = {
  policyId: string;
  name: string;
  kind: string;
  severity: Severity;
  mode: Mode;
  frameworks: string[];
  version: number;
  outcome: EffectiveOutcome;
  result: Outcome;
  reason: string;
  since: Date;
  evaluatedAt: Date;
  waiver: { id: string; reason: string; expiresAt: Date } | null;
};
export type SatellitePosture = { satelliteId: string; slug: string; regionId: string; rows: PostureRow[] };
export type PostureMatrix = {
  regions: string[];
  policies: {
    id: string;
    name: string;
    severity: Severity;
    mode: Mode;
    cells: Record<string, Counts>;
    total: Counts;
  }[];
};

/** The regions a caller may read: null for all. */
export function readableRegions(ctx: Ctx): string[] | null {
  return ctx.actor?.regionIds ?? null;
}

function versionView(v: {
  version: number;
  name: string;
  description: string;
  kind: string;
  params: unknown;
  scope: unknown;
  severity: Severity;
  mode: Mode;
  frameworks: unknown;
}) {
  const { version, name, description, kind, params, scope, severity, mode } = v;
  const frameworks = Array.isArray(v.frameworks) ? (v.frameworks as string[]) : [];
  return { version, name, description, kind, params, scope, severity, mode, frameworks };
}

/**
 * Result counts per policy × region (region-scoped callers: their regions only), waived counted apart: the
 * counts kept up to date from the in-memory posture (read-aggregate.ts) with the live waivers moved apart,
 * instead of a GROUP BY, or a pass over every result, on each request.
 */
async function countsBy(ctx: Ctx, now: Date): Promise<{ cells: Map<string, Map<string, Counts>> }> {
  const [{ agg, sats }, waivers] = await Promise.all([postureAggregate(), liveWaivers(now)]);
  const waived = coveredPairs(
    waivers.map((w) => ({ ...w, revokedAt: null })),
    sats,
    now,
  );
  return { cells: agg.cells(readableRegions(ctx), waived) };
}

function sum(cells: Map<string, Counts> | undefined): Counts {
  const total = emptyCounts();
  for (const c of cells?.values() ?? [])
    for (const k of ["compliant", "violation", "unknown", "waived"] as const) addCount(total, k, c[k]);
  return total;
}

export async function listPolicies(
  ctx: Ctx,
  opts: { includeArchived?: boolean; id?: string } = {},
  now = new Date(),
): Promise<PolicySummary[]> {
  return (await policiesWithCells(ctx, opts, now)).policies;
}

async function policiesWithCells(
  ctx: Ctx,
  opts: { includeArchived?: boolean; id?: string },
  now: Date,
): Promise<{ policies: PolicySummary[]; cells: Map<string, Map<string, Counts>> }> {
  authorize(ctx, "compliance.read");
  const [policies, { cells }] = await Promise.all([
    db.policy.findMany({
      where: { ...(opts.includeArchived ? {} : { archivedAt: null }), ...(opts.id ? { id: opts.id } : {}) },
      include: { versions: { orderBy: { version: "desc" }, take: 1 } },
      orderBy: { id: "asc" },
    }),
    countsBy(ctx, now),
  ]);
  const summaries = policies
    .filter((p) => p.versions.length)
    .map((p) => ({
      id: p.id,
      ...versionView(p.versions[0]),
      version: p.currentVersion,
      archivedAt: p.archivedAt,
      updatedAt: p.updatedAt,
      counts: sum(cells.get(p.id)),
    }));
  return { policies: summaries, cells };
}

export async function getPolicy(ctx: Ctx, id: string, now = new Date()): Promise<PolicySummary> {
  authorize(ctx, "compliance.read");
  const found = (await listPolicies(ctx, { includeArchived: true, id }, now))[0];
  if (!found) throw new AppError("NOT_FOUND", `No policy ${id}.`);
  return found;
}

export async function policyVersions(ctx: Ctx, id: string): Promise<PolicyVersionView[]> {
  authorize(ctx, "compliance.read");
  const rows = await db.policyVersion.findMany({ where: { policyId: id }, orderBy: { version: "desc" } });
  if (rows.length === 0) throw new AppError("NOT_FOUND", `No policy ${id}.`);
  return rows.map((v) => ({
    policyId: v.policyId,
    ...versionView(v),
    createdAt: v.createdAt,
    createdById: v.createdById,
  }));
}

export async function satellitePosture(
  ctx: Ctx,
  satelliteId: string,
  now = new Date(),
): Promise<SatellitePosture> {
  authorize(ctx, "compliance.read");
  const regions = readableRegions(ctx);
  const sat = await db.satellite.findFirst({
    where: { OR: [{ id: satelliteId }, { slug: satelliteId }] },
    select: { id: true, slug: true, regionId: true },
  });
  if (!sat || (regions && !regions.includes(sat.regionId)))
    throw new AppError("NOT_FOUND", `No satellite ${satelliteId}.`);
  const results = await db.policyResult.findMany({
    where: { satelliteId: sat.id, policy: { archivedAt: null } },
    include: { policy: { select: { currentVersion: true } } },
  });
  const versions = await db.policyVersion.findMany({
    where: { OR: results.map((r) => ({ policyId: r.policyId, version: r.policy.currentVersion })) },
  });
  const byId = new Map(versions.map((v) => [v.policyId, versionView(v)]));
  const waived = await waivedPairs(await liveWaivers(now));
  const rows: PostureRow[] = [];
  for (const r of results) {
    const v = byId.get(r.policyId);
    if (!v) continue;
    const w = waived.get(r.policyId)?.get(sat.id) ?? null;
    rows.push({
      policyId: r.policyId,
      name: v.name,
      kind: v.kind,
      severity: v.severity,
      mode: v.mode,
      frameworks: v.frameworks,
      version: r.policyVersion,
      outcome: w ? "waived" : r.outcome,
      result: r.outcome,
      reason: r.reason,
      since: r.since,
      evaluatedAt: r.evaluatedAt,
      waiver: w ? { id: w.id, reason: w.reason, expiresAt: w.expiresAt } : null,
    });
  }
  const order = { violation: 0, unknown: 1, waived: 2, compliant: 3 };
  rows.sort((a, b) => order[a.outcome] - order[b.outcome] || a.name.localeCompare(b.name));
  return { satelliteId: sat.id, slug: sat.slug, regionId: sat.regionId, rows };
}

export async function postureMatrix(ctx: Ctx, now = new Date()): Promise<PostureMatrix> {
  authorize(ctx, "compliance.read");
  const { policies, cells } = await policiesWithCells(ctx, {}, now);
  const regionSet = new Set<string>();
  for (const m of cells.values()) for (const r of m.keys()) regionSet.add(r);
  return {
    regions: [...regionSet].sort(),
    policies: policies.map((p) => ({
      id: p.id,
      name: p.name,
      severity: p.severity,
      mode: p.mode,
      cells: Object.fromEntries(cells.get(p.id) ?? []),
      total: p.counts,
    })),
  };
}

export async function violatingSatelliteIds(ctx: Ctx, policyId: string, now = new Date()): Promise<string[]> {
  authorize(ctx, "compliance.read");
  const regions = readableRegions(ctx);
  const rows = await db.policyResult.findMany({
    where: {
      policyId,
      outcome: "violation",
      ...(regions ? { satellite: { regionId: { in: regions } } } : {}),
    },
    select: { satelliteId: true },
  });
  const waived = (await waivedPairs(await liveWaivers(now, { policyId }))).get(policyId);
  return rows.map((r) => r.satelliteId).filter((id) => !waived?.has(id));
}
