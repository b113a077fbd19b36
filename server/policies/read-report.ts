import "server-only";
import { z } from "zod";
import type { EffectiveOutcome, Mode, Outcome, Severity } from "@/lib/policies/kinds";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { validationError } from "../errors";
import { listWaivers, policiesWithFramework, type WaiverView } from "./read-history";
import { addCount, emptyCounts, type Counts } from "./counts";
import { coveredPairs, policyRows, stateAt, type PostureState } from "./read-posture";
import { NONE, postureLog, satellitesById, type PostureLog } from "./read-store";

export type ReportRow = {
  satelliteId: string;
  slug: string;
  regionId: string;
  outcome: EffectiveOutcome;
  result: Outcome;
  reason: string;
  since: Date;
  waiverId: string | null;
};
export type ReportPolicy = {
  id: string;
  version: number;
  name: string;
  severity: Severity;
  mode: Mode;
  frameworks: string[];
  counts: Counts;
  rows: ReportRow[];
  /** How many rows the outcome filter (and `after`) kept; `rows` holds the first `limit` of them. */
  matching: number;
};
export type ReportAudit = {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  targetId: string | null;
  summary: string;
};
export type PostureReport = {
  at: Date;
  from: Date;
  region: string | null;
  framework: string | null;
  policies: ReportPolicy[];
  /** Waivers in force at `at`, with their reasons. */
  waivers: WaiverView[];
  /** Audit entries that changed a policy or a waiver between `from` and `at`. */
  audit: ReportAudit[];
};

const EFFECTIVE = ["violation", "unknown", "waived", "compliant"] as const;

const ReportQuery = z.object({
  at: z.coerce.date().meta({ label: "At" }),
  from: z.coerce.date().optional().meta({ label: "From" }),
  region: z.string().max(60).optional().meta({ label: "Region" }),
  framework: z.string().max(120).optional().meta({ label: "Framework" }),
  /** One policy only (its page). */
  policyId: z.string().max(80).optional().meta({ label: "Policy" }),
  /** Only rows with these outcomes; counts always cover every row. */
  outcomes: z.array(z.enum(EFFECTIVE)).optional().meta({ label: "Outcomes" }),
  /** At most this many rows per policy (all when absent), in `order`, after the satellite slug `after`. */
  limit: z.number().int().min(1).max(100_000).optional().meta({ label: "Limit" }),
  order: z.enum(["outcome", "slug"]).default("outcome").meta({ label: "Order" }),
  after: z.string().max(200).optional().meta({ label: "After" }),
});

/** Outcome rank (violations first) then slug, or slug alone. */
const RANK = { violation: 0, unknown: 1, waived: 2, compliant: 3 } as const;
const byOutcome = (a: ReportRow, b: ReportRow) =>
  RANK[a.outcome] - RANK[b.outcome] || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
const bySlug = (a: ReportRow, b: ReportRow) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The first `limit` rows in `compare` order, without sorting them all: kept to twice the limit as they come. */
function firstRows(
  rows: Iterable<ReportRow>,
  compare: (a: ReportRow, b: ReportRow) => number,
  limit: number,
): ReportRow[] {
  let kept: ReportRow[] = [];
  for (const r of rows) {
    kept.push(r);
    if (kept.length >= 2 * limit) kept = kept.sort(compare).slice(0, limit);
  }
  return kept.sort(compare).slice(0, limit);
}

type Sat = { id: string; slug: string; regionId: string; labelText: string };

/**
 * The fleet's satellites, and those a result at this moment names that have since been decommissioned (the
 * fleet state holds only satellites in service): a past report still shows them.
 */
async function withPastSatellites(
  log: PostureLog,
  state: PostureState,
  fleet: ReadonlyMap<string, Sat>,
): Promise<ReadonlyMap<string, Sat>> {
  const missing: string[] = [];
  for (let si = 0; si < log.sats.length; si++) {
    if (fleet.has(log.sats[si])) continue;
    for (let p = 0; p < log.policies.length; p++) {
      if (state.outcome[si * state.width + p] === NONE) continue;
      missing.push(log.sats[si]);
      break;
    }
  }
  if (missing.length === 0) return fleet;
  const merged = new Map(fleet);
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db.satellite.findMany({
      where: { id: { in: missing.slice(i, i + 500) } },
      select: { id: true, slug: true, regionId: true, labelText: true },
    });
    for (const r of rows) merged.set(r.id, r);
  }
  return merged;
}

/**
 * The posture as it was at `at`, rebuilt from the change history (the in-memory log, read-store.ts): for each
 * policy and satellite the last change at or before `at` (a change with no outcome: it had left the scope).
 * The policy's name and version are those current at `at`. The audit period is `from` (default 90 days
 * before `at`) to `at`. Each policy's `counts` cover all its rows; `matching` counts the rows the outcome
 * filter keeps, of which `rows` holds the first `limit`.
 */
export async function postureAt(ctx: Ctx, query: unknown): Promise<PostureReport> {
  authorize(ctx, "compliance.report");
  const parsed = ReportQuery.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  const { at, region, framework, policyId, outcomes, limit, order, after } = parsed.data;
  const from = parsed.data.from ?? new Date(at.getTime() - 90 * 86_400_000);
  const scoped = ctx.actor?.regionIds ?? null;
  const regions = region ? (scoped && !scoped.includes(region) ? [] : [region]) : scoped;
  const policyIds = framework ? await policiesWithFramework(framework) : null;
  const wanted = (id: string) => (!policyIds || policyIds.has(id)) && (!policyId || policyId === id);

  const [log, fleet, versions] = await Promise.all([
    postureLog(),
    satellitesById(),
    db.policyVersion.findMany({ where: policyId ? { policyId } : {}, orderBy: { version: "asc" } }),
  ]);
  // The version in force at `at`: the latest written by then, or the latest a result was judged by.
  const judged = new Map<string, number>();
  for (let k = 0; k < log.n && log.cAt[k] <= at.getTime(); k++) {
    const id = log.policies[log.cPol[k]];
    if (log.cVer[k] > (judged.get(id) ?? 0)) judged.set(id, log.cVer[k]);
  }
  const versionAt = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    if (!wanted(v.policyId)) continue;
    if (v.createdAt <= at || v.version <= (judged.get(v.policyId) ?? 0)) versionAt.set(v.policyId, v);
  }

  const waivers = (await listWaivers(ctx, { includeEnded: true }, at)).filter(
    (w) =>
      w.createdAt <= at &&
      w.expiresAt > at &&
      (!w.revokedAt || w.revokedAt > at) &&
      versionAt.has(w.policyId),
  );
  const state = stateAt(log, at.getTime());
  const sats = await withPastSatellites(log, state, fleet);
  // Live at `at` by the filter above; a later revocation must not hide it.
  const raw = await db.policyWaiver.findMany({ where: { id: { in: waivers.map((w) => w.id) } } });
  const covered = coveredPairs(
    raw.map((w) => ({ ...w, revokedAt: null })),
    sats,
    at,
  );

  const inRegion = regions ? new Set(regions) : null;
  const keep = (s: { regionId: string }) => !inRegion || inRegion.has(s.regionId);
  const showOutcome = outcomes ? new Set<EffectiveOutcome>(outcomes) : null;
  const policies: ReportPolicy[] = [];
  for (const [id, v] of versionAt) {
    const counts = emptyCounts();
    const waivedHere = covered.get(id);
    let matching = 0;
    const rows = (function* () {
      for (const r of policyRows(log, state, id, sats, (s) => waivedHere?.get(s.id) ?? null, keep)) {
        addCount(counts, r.outcome);
        if (showOutcome && !showOutcome.has(r.outcome)) continue;
        if (after !== undefined && r.satellite.slug <= after) continue;
        matching++;
        const { satellite, ...row } = r;
        yield { ...row, slug: satellite.slug, regionId: satellite.regionId };
      }
    })();
    const compare = order === "slug" ? bySlug : byOutcome;
    policies.push({
      id,
      version: v.version,
      name: v.name,
      severity: v.severity,
      mode: v.mode,
      frameworks: Array.isArray(v.frameworks) ? (v.frameworks as string[]) : [],
      counts,
      rows: limit === undefined ? [...rows].sort(compare) : firstRows(rows, compare, limit),
      matching,
    });
  }

  const audit = await db.auditEvent.findMany({
    where: { at: { gte: from, lte: at }, targetType: { in: ["policy", "policy-waiver"] } },
    orderBy: { at: "asc" },
    select: { id: true, at: true, actorLabel: true, action: true, targetId: true, summary: true },
    take: 5000,
  });
  return {
    at,
    from,
    region: region ?? null,
    framework: framework ?? null,
    policies: policies.sort((a, b) => a.name.localeCompare(b.name)),
    waivers,
    audit,
  };
}
