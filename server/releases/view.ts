import "server-only";
import type { db, Tx } from "../db";
import { AppError } from "../errors";
import { latestFleet } from "../fleet-state";
import { aggregatesOf } from "../fleet-state/aggregates";
import { ACTIVE_ROLLOUT_STATUSES } from "../rollouts/types";

export type ReleaseView = {
  id: string;
  version: string;
  notes: string;
  artifactSizeMb: number;
  minAgentVersion: string;
  /** The compliance regions the release is certified for, sorted. */
  regionIds: string[];
  createdBy: string | null;
  createdAt: string;
  /** Satellites (not decommissioned) whose reported stack version is this release's version. */
  satelliteCount: number;
  rolloutCount: number;
  activeRolloutCount: number;
};

export const releaseInclude = {
  certifiedRegions: { select: { regionId: true } },
  createdBy: { select: { email: true } },
} as const;

type ReleaseRow = Awaited<ReturnType<typeof db.release.findFirstOrThrow<{ include: typeof releaseInclude }>>>;

/** Views with their fleet and rollout counts, in two grouped queries however many releases there are. */
export async function toReleaseViews(client: Tx, rows: ReleaseRow[]): Promise<ReleaseView[]> {
  if (rows.length === 0) return [];
  const [fleet, rollouts] = await Promise.all([
    // From the fleet's latest state (≤ ~2 s old): a GROUP BY over every satellite cost 55 ms at 100,000.
    latestFleet(),
    client.rollout.groupBy({
      by: ["releaseId", "status"],
      where: { releaseId: { in: rows.map((r) => r.id) } },
      _count: { _all: true },
    }),
  ]);
  const running = aggregatesOf(fleet).byStackVersion;
  const active = new Set<string>(ACTIVE_ROLLOUT_STATUSES);
  return rows.map((r) => {
    const mine = rollouts.filter((g) => g.releaseId === r.id);
    return {
      id: r.id,
      version: r.version,
      notes: r.notes,
      artifactSizeMb: r.artifactSizeMb,
      minAgentVersion: r.minAgentVersion,
      regionIds: r.certifiedRegions.map((c) => c.regionId).sort(),
      createdBy: r.createdBy?.email ?? null,
      createdAt: r.createdAt.toISOString(),
      satelliteCount: running.get(r.version) ?? 0,
      rolloutCount: mine.reduce((sum, g) => sum + g._count._all, 0),
      activeRolloutCount: mine.filter((g) => active.has(g.status)).reduce((sum, g) => sum + g._count._all, 0),
    };
  });
}

/** Certified regions must be regions Orrery knows; the refusal names the unknown ones. */
export async function checkRegionsExist(tx: Tx, regionIds: string[]): Promise<void> {
  const found = await tx.complianceRegion.findMany({
    where: { id: { in: regionIds } },
    select: { id: true },
  });
  const missing = regionIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    const message = `unknown region${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`;
    throw new AppError("VALIDATION", `regionIds: ${message}`, { fields: { regionIds: message } });
  }
}
