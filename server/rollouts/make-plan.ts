import "server-only";
import type { Db, Tx } from "../db";
import { validationError } from "../errors";
import { eligibility, estimateWaveMinutes, planWaves, type PlannedWave } from "./plan";
import { RolloutPlanInput } from "./schemas";
import { findRelease, selectSatellites, type SelectedRelease, type SelectedSatellite } from "./select";

export type Plan = {
  input: RolloutPlanInput;
  release: SelectedRelease;
  selected: SelectedSatellite[];
  targets: SelectedSatellite[];
  exclusions: { satellite: SelectedSatellite; reason: string }[];
  waves: PlannedWave[];
  estimates: number[];
};

/**
 * A rollout as it would be planned now: the release, every selected satellite split into targets and
 * exclusions (each with the first rule it breaks), the waves and each wave's estimate. Writes nothing.
 */
export async function makePlan(client: Db | Tx, input: unknown, now: Date): Promise<Plan> {
  const parsed = RolloutPlanInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const data = parsed.data;
  const release = await findRelease(client, data.releaseId);
  const selected = await selectSatellites(client, data, now);
  const targets: SelectedSatellite[] = [];
  const exclusions: Plan["exclusions"] = [];
  for (const satellite of selected) {
    const verdict = eligibility(satellite, release, now);
    if (verdict.eligible) targets.push(satellite);
    else exclusions.push({ satellite, reason: verdict.reason });
  }
  const waves = planWaves(targets, {
    waves: data.waves,
    canarySize: data.canarySize,
    regionByRegion: data.isRegionByRegion,
  });
  const byId = new Map(targets.map((t) => [t.id, t]));
  const estimates = waves.map((w) =>
    estimateWaveMinutes(
      w.satelliteIds.flatMap((id) => byId.get(id) ?? []),
      release.artifactSizeMb,
      data.maxConcurrency,
      data.bakeMinutes,
    ),
  );
  return { input: data, release, selected, targets, exclusions, waves, estimates };
}

export function noTargetReason(plan: Plan): string {
  return `None of the ${plan.selected.length} selected satellites can take ${plan.release.version}: see the exclusions.`;
}
