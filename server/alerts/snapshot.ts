import "server-only";
import { db } from "../db";
import { EVENT_WINDOW_MIN, type AlertKind } from "./kinds";
import { isOlder } from "./evaluate";
import { EMPTY_SNAPSHOT, type FleetSnapshot } from "./snapshot-types";

const LIVE = {
  lifecycle: { notIn: ["decommissioned" as const, "maintenance" as const] },
  lastSeenAt: { not: null },
};
const FACT = {
  id: true,
  slug: true,
  regionId: true,
  labelText: true,
  offlineAfter: true,
  reportedHealth: true,
  agentVersion: true,
} as const;

/**
 * The fleet as the enabled rules need it, one query per kind whatever the number of rules: offline and
 * critical satellites (few, through indexes), region head-counts, outdated agents, paused rollouts and
 * failed commands of the last hour. Kinds no rule asks for are not read.
 */
export async function loadSnapshot(
  rules: readonly { kind: AlertKind; params: unknown }[],
  now: Date,
): Promise<FleetSnapshot> {
  const kinds = new Set(rules.map((r) => r.kind));
  const wants = (...k: AlertKind[]) => k.some((x) => kinds.has(x));
  const since = new Date(now.getTime() - EVENT_WINDOW_MIN * 60_000);
  const [impacted, population, agents, rollouts, commands] = await Promise.all([
    wants("satellite_offline", "region_impacted")
      ? db.satellite.findMany({
          where: { ...LIVE, OR: [{ offlineAfter: { lte: now } }, { reportedHealth: "critical" }] },
          select: FACT,
        })
      : [],
    wants("region_impacted")
      ? db.satellite.groupBy({ by: ["regionId", "labelText"], where: LIVE, _count: { _all: true } })
      : [],
    wants("agent_outdated") ? outdatedAgents(rules, now) : [],
    wants("rollout_paused")
      ? db.rollout.findMany({
          where: {
            OR: [{ status: "paused" }, { status: "completed_with_exceptions", finishedAt: { gt: since } }],
          },
          select: {
            id: true,
            name: true,
            status: true,
            pausedReason: true,
            finishedAt: true,
            targets: { select: { satellite: { select: { regionId: true, labelText: true } } } },
          },
        })
      : [],
    wants("command_failed")
      ? db.command.findMany({
          where: { state: "failed", finishedAt: { gt: since } },
          select: {
            id: true,
            type: true,
            message: true,
            finishedAt: true,
            satellite: { select: { id: true, slug: true, regionId: true, labelText: true } },
          },
          orderBy: { finishedAt: "asc" },
          take: 2000,
        })
      : [],
  ]);
  return {
    ...EMPTY_SNAPSHOT,
    impacted,
    population: population.map((p) => ({
      regionId: p.regionId,
      labelText: p.labelText,
      count: p._count._all,
    })),
    agents,
    rollouts: rollouts.map(({ targets, ...r }) => ({ ...r, targets: targets.map((t) => t.satellite) })),
    commands: commands.map((c) => ({ ...c, finishedAt: c.finishedAt ?? now })),
  };
}

/** Agents older than the newest version any rule wants: the versions in use first (few), then their satellites. */
async function outdatedAgents(rules: readonly { kind: AlertKind; params: unknown }[], _now: Date) {
  const wanted = rules
    .filter((r) => r.kind === "agent_outdated")
    .map((r) => String((r.params as { version?: unknown } | null)?.version ?? ""));
  const versions = await db.satellite.groupBy({
    by: ["agentVersion"],
    where: { lifecycle: { not: "decommissioned" }, agentVersion: { not: null } },
  });
  const old = versions
    .map((v) => v.agentVersion)
    .filter((v): v is string => !!v && wanted.some((w) => isOlder(v, w)));
  if (old.length === 0) return [];
  return db.satellite.findMany({
    where: { lifecycle: { not: "decommissioned" }, agentVersion: { in: old } },
    select: FACT,
  });
}
