import "server-only";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { nameSome } from "./engine-words";
import { ACTIVE_ROLLOUT_STATUSES } from "./types";

/** Refusals and audit rows quote a few satellites by slug, as pause reasons do. */
export { nameSome };

/**
 * Serializes every change that makes a rollout hold satellites (create, start a draft, roll a finished one
 * back). Checking for a conflict and writing the targets are two statements; without one lock row two
 * concurrent requests on PostgreSQL could both see no conflict. SQLite transactions are serial already.
 */
export async function lockHolds(tx: Tx, now: Date): Promise<void> {
  const name = "rollouts.holds";
  await tx.jobState.upsert({
    where: { name },
    create: { name, value: now.toISOString() },
    update: { value: now.toISOString() },
  });
}

export type Hold = { satelliteId: string; slug: string; rolloutId: string; rolloutName: string };

/** Which of these satellites an active rollout other than `exceptRolloutId` already holds. */
export async function heldBy(
  client: Db | Tx,
  satelliteIds: readonly string[],
  exceptRolloutId?: string,
): Promise<Hold[]> {
  if (satelliteIds.length === 0) return [];
  // Every active hold, matched in memory: the set is bounded by what is rolling out now, while the
  // selection can be the whole fleet (too many parameters for one IN list).
  const holds = await client.rolloutTarget.findMany({
    where: {
      state: { not: "excluded" },
      rollout: {
        status: { in: [...ACTIVE_ROLLOUT_STATUSES] },
        id: exceptRolloutId ? { not: exceptRolloutId } : undefined,
      },
    },
    select: {
      satelliteId: true,
      satellite: { select: { slug: true } },
      rollout: { select: { id: true, name: true } },
    },
  });
  const wanted = new Set(satelliteIds);
  return holds
    .filter((h) => wanted.has(h.satelliteId))
    .map((h) => ({
      satelliteId: h.satelliteId,
      slug: h.satellite.slug,
      rolloutId: h.rollout.id,
      rolloutName: h.rollout.name,
    }));
}

/** "eu-fra-edge-01, eu-par-dc-02 are already in rollout "2026.12.0 · eu-gdpr" (id …)". */
export function describeHolds(holds: Hold[]): string | null {
  if (holds.length === 0) return null;
  const byRollout = new Map<string, Hold[]>();
  for (const h of holds) byRollout.set(h.rolloutId, [...(byRollout.get(h.rolloutId) ?? []), h]);
  const parts = [...byRollout.values()].map((group) => {
    const verb = group.length === 1 ? "is" : "are";
    return `${nameSome(group.map((h) => h.slug).sort())} ${verb} already held by the active rollout "${group[0].rolloutName}" (${group[0].rolloutId})`;
  });
  return `Two rollouts may not hold the same satellite at once: ${parts.join("; ")}. Finish, abort or roll that rollout back first.`;
}

export function conflictError(holds: Hold[]): AppError | null {
  const message = describeHolds(holds);
  return message ? new AppError("CONFLICT", message) : null;
}
