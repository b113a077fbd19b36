import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { AppError, validationError } from "../errors";
import { MaintenanceQuery, type MaintenancePhase } from "./schemas";
import { distinctRegions } from "./affected-satellites";

export type MaintenanceView = {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  /** Where the window stands at the caller's `now`. */
  state: "upcoming" | "active" | "over" | "cancelled";
  createdBy: string | null;
  regionIds: string[];
  satelliteCount: number;
  satellitePreview: { slug: string; name: string }[];
};

export type MaintenancePage = { total: number; page: number; limit: number; items: MaintenanceView[] };

const PREVIEW = 6;

export function phaseWhere(phase: MaintenancePhase, now: Date): Prisma.MaintenanceWindowWhereInput {
  switch (phase) {
    case "active":
      return { cancelledAt: null, startsAt: { lte: now }, endsAt: { gt: now } };
    case "upcoming":
      return { cancelledAt: null, startsAt: { gt: now } };
    case "past":
      return { OR: [{ cancelledAt: { not: null } }, { endsAt: { lte: now } }] };
  }
}

const ORDER: Record<MaintenancePhase, Prisma.MaintenanceWindowOrderByWithRelationInput[]> = {
  active: [{ endsAt: "asc" }, { id: "asc" }],
  upcoming: [{ startsAt: "asc" }, { id: "asc" }],
  past: [{ startsAt: "desc" }, { id: "desc" }],
};

export const maintenanceInclude = {
  satellites: {
    select: { satellite: { select: { slug: true, name: true, regionId: true } } },
    orderBy: { satellite: { slug: "asc" } },
  },
  createdBy: { select: { name: true } },
} as const satisfies Prisma.MaintenanceWindowInclude;
type Row = Prisma.MaintenanceWindowGetPayload<{ include: typeof maintenanceInclude }>;

function stateOf(row: Row, now: Date): MaintenanceView["state"] {
  if (row.cancelledAt) return "cancelled";
  if (row.endsAt.getTime() <= now.getTime()) return "over";
  return row.startsAt.getTime() <= now.getTime() ? "active" : "upcoming";
}

export function toMaintenanceView(row: Row, now: Date): MaintenanceView {
  const satellites = row.satellites.map((s) => s.satellite);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    state: stateOf(row, now),
    createdBy: row.createdBy?.name ?? null,
    regionIds: distinctRegions(satellites),
    satelliteCount: satellites.length,
    satellitePreview: satellites.slice(0, PREVIEW).map(({ slug, name }) => ({ slug, name })),
  };
}

/** Maintenance windows under way, coming, or past (over or cancelled), one page at a time. */
export async function listMaintenance(ctx: Ctx, input: unknown, now = new Date()): Promise<MaintenancePage> {
  authorize(ctx, "incidents.read");
  const parsed = MaintenanceQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const query = parsed.data;
  const where = phaseWhere(query.phase, now);
  const [total, rows] = await Promise.all([
    db.maintenanceWindow.count({ where }),
    db.maintenanceWindow.findMany({
      where,
      include: maintenanceInclude,
      orderBy: ORDER[query.phase],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
  ]);
  return { total, page: query.page, limit: query.limit, items: rows.map((r) => toMaintenanceView(r, now)) };
}

export async function maintenanceCounts(
  ctx: Ctx,
  now = new Date(),
): Promise<Record<MaintenancePhase, number>> {
  authorize(ctx, "incidents.read");
  const [active, upcoming, past] = await Promise.all(
    (["active", "upcoming", "past"] as const).map((p) =>
      db.maintenanceWindow.count({ where: phaseWhere(p, now) }),
    ),
  );
  return { active, upcoming, past };
}

export async function getMaintenance(ctx: Ctx, id: string, now = new Date()): Promise<MaintenanceView> {
  authorize(ctx, "incidents.read");
  const row =
    typeof id === "string" && id.length > 0 && id.length <= 64
      ? await db.maintenanceWindow.findUnique({ where: { id }, include: maintenanceInclude })
      : null;
  if (!row) throw new AppError("NOT_FOUND", "No such maintenance window.");
  return toMaintenanceView(row, now);
}
