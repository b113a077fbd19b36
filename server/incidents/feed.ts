import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { parseInput } from "../errors";
import { maintenanceInclude, phaseWhere, toMaintenanceView, type MaintenanceView } from "./maintenance-read";
import { summaryInclude, toSummary, type IncidentSummary } from "./read";
import {
  IncidentListFilter,
  MaintenanceListFilter,
  type IncidentFilter,
  type MaintenancePhase,
} from "./schemas";

/** Where a keyset page starts: after the row with this sort time and id. */
export type FeedKey = { at: string; id: string };
export type FeedPage = { limit: number; after?: FeedKey };

// The console's tabs; the API's list has no tab when left unfiltered.
const TAB: Record<IncidentFilter, Prisma.IncidentWhereInput> = {
  open: { isProposed: false, dismissedAt: null, resolvedAt: null },
  proposed: { isProposed: true, dismissedAt: null, resolvedAt: null },
  resolved: { resolvedAt: { not: null }, dismissedAt: null },
  dismissed: { dismissedAt: { not: null } },
};

/** Rows strictly after `after` in the order (`field` `dir`, id `dir`), so no row repeats across pages. */
function keyset(field: string, dir: "asc" | "desc", after: FeedKey | undefined) {
  if (!after) return [];
  const at = new Date(after.at);
  const beyond = dir === "desc" ? "lt" : "gt";
  return [{ OR: [{ [field]: { [beyond]: at } }, { [field]: at, id: { [beyond]: after.id } }] }];
}

/**
 * The API's incident list: newest first, `limit + 1` rows after `after`, filtered by tab, status and a region
 * the incident touches (its satellites', or a proposal's own). Any role may read incidents, as in the console.
 */
export async function listIncidentPage(
  ctx: Ctx,
  filter: unknown,
  page: FeedPage,
): Promise<IncidentSummary[]> {
  authorize(ctx, "incidents.read");
  const f = parseInput(IncidentListFilter, filter ?? {});
  const and: Prisma.IncidentWhereInput[] = [];
  if (f.filter) and.push(TAB[f.filter]);
  if (f.status) and.push({ status: f.status });
  if (f.region) {
    and.push({
      OR: [{ regionId: f.region }, { satellites: { some: { satellite: { regionId: f.region } } } }],
    });
  }
  and.push(...(keyset("startedAt", "desc", page.after) as Prisma.IncidentWhereInput[]));
  const rows = await db.incident.findMany({
    where: { AND: and },
    include: summaryInclude,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  return rows.map(toSummary);
}

const MAINTENANCE_ORDER: Record<
  MaintenancePhase | "all",
  { field: "startsAt" | "endsAt"; dir: "asc" | "desc" }
> = {
  active: { field: "endsAt", dir: "asc" },
  upcoming: { field: "startsAt", dir: "asc" },
  past: { field: "startsAt", dir: "desc" },
  all: { field: "startsAt", dir: "desc" },
};

/** The sort key a maintenance page's cursor holds for `view`, in the order its phase lists it. */
export function maintenanceKey(view: MaintenanceView, phase: MaintenancePhase | undefined): FeedKey {
  const { field } = MAINTENANCE_ORDER[phase ?? "all"];
  return { at: view[field], id: view.id };
}

/**
 * The API's maintenance list, in the console's order for a phase (ending soonest, starting soonest, latest
 * first) or latest first over every window, `limit + 1` rows after `after`.
 */
export async function listMaintenancePage(
  ctx: Ctx,
  filter: unknown,
  page: FeedPage,
  now = new Date(),
): Promise<{ phase: MaintenancePhase | undefined; items: MaintenanceView[] }> {
  authorize(ctx, "incidents.read");
  const f = parseInput(MaintenanceListFilter, filter ?? {});
  const { field, dir } = MAINTENANCE_ORDER[f.phase ?? "all"];
  const and: Prisma.MaintenanceWindowWhereInput[] = [];
  if (f.phase) and.push(phaseWhere(f.phase, now));
  if (f.region) and.push({ satellites: { some: { satellite: { regionId: f.region } } } });
  and.push(...(keyset(field, dir, page.after) as Prisma.MaintenanceWindowWhereInput[]));
  const rows = await db.maintenanceWindow.findMany({
    where: { AND: and },
    include: maintenanceInclude,
    orderBy: [{ [field]: dir }, { id: dir }],
    take: page.limit + 1,
  });
  return { phase: f.phase, items: rows.map((r) => toMaintenanceView(r, now)) };
}
