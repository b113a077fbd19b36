import "server-only";
import { connectivityOf, effectiveHealth } from "@/lib/connectivity";
import { authorize, mayDo, type Ctx } from "../auth/context";
import { refusal } from "../auth/refusal";
import { db } from "../db";
import { AppError } from "../errors";
import { classifyFailure, leftBehindReason } from "./failures";
import { estimateWaveMinutes } from "./plan";
import type { CommandState } from "./types";
import {
  emptyCounts,
  type CommandView,
  type LeftBehindView,
  type RolloutDetail,
  type RolloutTargetView,
} from "./views";

function commandView(
  c: {
    state: CommandState;
    message: string | null;
    issuedAt: Date;
    deliveredAt: Date | null;
    finishedAt: Date | null;
    deliveries: number;
  } | null,
): CommandView | null {
  if (!c) return null;
  return {
    state: c.state,
    message: c.message,
    issuedAt: c.issuedAt.toISOString(),
    deliveredAt: c.deliveredAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
    deliveries: c.deliveries,
  };
}

const COMMAND_SELECT = {
  state: true,
  message: true,
  issuedAt: true,
  deliveredAt: true,
  finishedAt: true,
  deliveries: true,
} as const;

/** What the failure classifier needs of an upgrade command, as loaded or as viewed. */
function upgradeOf(c: { state: CommandState; message: string | null; deliveries: number } | null) {
  return {
    commandState: c?.state ?? null,
    commandMessage: c?.message ?? null,
    commandDeliveries: c?.deliveries ?? 0,
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function selectorOf(value: unknown): RolloutDetail["selector"] {
  const s =
    value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return {
    regionIds: strings(s.regionIds),
    kinds: strings(s.kinds),
    labels: strings(s.labels),
    satellites: strings(s.satellites),
  };
}

/** One rollout with its waves, every target's state and command, and the satellites' status at `now`. */
export async function getRollout(ctx: Ctx, id: string, now = new Date()): Promise<RolloutDetail> {
  authorize(ctx, "rollouts.read");
  if (typeof id !== "string" || id.length === 0 || id.length > 100) {
    throw new AppError("NOT_FOUND", "No such rollout.");
  }
  const [row, rollbacks] = await Promise.all([
    db.rollout.findUnique({
      where: { id },
      include: {
        release: { select: { id: true, version: true, artifactSizeMb: true, minAgentVersion: true } },
        createdBy: { select: { name: true, email: true } },
        waves: { orderBy: { index: "asc" }, include: { approvedBy: { select: { name: true } } } },
        targets: {
          include: {
            wave: { select: { index: true } },
            command: { select: COMMAND_SELECT },
            satellite: {
              select: {
                slug: true,
                name: true,
                regionId: true,
                lat: true,
                lon: true,
                stackVersion: true,
                lastSeenAt: true,
                heartbeatIntervalSec: true,
                reportedHealth: true,
                downlinkMbps: true,
              },
            },
          },
        },
      },
    }),
    db.command.findMany({
      where: { rolloutId: id, type: "stack.rollback" },
      orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
      select: { satelliteId: true, ...COMMAND_SELECT },
    }),
  ]);
  if (!row) throw new AppError("NOT_FOUND", "No such rollout.");
  const rollbackOf = new Map(rollbacks.map((c) => [c.satelliteId, c]));
  const targets: RolloutTargetView[] = row.targets
    .map((t) => {
      const s = t.satellite;
      const connectivity = connectivityOf(s.lastSeenAt, s.heartbeatIntervalSec, now);
      return {
        satelliteId: t.satelliteId,
        slug: s.slug,
        name: s.name,
        regionId: s.regionId,
        lat: s.lat,
        lon: s.lon,
        waveIndex: t.wave?.index ?? null,
        state: t.state,
        excludedReason: t.excludedReason,
        waitingUntil: t.state === "pending" ? (t.waitingUntil?.toISOString() ?? null) : null,
        fromVersion: t.fromVersion,
        stackVersion: s.stackVersion,
        connectivity,
        health: effectiveHealth(connectivity, s.reportedHealth),
        upgrade: commandView(t.command),
        rollback: commandView(rollbackOf.get(t.satelliteId) ?? null),
        failure: t.state === "failed" ? classifyFailure(upgradeOf(t.command)) : null,
      };
    })
    .sort(
      (a, b) =>
        (a.waveIndex ?? 1e9) - (b.waveIndex ?? 1e9) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    );

  const counts = emptyCounts();
  const waveCounts = new Map(row.waves.map((w) => [w.index, emptyCounts()]));
  const downlinks = new Map<number, { downlinkMbps: number }[]>();
  for (const t of row.targets) {
    counts[t.state]++;
    if (t.state !== "excluded") counts.total++;
    const index = t.wave?.index;
    if (index === undefined) continue;
    const c = waveCounts.get(index);
    if (c) {
      c[t.state]++;
      if (t.state !== "excluded") c.total++;
    }
    downlinks.set(index, [...(downlinks.get(index) ?? []), { downlinkMbps: t.satellite.downlinkMbps }]);
  }
  const leftBehind: LeftBehindView[] =
    row.status === "completed_with_exceptions"
      ? targets.flatMap((t) => {
          const reason = leftBehindReason({
            ...upgradeOf(t.upgrade),
            state: t.state,
            excludedReason: t.excludedReason,
          });
          if (reason === null) return [];
          const { satelliteId, slug, name, regionId, state } = t;
          return [{ satelliteId, slug, name, regionId, state, reason }];
        })
      : [];
  const regions = await db.complianceRegion.findMany({
    where: { id: { in: [...new Set(targets.map((t) => t.regionId))] } },
    select: { id: true, name: true, color: true },
    orderBy: { id: "asc" },
  });
  const scope = refusal(ctx, "rollouts.write", { satellites: targets.filter((t) => t.state !== "excluded") });
  const canWrite = mayDo(ctx, "rollouts.write");
  const inScope = scope === null;
  const status = row.status;
  return {
    id: row.id,
    name: row.name,
    status,
    pausedReason: row.pausedReason,
    windowBypassReason: row.windowBypassReason,
    policyOverrideReason: row.policyOverrideReason,
    release: row.release,
    selector: selectorOf(row.selector),
    maxConcurrency: row.maxConcurrency,
    bakeMinutes: row.bakeMinutes,
    failureThresholdPct: row.failureThresholdPct,
    requireApproval: row.requireApproval,
    isRegionByRegion: row.isRegionByRegion,
    currentWave: row.currentWave,
    createdBy: row.createdBy?.name ?? row.createdBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    counts,
    waves: row.waves.map((w) => ({
      index: w.index,
      label: w.label,
      status: w.status,
      counts: waveCounts.get(w.index) ?? emptyCounts(),
      estimateMinutes: estimateWaveMinutes(
        downlinks.get(w.index) ?? [],
        row.release.artifactSizeMb,
        row.maxConcurrency,
        row.bakeMinutes,
      ),
      startedAt: w.startedAt?.toISOString() ?? null,
      bakeUntil: w.bakeUntil?.toISOString() ?? null,
      finishedAt: w.finishedAt?.toISOString() ?? null,
      approvedAt: w.approvedAt?.toISOString() ?? null,
      approvedBy: w.approvedBy?.name ?? null,
    })),
    targets,
    leftBehind,
    regions,
    can: {
      pause: canWrite && (status === "running" || status === "awaiting_approval"),
      resume: inScope && status === "paused",
      abort: inScope && ["draft", "running", "awaiting_approval", "paused"].includes(status),
      // A finished rollout that upgraded nobody has nothing to roll back.
      rollBack:
        inScope &&
        (["running", "awaiting_approval", "paused"].includes(status) ||
          (["completed", "completed_with_exceptions"].includes(status) && counts.succeeded > 0)),
      retry:
        canWrite &&
        leftBehind.length > 0 &&
        refusal(ctx, "rollouts.write", { satellites: leftBehind }) === null,
      approve: mayDo(ctx, "rollouts.approve") && status === "awaiting_approval",
      start: inScope && status === "draft",
      scopeProblem: canWrite ? (scope?.message ?? null) : null,
    },
  };
}
