import "server-only";
import { z } from "zod";
import { authorize, mayDo, type Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../errors";
import { MAX_TARGETS, resolveTargets } from "./targets";

/** Whom a composer is about to command: satellites by id, or a fleet filter as a query string. */
export const TargetFactsInput = z.object({
  target: z.union([
    z.object({ satelliteIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_TARGETS) }),
    z.object({ filter: z.string().max(4000) }),
  ]),
});

export type TargetRegion = { regionId: string; count: number; isAllowed: boolean };

export type TargetFacts = {
  total: number;
  /** The selection's regions, most satellites first, each with whether the caller may command there. */
  regions: TargetRegion[];
  /** When part of the selection lies outside the caller's regions: the part inside, to send instead. */
  narrowed: {
    label: string;
    count: number;
    target: { satelliteIds: string[] } | { filter: string };
  } | null;
  /** The services these satellites last reported, for "Restart a service". */
  services: string[];
};

function servicesOf(rows: { services: unknown }[]): string[] {
  const names = new Set<string>();
  for (const { services } of rows) {
    if (services && typeof services === "object" && !Array.isArray(services)) {
      for (const name of Object.keys(services)) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * What a composer should know before the form is filled in: how many satellites a target holds, in which
 * regions, which of those the caller may command (the one decision, `mayDo`), and what to narrow to.
 */
export async function commandTargetFacts(ctx: Ctx, input: unknown, now = new Date()): Promise<TargetFacts> {
  authorize(ctx, "commands.write");
  const { target } = parseInput(TargetFactsInput, input);
  const asked =
    "filter" in target
      ? { filter: Object.fromEntries(new URLSearchParams(target.filter)) }
      : { satelliteIds: target.satelliteIds };
  const { targets } = await resolveTargets(db, asked, now);
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.regionId, (counts.get(t.regionId) ?? 0) + 1);
  const regions = [...counts]
    .map(([regionId, count]) => ({
      regionId,
      count,
      isAllowed: mayDo(ctx, "commands.write", { regions: [regionId] }),
    }))
    .sort((a, b) => b.count - a.count || a.regionId.localeCompare(b.regionId));
  const allowed = regions.filter((r) => r.isAllowed);
  const inside = targets.filter((t) => allowed.some((r) => r.regionId === t.regionId));
  let narrowed: TargetFacts["narrowed"] = null;
  if (allowed.length > 0 && allowed.length < regions.length) {
    const regionIds = allowed.map((r) => r.regionId);
    const query = "filter" in target ? new URLSearchParams(target.filter) : null;
    query?.set("region", regionIds.join(","));
    narrowed = {
      label: `${regionIds.join(", ")} (${inside.length.toLocaleString("en")})`,
      count: inside.length,
      target: query ? { filter: query.toString() } : { satelliteIds: inside.map((t) => t.id) },
    };
  }
  const rows = await db.satellite.findMany({
    where: { id: { in: targets.map((t) => t.id) } },
    select: { services: true },
  });
  return { total: targets.length, regions, narrowed, services: servicesOf(rows) };
}
