import "server-only";
import { z } from "zod";
import type { EffectiveOutcome, Mode, Outcome, Severity } from "@/lib/policies/kinds";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { validationError } from "../errors";
import { listWaivers, policiesWithFramework, type WaiverView } from "./read-history";
import { addCount, emptyCounts, type Counts } from "./counts";
import { postureAggregate } from "./read-aggregate";
import { coveredPairs, stateAt } from "./read-posture";
import { scopeOf, withPastSatellites } from "./read-scope";
import { NONE, OUTCOMES } from "./read-store";

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

/** Outcome rank: violations first. */
const RANK = { violation: 0, unknown: 1, waived: 2, compliant: 3 } as const;

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

  const [{ log, agg, sats: fleet }, versions] = await Promise.all([
    postureAggregate(),
    db.policyVersion.findMany({ where: policyId ? { policyId } : {}, orderBy: { version: "asc" } }),
  ]);
  // The version in force at `at`: the latest written by then, or the latest a result was judged by.
  const judged = (id: string) => agg.judgedVersion(id, at.getTime());
  const versionAt = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    if (!wanted(v.policyId)) continue;
    if (v.createdAt <= at || v.version <= judged(v.policyId)) versionAt.set(v.policyId, v);
  }

  const waivers = (await listWaivers(ctx, { includeEnded: true }, at)).filter(
    (w) =>
      w.createdAt <= at &&
      w.expiresAt > at &&
      (!w.revokedAt || w.revokedAt > at) &&
      versionAt.has(w.policyId),
  );
  const state = stateAt(log, at.getTime());
  const sats = await withPastSatellites(log, state, fleet, (si) => agg.inFleet(si));
  // Live at `at` by the filter above; a later revocation must not hide it.
  const raw = await db.policyWaiver.findMany({ where: { id: { in: waivers.map((w) => w.id) } } });
  const covered = coveredPairs(
    raw.map((w) => ({ ...w, revokedAt: null })),
    sats,
    at,
  );

  const inRegion = regions ? new Set(regions) : null;
  const showOutcome = outcomes ? new Set<EffectiveOutcome>(outcomes) : null;
  // The satellites in scope, in slug order; each policy's rows are then one pass over typed arrays.
  const scope = scopeOf(log, sats, inRegion);
  const policies: ReportPolicy[] = [];
  for (const [id, v] of versionAt) {
    const waivedHere = covered.get(id);
    const p = log.policyIndex(id);
    const tally = [0, 0, 0, 0];
    // Rows in slug order, or one bucket per outcome rank (each in slug order) joined in rank order.
    const buckets: ReportRow[][] = order === "slug" ? [[]] : [[], [], [], []];
    let matching = 0;
    for (let i = 0; p !== undefined && i < scope.length; i++) {
      const { si, sat } = scope[i];
      const slot = si * state.width + p;
      const o = state.outcome[slot];
      if (o === NONE) continue;
      const waiverId = waivedHere?.get(sat.id) ?? null;
      const outcome: EffectiveOutcome = waiverId ? "waived" : OUTCOMES[o];
      tally[RANK[outcome]]++;
      if (showOutcome && !showOutcome.has(outcome)) continue;
      if (after !== undefined && sat.slug <= after) continue;
      matching++;
      const bucket = buckets[order === "slug" ? 0 : RANK[outcome]];
      if (limit !== undefined && bucket.length >= limit) continue;
      bucket.push({
        satelliteId: sat.id,
        slug: sat.slug,
        regionId: sat.regionId,
        outcome,
        result: OUTCOMES[o],
        reason: log.reasons[state.reason[slot]],
        since: new Date(state.since[slot]),
        waiverId,
      });
    }
    const counts = emptyCounts();
    (Object.keys(RANK) as (keyof typeof RANK)[]).forEach(
      (o) => tally[RANK[o]] && addCount(counts, o, tally[RANK[o]]),
    );
    const rows = buckets.flat();
    policies.push({
      id,
      version: v.version,
      name: v.name,
      severity: v.severity,
      mode: v.mode,
      frameworks: Array.isArray(v.frameworks) ? (v.frameworks as string[]) : [],
      counts,
      rows: limit === undefined ? rows : rows.slice(0, limit),
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
