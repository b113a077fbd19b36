import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { validationError } from "../errors";
import { ROLLOUT_PAGE_SIZE, RolloutFilter, RolloutListQuery } from "./schemas";
import { ACTIVE_ROLLOUT_STATUSES, type RolloutStatus } from "./types";
import { emptyCounts, type TargetCounts } from "./views";

export type RolloutSummary = {
  id: string;
  name: string;
  status: RolloutStatus;
  release: { id: string; version: string };
  counts: TargetCounts;
  currentWave: { index: number; label: string; status: string } | null;
  waveCount: number;
  pausedReason: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type RolloutList = { total: number; page: number; pageSize: number; items: RolloutSummary[] };

const WHERE: Record<NonNullable<RolloutListQuery["status"]>, Prisma.RolloutWhereInput> = {
  active: { status: { in: [...ACTIVE_ROLLOUT_STATUSES] } },
  finished: { status: { in: ["completed", "completed_with_exceptions", "aborted", "rolled_back"] } },
  draft: { status: "draft" },
};

const INCLUDE = {
  release: { select: { id: true, version: true } },
  createdBy: { select: { name: true, email: true } },
  waves: { select: { index: true, label: true, status: true }, orderBy: { index: "asc" } },
} as const satisfies Prisma.RolloutInclude;

type Row = Prisma.RolloutGetPayload<{ include: typeof INCLUDE }>;

/** Rollouts newest first, with per-state target counts from one grouped query for the whole page. */
export async function listRollouts(ctx: Ctx, input: unknown = {}): Promise<RolloutList> {
  authorize(ctx, "rollouts.read");
  const parsed = RolloutListQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const { status, page } = parsed.data;
  const where = status ? WHERE[status] : {};
  const [total, rows] = await Promise.all([
    db.rollout.count({ where }),
    db.rollout.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * ROLLOUT_PAGE_SIZE,
      take: ROLLOUT_PAGE_SIZE,
      include: INCLUDE,
    }),
  ]);
  return { total, page, pageSize: ROLLOUT_PAGE_SIZE, items: await summaries(rows) };
}

/** Where a page of the API's list starts: after the rollout created at `createdAt` with this id. */
export type RolloutPageKey = { createdAt: string; id: string };

/**
 * The API's list: the console's order (newest first), filtered by status or status group and by release
 * (its id or version), read as a keyset page of `limit + 1` rows after `after`, so pages never repeat or skip
 * a rollout when new ones start.
 */
export async function listRolloutPage(
  ctx: Ctx,
  filter: unknown,
  page: { limit: number; after?: RolloutPageKey },
): Promise<RolloutSummary[]> {
  authorize(ctx, "rollouts.read");
  const parsed = RolloutFilter.safeParse(filter ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const { status, release } = parsed.data;
  const and: Prisma.RolloutWhereInput[] = [];
  if (status)
    and.push(status in WHERE ? WHERE[status as keyof typeof WHERE] : { status: status as RolloutStatus });
  if (release) and.push({ release: { OR: [{ id: release }, { version: release }] } });
  if (page.after) {
    const at = new Date(page.after.createdAt);
    and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { gt: page.after.id } }] });
  }
  const rows = await db.rollout.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: page.limit + 1,
    include: INCLUDE,
  });
  return summaries(rows);
}

async function summaries(rows: Row[]): Promise<RolloutSummary[]> {
  const grouped = rows.length
    ? await db.rolloutTarget.groupBy({
        by: ["rolloutId", "state"],
        where: { rolloutId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const counts = new Map<string, TargetCounts>();
  for (const g of grouped) {
    const c = counts.get(g.rolloutId) ?? emptyCounts();
    c[g.state] += g._count._all;
    if (g.state !== "excluded") c.total += g._count._all;
    counts.set(g.rolloutId, c);
  }
  return rows.map((r) => {
    const wave = r.waves.find((w) => w.index === r.currentWave);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      release: r.release,
      counts: counts.get(r.id) ?? emptyCounts(),
      currentWave: wave ? { index: wave.index, label: wave.label, status: wave.status } : null,
      waveCount: r.waves.length,
      pausedReason: r.pausedReason,
      createdBy: r.createdBy?.name ?? r.createdBy?.email ?? null,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  });
}
