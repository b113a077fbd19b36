import type { MatrixView, PostureRowView, ReportView, TrendPointView } from "@/components/compliance/types";
import type { Ctx } from "@/server/auth/context";
import { listRegions } from "@/server/compliance/regions";
import { postureAt, postureMatrix, postureTrend, satellitePosture } from "@/server/policies/read";
import { reportSpan, type ReportQuery } from "./report-query";

// The compliance pages read the policy engine through these adapters only, so its answers are mapped onto
// the views' shapes in one place (dates as ISO text, for client components too).

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function loadMatrix(ctx: Ctx, now = new Date()): Promise<MatrixView> {
  const [matrix, regions] = await Promise.all([
    postureMatrix(ctx, now),
    listRegions(ctx, { includeRetired: true }),
  ]);
  const byId = new Map(regions.map((r) => [r.id, r]));
  return {
    regions: matrix.regions.map((id) => ({
      id,
      name: byId.get(id)?.name ?? id,
      color: byId.get(id)?.color ?? "var(--border-strong)",
    })),
    rows: matrix.policies.map((p) => ({
      policyId: p.id,
      name: p.name,
      severity: p.severity,
      mode: p.mode,
      cells: Object.entries(p.cells).map(([regionId, c]) => ({
        regionId,
        compliant: c.compliant,
        violation: c.violation,
        unknown: c.unknown,
        waived: c.waived,
      })),
    })),
  };
}

export async function loadTrend(ctx: Ctx, days: 30 | 90, now = new Date()): Promise<TrendPointView[]> {
  const points = await postureTrend(ctx, { days }, now);
  return points.map((p) => ({ day: p.day, compliant: p.compliant, total: p.total, percent: p.percent }));
}

export async function loadSatellitePosture(ctx: Ctx, satelliteId: string): Promise<PostureRowView[]> {
  const posture = await satellitePosture(ctx, satelliteId);
  return posture.rows.map((r) => ({
    policyId: r.policyId,
    name: r.name,
    version: r.version,
    severity: r.severity,
    mode: r.mode,
    outcome: r.outcome,
    reason: r.reason,
    since: iso(r.since),
    waiverReason: r.waiver?.reason ?? null,
    waiverExpiresAt: iso(r.waiver?.expiresAt ?? null),
  }));
}

/** The report; `rowsPerPolicy` caps each policy's list (violations first), the CSV takes every row. */
export async function loadReport(
  ctx: Ctx,
  q: ReportQuery,
  now = new Date(),
  opts: { rowsPerPolicy?: number } = {},
): Promise<ReportView> {
  const span = reportSpan(q, now);
  const report = await postureAt(ctx, {
    at: span.at,
    from: span.from,
    ...(q.region && { region: q.region }),
    ...(q.framework && { framework: q.framework }),
    ...(opts.rowsPerPolicy && { limit: opts.rowsPerPolicy }),
  });
  return {
    at: report.at.toISOString(),
    from: report.from.toISOString(),
    region: report.region,
    framework: report.framework,
    policies: report.policies.map((p) => ({
      policyId: p.id,
      name: p.name,
      version: p.version,
      severity: p.severity,
      mode: p.mode,
      frameworks: p.frameworks,
      counts: p.counts,
      more: p.matching - p.rows.length,
      // What an auditor looks for first: violations, then unknown and waived, then the compliant (postureAt's order).
      satellites: p.rows.map((r) => ({
        satelliteId: r.satelliteId,
        slug: r.slug,
        regionId: r.regionId,
        outcome: r.outcome,
        reason: r.reason,
        since: iso(r.since),
      })),
    })),
    waivers: report.waivers.map((w) => ({
      id: w.id,
      policyId: w.policyId,
      target: w.satelliteSlug ?? (w.labels.length ? w.labels.join(", ") : (w.satelliteId ?? "—")),
      reason: w.reason,
      createdAt: w.createdAt.toISOString(),
      expiresAt: w.expiresAt.toISOString(),
      revokedAt: iso(w.revokedAt),
      createdBy: w.createdBy,
    })),
    audit: report.audit.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      target: e.targetId,
      summary: e.summary,
    })),
  };
}
