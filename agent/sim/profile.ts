// The fixed character of one virtual satellite, drawn once from its slug: how busy it gets, whether it runs
// hot or sits behind a slow link, and where its resources idle.
import { rngFor, uniform } from "./prng";
import { baseRttMs } from "./rtt";

export type SiteProfile = {
  isHot: boolean;
  isSlowLink: boolean;
  /** Share of the link used at the quietest hour of the night. */
  nightShare: number;
  /** Share of the link used at the evening peak. */
  peakShare: number;
  /** Local hour of the evening peak. */
  peakHour: number;
  /** Upload relative to download share: most sites serve less than they pull, some the reverse. */
  txRatio: number;
  cpuBase: number;
  memBase: number;
  diskBase: number;
  /** Disk fills by this many points over one cycle, then a clean-up drops it back. */
  diskRise: number;
  diskCycleDays: number;
  diskPhase: number;
  baseRttMs: number;
};

export const HOT_SHARE = 0.05;
export const SLOW_LINK_SHARE = 0.05;

export function siteProfile(slug: string, lat: number, lon: number): SiteProfile {
  const rng = rngFor(slug, "profile");
  const isHot = rng() < HOT_SHARE;
  const isSlowLink = rng() < SLOW_LINK_SHARE;
  return {
    isHot,
    isSlowLink,
    nightShare: uniform(rng, 0.1, 0.2),
    peakShare: isHot ? uniform(rng, 0.86, 0.95) : uniform(rng, 0.5, 0.85),
    peakHour: uniform(rng, 19.5, 21.5),
    txRatio: uniform(rng, 0.55, 1.05),
    cpuBase: uniform(rng, 6, 22),
    memBase: uniform(rng, 30, 55),
    diskBase: uniform(rng, 25, 60),
    diskRise: uniform(rng, 8, 25),
    diskCycleDays: uniform(rng, 20, 45),
    diskPhase: rng(),
    baseRttMs: baseRttMs(lat, lon),
  };
}
