import { describe, expect, it } from "vitest";
import { generatedFleet } from "./generated-fleet";
import { flakySlugs } from "./offline";
import { hashSeed, rngFor } from "./prng";
import { siteProfile } from "./profile";
import { SampleModel } from "./sampler";

const site = (slug: string) => ({
  slug,
  lat: 35.68,
  lon: 139.69,
  link: { uplinkMbps: 1000, downlinkMbps: 1000 },
});
const T0 = Date.UTC(2026, 10, 28, 10);

function series(slug: string, count: number) {
  const model = new SampleModel(site(slug));
  return Array.from({ length: count }, (_, i) => model.sample(i + 1, T0 + i * 10_000));
}

describe("determinism per slug", () => {
  it("gives the same slug the same profile and the same samples, run after run", () => {
    expect(siteProfile("tyo-edge-01", 35.68, 139.69)).toEqual(siteProfile("tyo-edge-01", 35.68, 139.69));
    expect(series("tyo-edge-01", 500)).toEqual(series("tyo-edge-01", 500));
  });

  it("gives different slugs different behaviour", () => {
    expect(series("tyo-edge-01", 5)).not.toEqual(series("tyo-edge-02", 5));
    expect(hashSeed("tyo-edge-01")).not.toBe(hashSeed("tyo-edge-02"));
    expect(rngFor("a")()).not.toBe(rngFor("b")());
  });

  it("keeps samples inside the protocol's ranges", () => {
    for (const s of series("sin-colo-07", 2_000)) {
      for (const pct of [s.cpuPct, s.memPct, s.diskPct, s.lossPct]) {
        expect(pct).toBeGreaterThanOrEqual(0);
        expect(pct).toBeLessThanOrEqual(100);
      }
      expect(s.rttMs).toBeGreaterThan(0);
      expect(Object.keys(s.services)).toEqual(["compute", "storage", "network", "kubernetes", "dns"]);
    }
  });

  it("picks the same flaky satellites and generates the same fleet every time", () => {
    const slugs = Array.from({ length: 300 }, (_, i) => `s-${i}`);
    expect(flakySlugs(slugs, 0.02)).toEqual(flakySlugs([...slugs].reverse(), 0.02));
    expect(flakySlugs(slugs, 0.02).size).toBe(6);
    expect(generatedFleet("orr_join_x", 40)).toEqual(generatedFleet("orr_join_x", 40));
    expect(generatedFleet("orr_join_x", 40)[0].slug).toBe("sim-fra-1");
  });
});
