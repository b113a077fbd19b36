// CPU and memory follow the traffic; the disk fills slowly over weeks and drops back at each clean-up.
import { type Rng, clamp, round1, uniform } from "./prng";
import type { SiteProfile } from "./profile";

const DAY_MS = 86_400_000;

/** A function of absolute time, so a restarted simulator carries on where the disk was. */
export function diskPctAt(profile: SiteProfile, nowMs: number): number {
  const cycle = (nowMs / DAY_MS / profile.diskCycleDays + profile.diskPhase) % 1;
  return round1(clamp(profile.diskBase + profile.diskRise * cycle, 1, 97));
}

export function resourcesAt(
  profile: SiteProfile,
  rng: Rng,
  nowMs: number,
  share: number,
): { cpuPct: number; memPct: number; diskPct: number } {
  return {
    cpuPct: round1(clamp(profile.cpuBase + share * 60 + uniform(rng, -4, 4), 1, 99)),
    memPct: round1(clamp(profile.memBase + share * 20 + uniform(rng, -1.5, 1.5), 5, 98)),
    diskPct: diskPctAt(profile, nowMs),
  };
}
