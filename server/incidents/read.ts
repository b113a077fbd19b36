import "server-only";
import { connectivityOf, type Connectivity } from "@/lib/connectivity";
import type { Lifecycle } from "@/lib/fleet";
import type { PublicStatus } from "@/lib/status/public-status";
import { isPublicStatus } from "@/lib/status/status-model";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { AppError, validationError } from "../errors";
import { IncidentQuery, type IncidentFilter, type IncidentImpact, type IncidentStatus } from "./schemas";
import { distinctRegions } from "./affected-satellites";

export type IncidentSummary = {
  id: string;
  title: string;
  impact: IncidentImpact;
  /** The status its author chose for the components it names; null follows the impact. */
  componentStatus: PublicStatus | null;
  status: IncidentStatus;
  isProposed: boolean;
  isPublished: boolean;
  isDismissed: boolean;
  regionId: string | null;
  /** Every region the incident touches: its satellites' and a proposal's own. */
  regionIds: string[];
  startedAt: string;
  resolvedAt: string | null;
  dismissedAt: string | null;
  updatedAt: string;
  satelliteCount: number;
  /** The first few affected satellites, for a list row. */
  satellitePreview: { slug: string; name: string }[];
};

export type AffectedSatellite = {
  id: string;
  slug: string;
  name: string;
  city: string;
  regionId: string;
  lifecycle: Lifecycle;
  connectivity: Connectivity;
};

export type TimelineEntry = {
  id: string;
  status: IncidentStatus;
  impact: IncidentImpact | null;
  body: string;
  /** The author's name, or null for the reconciler. */
  author: string | null;
  createdAt: string;
};

export type IncidentDetail = IncidentSummary & {
  createdBy: string | null;
  satellites: AffectedSatellite[];
  /** Newest first. */
  updates: TimelineEntry[];
};

export type IncidentPage = { total: number; page: number; limit: number; items: IncidentSummary[] };

const PREVIEW = 4;

const WHERE: Record<IncidentFilter, Prisma.IncidentWhereInput> = {
  open: { isProposed: false, dismissedAt: null, resolvedAt: null },
  proposed: { isProposed: true, dismissedAt: null, resolvedAt: null },
  resolved: { resolvedAt: { not: null }, dismissedAt: null },
  dismissed: { dismissedAt: { not: null } },
};

const ORDER: Record<IncidentFilter, Prisma.IncidentOrderByWithRelationInput[]> = {
  open: [{ startedAt: "desc" }, { id: "desc" }],
  proposed: [{ startedAt: "desc" }, { id: "desc" }],
  resolved: [{ resolvedAt: "desc" }, { id: "desc" }],
  dismissed: [{ dismissedAt: "desc" }, { id: "desc" }],
};

export const summaryInclude = {
  satellites: {
    select: { satellite: { select: { slug: true, name: true, regionId: true } } },
    orderBy: { satellite: { slug: "asc" } },
  },
} as const satisfies Prisma.IncidentInclude;
type SummaryRow = Prisma.IncidentGetPayload<{ include: typeof summaryInclude }>;

export function toSummary(row: SummaryRow): IncidentSummary {
  const satellites = row.satellites.map((s) => s.satellite);
  return {
    id: row.id,
    title: row.title,
    impact: row.impact,
    componentStatus: isPublicStatus(row.componentStatus) ? row.componentStatus : null,
    status: row.status,
    isProposed: row.isProposed,
    isPublished: row.isPublished,
    isDismissed: !!row.dismissedAt,
    regionId: row.regionId,
    regionIds: distinctRegions(satellites, row.regionId),
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    dismissedAt: row.dismissedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    satelliteCount: satellites.length,
    satellitePreview: satellites.slice(0, PREVIEW).map(({ slug, name }) => ({ slug, name })),
  };
}

/** One page of incidents: open, proposed (reconciler drafts), resolved, or dismissed proposals. */
export async function listIncidents(ctx: Ctx, input: unknown): Promise<IncidentPage> {
  authorize(ctx, "incidents.read");
  const parsed = IncidentQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const query = parsed.data;
  const where = WHERE[query.filter];
  const [total, rows] = await Promise.all([
    db.incident.count({ where }),
    db.incident.findMany({
      where,
      include: summaryInclude,
      orderBy: ORDER[query.filter],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
  ]);
  return { total, page: query.page, limit: query.limit, items: rows.map(toSummary) };
}

export async function incidentCounts(ctx: Ctx): Promise<Record<IncidentFilter, number>> {
  authorize(ctx, "incidents.read");
  const [open, proposed, resolved, dismissed] = await Promise.all(
    (["open", "proposed", "resolved", "dismissed"] as const).map((f) =>
      db.incident.count({ where: WHERE[f] }),
    ),
  );
  return { open, proposed, resolved, dismissed };
}

export async function getIncident(ctx: Ctx, id: string, now = new Date()): Promise<IncidentDetail> {
  authorize(ctx, "incidents.read");
  if (typeof id !== "string" || id.length === 0 || id.length > 64) {
    throw new AppError("NOT_FOUND", "No such incident.");
  }
  const row = await db.incident.findUnique({
    where: { id },
    include: {
      satellites: {
        select: {
          satellite: {
            select: {
              id: true,
              slug: true,
              name: true,
              city: true,
              regionId: true,
              lifecycle: true,
              lastSeenAt: true,
              heartbeatIntervalSec: true,
            },
          },
        },
        orderBy: { satellite: { slug: "asc" } },
      },
      updates: {
        include: { author: { select: { name: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      },
      createdBy: { select: { name: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such incident.");
  const satellites = row.satellites.map(({ satellite: s }) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    city: s.city,
    regionId: s.regionId,
    lifecycle: s.lifecycle,
    connectivity: connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now),
  }));
  return {
    ...toSummary(row),
    createdBy: row.createdBy?.name ?? null,
    satellites,
    updates: row.updates.map((u) => ({
      id: u.id,
      status: u.status,
      impact: u.impact,
      body: u.body,
      author: u.author?.name ?? null,
      createdAt: u.createdAt.toISOString(),
    })),
  };
}
