import "server-only";
import { z } from "zod";
import { labelPairsOf } from "@/lib/labels";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { validationError } from "../errors";
import { postureAggregate } from "./read-aggregate";
import type { TrendPoint } from "./read-posture";

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

export type { TrendPoint };

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
 * The fleet's compliant share at the end of each UTC day, from the change history (results as they were
 * recorded; a waiver does not make a result compliant, and its result is counted as it was): the in-memory
 * log's counts now and per day (read-aggregate.ts) walked back from now, a day at a time, instead of a replay
 * of every change (trendPoints in read-posture.ts is the scan it must equal).
 * Satellites count in their current region; decommissioned ones no longer count.
 */
export async function postureTrend(ctx: Ctx, query: unknown, now = new Date()): Promise<TrendPoint[]> {
  authorize(ctx, "compliance.read");
  const parsed = TrendQuery.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  const { days, region, framework } = parsed.data;
  const scoped = ctx.actor?.regionIds ?? null;
  if (region && scoped && !scoped.includes(region)) return [];
  const [policyIds, { agg }] = await Promise.all([
    framework ? policiesWithFramework(framework) : null,
    postureAggregate(),
  ]);
  const regions = region ? new Set([region]) : scoped ? new Set(scoped) : null;
  return agg.trend({ days, regions, policyIds }, now);
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
