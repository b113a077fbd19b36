import type { RolloutPreview } from "@/server/rollouts/create";

/** Exclusion reasons start with the slug ("x is already on …"); the list shows it once, just before. */
export function reasonAfterSlug(slug: string, reason: string): string {
  for (const lead of [`${slug} is `, `${slug}'s `, `${slug} `]) {
    if (reason.startsWith(lead)) return reason.slice(lead.length);
  }
  return reason;
}

/**
 * Why percentages the operator asked for have no wave of their own: the plan rounds each one down to
 * whole satellites and drops a wave that would add none beyond the canary and the waves before it.
 */
export function skippedWaveNotes(
  askedWaves: string[],
  planned: RolloutPreview["waves"],
  targetCount: number,
): string[] {
  if (askedWaves.length === 0 || planned.length === 0) return [];
  const satellites = (n: number) => `${n} ${n === 1 ? "satellite" : "satellites"}`;
  // Only 100 % itself reaches every target, so it drops out only when the canary already has them all.
  if (planned.every((w) => w.label === "canary")) {
    const all = targetCount === 1 ? "the only target" : `all ${targetCount} targets`;
    return [`The canary reaches ${all}, so no wave follows it.`];
  }
  const labels = new Set(planned.map((w) => w.label));
  return askedWaves
    .map(Number)
    .filter((pct) => Number.isFinite(pct) && pct > 0 && pct < 100 && !labels.has(`${pct} %`))
    .map((pct) => {
      const reached = Math.floor((targetCount * pct) / 100 + 1e-9);
      const share = `${pct} % of ${satellites(targetCount)}`;
      return reached === 0
        ? `The ${pct} % wave is merged into the next: ${share} rounds down to 0.`
        : `The ${pct} % wave is merged into the next: ${share} is ${reached}, which the waves before it already reach.`;
    });
}
