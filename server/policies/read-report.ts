import "server-only";
import { z } from "zod";
import type { EffectiveOutcome, Mode, Outcome, Severity } from "@/lib/policies/kinds";
import { waiverCovers } from "@/lib/policies/waivers";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { validationError } from "../errors";
import { listWaivers, policiesWithFramework, type WaiverView } from "./read-history";
import { addCount, emptyCounts, type Counts } from "./counts";

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

const ReportQuery = z.object({
  at: z.coerce.date().meta({ label: "At" }),
  from: z.coerce.date().optional().meta({ label: "From" }),
  region: z.string().max(60).optional().meta({ label: "Region" }),
  framework: z.string().max(120).optional().meta({ label: "Framework" }),
});

/**
 * The posture as it was at `at`, rebuilt from the change history: for each policy and satellite the last
 * change at or before `at` (a change with no outcome: it had left the scope). The policy's name and version
 * are those current at `at`. The audit period is `from` (default 90 days before `at`) to `at`.
 */
export async function postureAt(ctx: Ctx, query: unknown): Promise<PostureReport> {
  authorize(ctx, "compliance.report");
  const parsed = ReportQuery.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  const { at, region, framework } = parsed.data;
  const from = parsed.data.from ?? new Date(at.getTime() - 90 * 86_400_000);
  const scoped = ctx.actor?.regionIds ?? null;
  const regions = region ? (scoped && !scoped.includes(region) ? [] : [region]) : scoped;
  const policyIds = framework ? await policiesWithFramework(framework) : null;

  const changes = await db.policyResultChange.findMany({
    where: { at: { lte: at }, ...(policyIds ? { policyId: { in: [...policyIds] } } : {}) },
    select: { policyId: true, satelliteId: true, policyVersion: true, outcome: true, reason: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const last = new Map<string, (typeof changes)[number]>();
  for (const c of changes) last.set(`${c.policyId}\u0000${c.satelliteId}`, c);
  const satellites = await db.satellite.findMany({
    where: regions ? { regionId: { in: regions } } : {},
    select: { id: true, slug: true, regionId: true, labelText: true },
  });
  const satById = new Map(satellites.map((s) => [s.id, s]));

  // The version in force at `at`: the latest written by then, or the latest a result was judged by.
  const versions = await db.policyVersion.findMany({ orderBy: { version: "asc" } });
  const judged = new Map<string, number>();
  for (const c of last.values())
    judged.set(c.policyId, Math.max(judged.get(c.policyId) ?? 0, c.policyVersion));
  const versionAt = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    if (policyIds && !policyIds.has(v.policyId)) continue;
    if (v.createdAt <= at || v.version <= (judged.get(v.policyId) ?? 0)) versionAt.set(v.policyId, v);
  }

  const waivers = (await listWaivers(ctx, { includeEnded: true }, at)).filter(
    (w) =>
      w.createdAt <= at &&
      w.expiresAt > at &&
      (!w.revokedAt || w.revokedAt > at) &&
      versionAt.has(w.policyId),
  );
  // Live at `at` by the filter above; a later revocation must not hide it.
  const raw = (await db.policyWaiver.findMany({ where: { id: { in: waivers.map((w) => w.id) } } })).map(
    (w) => ({
      ...w,
      revokedAt: null,
    }),
  );

  const policies = new Map<string, ReportPolicy>();
  for (const [policyId, v] of versionAt) {
    const frameworks = Array.isArray(v.frameworks) ? (v.frameworks as string[]) : [];
    policies.set(policyId, {
      id: policyId,
      version: v.version,
      name: v.name,
      severity: v.severity,
      mode: v.mode,
      frameworks,
      counts: emptyCounts(),
      rows: [],
    });
  }
  for (const c of last.values()) {
    const sat = satById.get(c.satelliteId);
    const policy = policies.get(c.policyId);
    if (!c.outcome || !sat || !policy) continue;
    const waiver = raw.find((w) => waiverCovers(w, c.policyId, sat, at)) ?? null;
    const outcome: EffectiveOutcome = waiver ? "waived" : c.outcome;
    addCount(policy.counts, outcome);
    policy.rows.push({
      satelliteId: sat.id,
      slug: sat.slug,
      regionId: sat.regionId,
      outcome,
      result: c.outcome,
      reason: c.reason,
      since: c.at,
      waiverId: waiver?.id ?? null,
    });
  }
  for (const p of policies.values()) p.rows.sort((a, b) => a.slug.localeCompare(b.slug));

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
    policies: [...policies.values()].sort((a, b) => a.name.localeCompare(b.name)),
    waivers,
    audit,
  };
}
