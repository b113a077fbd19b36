// Diurnal traffic: quiet before dawn, a lunchtime plateau, the peak in the evening, by the site's local time.
import { type Rng, clamp, round1, uniform } from "./prng";
import type { SiteProfile } from "./profile";

/** [local hour, level 0..1] for a peak at 20:30; shifted per site so that peaks spread out. */
const SHAPE: ReadonlyArray<readonly [number, number]> = [
  [0, 0.45],
  [2, 0.15],
  [4, 0],
  [6, 0.08],
  [9, 0.4],
  [12, 0.5],
  [15, 0.55],
  [18, 0.8],
  [20.5, 1],
  [22, 0.85],
  [24, 0.45],
];
const SHAPE_PEAK_HOUR = 20.5;
const NOISE = 0.08;

export type Link = { uplinkMbps: number; downlinkMbps: number };

/** Local solar hour, 0 ≤ h < 24: UTC hour plus one hour per 15° east. */
export function localHour(nowMs: number, lon: number): number {
  const utcHour = (nowMs / 3_600_000) % 24;
  return (((utcHour + lon / 15) % 24) + 24) % 24;
}

/** 0 at the quietest hour, 1 at the evening peak, smooth in between. */
export function diurnalLevel(hour: number, peakHour: number): number {
  const h = (((hour - (peakHour - SHAPE_PEAK_HOUR)) % 24) + 24) % 24;
  for (let i = 1; i < SHAPE.length; i++) {
    const [h1, v1] = SHAPE[i];
    if (h > h1) continue;
    const [h0, v0] = SHAPE[i - 1];
    const t = (h - h0) / (h1 - h0);
    return v0 + (v1 - v0) * ((1 - Math.cos(Math.PI * t)) / 2);
  }
  return SHAPE[0][1];
}

/** The share of the link in use (0..1), with noise; the curve never exceeds the link. */
export function linkShare(profile: SiteProfile, rng: Rng, nowMs: number, lon: number): number {
  const level = diurnalLevel(localHour(nowMs, lon), profile.peakHour);
  const share = profile.nightShare + (profile.peakShare - profile.nightShare) * level;
  return clamp(share * (1 + uniform(rng, -NOISE, NOISE)), 0, 1);
}

export function bandwidthAt(
  profile: SiteProfile,
  rng: Rng,
  nowMs: number,
  lon: number,
  link: Link,
): { share: number; rxMbps: number; txMbps: number } {
  const share = linkShare(profile, rng, nowMs, lon);
  const txShare = clamp(share * profile.txRatio * (1 + uniform(rng, -NOISE, NOISE)), 0, 1);
  return {
    share,
    rxMbps: round1(share * link.downlinkMbps),
    txMbps: round1(txShare * link.uplinkMbps),
  };
}
