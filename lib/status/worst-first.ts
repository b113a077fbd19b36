// The order a status page, its embed widget and its badges list regions and satellites in: the worst first,
// so a reader sees what is wrong without scrolling. Pure.
import { PUBLIC_STATUSES, type PublicStatus } from "./public-status";

const RANK = new Map<PublicStatus, number>(PUBLIC_STATUSES.map((s, i) => [s, i]));

type Ranked = { status: PublicStatus; name: string; counts?: Record<PublicStatus, number> };

/** Members not operational (a region's satellites in any other status). */
export function troubledCount(counts: Record<PublicStatus, number>): number {
  return Object.entries(counts).reduce((sum, [s, n]) => (s === "operational" ? sum : sum + n), 0);
}

/** Worst status first; among equals the one with more troubled members, then by name. A new array. */
export function sortWorstFirst<T extends Ranked>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      (RANK.get(b.status) ?? 0) - (RANK.get(a.status) ?? 0) ||
      (b.counts ? troubledCount(b.counts) : 0) - (a.counts ? troubledCount(a.counts) : 0) ||
      a.name.localeCompare(b.name),
  );
}

/** "14 of 15 operational", "All 15 operational", "No sites yet". */
export function operationalCount(counts: Record<PublicStatus, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return "No sites in service yet";
  if (counts.operational === total) return total === 1 ? "1 site, operational" : `All ${total} operational`;
  return `${counts.operational} of ${total} operational`;
}
