import "server-only";
import { z } from "zod";
import { labelPairsOf } from "@/lib/labels";
import type { Outcome } from "@/lib/policies/kinds";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { validationError } from "../errors";

export type WaiverView = {
  id: string;
  policyId: string;
  satelliteId: string | null;
  satelliteSlug: string | null;
  /** "key=value" pairs of a selector waiver; empty for a satellite waiver. */
  labels: string[];
  reason: string;
  expiresAt: Date;
  revokedAt: Date | null;
  expiryAudited: Date | null;
  createdAt: Date;
  createdBy: string | null;
  state: "live" | "expired" | "revoked";
};

export type TrendPoint = { day: string; compliant: number; total: number; percent: number | null };

const WaiverQuery = z.object({
  policyId: z.string().max(80).optional(),
  satelliteId: z.string().max(80).optional(),
  includeEnded: z.boolean().optional(),
});

export async function listWaivers(ctx: Ctx, query: unknown = {}, now = new Date()): Promise<WaiverView[]> {
  authorize(ctx, "compliance.read");
  const parsed = WaiverQuery.safeParse(query ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const { policyId, satelliteId, includeEnded } = parsed.data;
  const regions = ctx.actor?.regionIds ?? null;
  const rows = await db.policyWaiver.findMany({
    where: {
      ...(policyId ? { policyId } : {}),
      ...(satelliteId ? { satelliteId } : {}),
      ...(includeEnded ? {} : { revokedAt: null, expiresAt: { gt: now } }),
      // A scoped reader sees selector waivers (they span regions) and satellite waivers in their regions.
      ...(regions ? { OR: [{ satelliteId: null }, { satellite: { regionId: { in: regions } } }] } : {}),
    },
    include: { satellite: { select: { slug: true } } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  const creators = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.createdById).filter((id): id is string => !!id) } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(creators.map((u) => [u.id, u.email]));
  return rows.map((w) => ({
    id: w.id,
    policyId: w.policyId,
    satelliteId: w.satelliteId,
    satelliteSlug: w.satellite?.slug ?? null,
    labels: labelPairsOf(w.labelSelector),
    reason: w.reason,
    expiresAt: w.expiresAt,
    revokedAt: w.revokedAt,
    expiryAudited: w.expiryAudited,
    createdAt: w.createdAt,
    createdBy: w.createdById ? (emailOf.get(w.createdById) ?? null) : null,
    state: w.revokedAt ? "revoked" : w.expiresAt > now ? "live" : "expired",
  }));
}

const TrendQuery = z.object({
  days: z.number().int().min(1).max(400).meta({ label: "Days" }),
  region: z.string().max(60).optional().meta({ label: "Region" }),
  framework: z.string().max(120).optional().meta({ label: "Framework" }),
});

/**
 * The fleet's compliant share at the end of each UTC day, replayed from the change history (results as they
 * were recorded; a waiver does not make a result compliant, and its result is counted as it was).
 */
export async function postureTrend(ctx: Ctx, query: unknown, now = new Date()): Promise<TrendPoint[]> {
  authorize(ctx, "compliance.read");
  const parsed = TrendQuery.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  const { days, region, framework } = parsed.data;
  const scoped = ctx.actor?.regionIds ?? null;
  if (region && scoped && !scoped.includes(region)) return [];
  const policyIds = framework ? await policiesWithFramework(framework) : null;
  const satellites = await db.satellite.findMany({ select: { id: true, regionId: true } });
  const regionOf = new Map(satellites.map((s) => [s.id, s.regionId]));
  const keep = (satelliteId: string, policyId: string) => {
    const r = regionOf.get(satelliteId);
    if (!r || (region && r !== region) || (scoped && !scoped.includes(r))) return false;
    return !policyIds || policyIds.has(policyId);
  };
  const changes = await db.policyResultChange.findMany({
    where: { at: { lte: now } },
    select: { policyId: true, satelliteId: true, outcome: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const state = new Map<string, Outcome>();
  let compliant = 0;
  const dayMs = 86_400_000;
  const firstDay = Math.floor(now.getTime() / dayMs) * dayMs - (days - 1) * dayMs;
  const points: TrendPoint[] = [];
  let i = 0;
  for (let day = firstDay; day <= now.getTime(); day += dayMs) {
    // Each point is the state at the end of its day (or now, for today).
    const cutoff = Math.min(day + dayMs, now.getTime() + 1);
    for (; i < changes.length && changes[i].at.getTime() < cutoff; i++) {
      const c = changes[i];
      if (!keep(c.satelliteId, c.policyId)) continue;
      const key = `${c.policyId}\u0000${c.satelliteId}`;
      if (state.get(key) === "compliant") compliant--;
      if (c.outcome) state.set(key, c.outcome);
      else state.delete(key);
      if (c.outcome === "compliant") compliant++;
    }
    const total = state.size;
    const percent = total ? Math.round((compliant / total) * 1000) / 10 : null;
    points.push({ day: new Date(day).toISOString().slice(0, 10), compliant, total, percent });
  }
  return points;
}

/** Policies whose any version names the framework (a framework added later still shows its history). */
export async function policiesWithFramework(framework: string): Promise<Set<string>> {
  const versions = await db.policyVersion.findMany({ select: { policyId: true, frameworks: true } });
  return new Set(
    versions
      .filter((v) => Array.isArray(v.frameworks) && (v.frameworks as string[]).includes(framework))
      .map((v) => v.policyId),
  );
}
