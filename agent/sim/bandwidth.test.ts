import { describe, expect, it } from "vitest";
import { bandwidthAt, diurnalLevel, linkShare, localHour } from "./bandwidth";
import { rngFor } from "./prng";
import { siteProfile } from "./profile";

const HOUR = 3_600_000;
const DAY0 = Date.UTC(2026, 10, 28);
const slugs = Array.from({ length: 300 }, (_, i) => `site-${i}`);
const link = { uplinkMbps: 1000, downlinkMbps: 2500 };

describe("localHour", () => {
  it("adds an hour per 15° east and wraps around the day", () => {
    expect(localHour(DAY0 + 12 * HOUR, 0)).toBeCloseTo(12);
    expect(localHour(DAY0 + 12 * HOUR, 135)).toBeCloseTo(21);
    expect(localHour(DAY0 + 2 * HOUR, -75)).toBeCloseTo(21);
  });
});

describe("diurnal curve", () => {
  it("is lowest before dawn and highest at the evening peak", () => {
    expect(diurnalLevel(4, 20.5)).toBeCloseTo(0);
    expect(diurnalLevel(20.5, 20.5)).toBeCloseTo(1);
    for (let h = 0; h < 24; h += 0.25) {
      expect(diurnalLevel(h, 20)).toBeGreaterThanOrEqual(0);
      expect(diurnalLevel(h, 20)).toBeLessThanOrEqual(1);
    }
  });

  it("puts every site's night well below its evening peak", () => {
    for (const slug of slugs) {
      const profile = siteProfile(slug, 0, 0);
      const rng = rngFor(slug, "test");
      const troughHour = profile.peakHour - 16.5;
      const night = linkShare(profile, rng, DAY0 + troughHour * HOUR, 0);
      const fourAm = linkShare(profile, rng, DAY0 + 4 * HOUR, 0);
      const evening = linkShare(profile, rng, DAY0 + profile.peakHour * HOUR, 0);
      expect(night).toBeGreaterThan(0.09);
      expect(night).toBeLessThan(0.22);
      expect(fourAm).toBeLessThan(0.3);
      expect(evening).toBeGreaterThan(0.45);
      expect(Math.max(night, fourAm)).toBeLessThan(evening);
    }
  });

  it("never goes negative, and never above the link for sites that do not run hot", () => {
    for (const slug of slugs) {
      const profile = siteProfile(slug, 48, 11);
      const rng = rngFor(slug, "test");
      for (let t = DAY0; t < DAY0 + 24 * HOUR; t += HOUR / 3) {
        const { rxMbps, txMbps, share } = bandwidthAt(profile, rng, t, 11, link);
        expect(rxMbps).toBeGreaterThanOrEqual(0);
        expect(txMbps).toBeGreaterThanOrEqual(0);
        expect(rxMbps).toBeLessThanOrEqual(link.downlinkMbps);
        expect(txMbps).toBeLessThanOrEqual(link.uplinkMbps);
        if (!profile.isHot) expect(share).toBeLessThan(0.95);
      }
    }
  });

  it("has a few hot sites whose peaks pass 80% of the link", () => {
    const hot = slugs.map((s) => siteProfile(s, 0, 0)).filter((p) => p.isHot);
    expect(hot.length).toBeGreaterThan(slugs.length * 0.02);
    expect(hot.length).toBeLessThan(slugs.length * 0.1);
    for (const profile of hot) {
      const peak = linkShare(profile, rngFor("x"), DAY0 + profile.peakHour * HOUR, 0);
      expect(peak).toBeGreaterThan(0.8);
    }
  });
});
