import { describe, expect, it } from "vitest";
import { countryShapes, unwrapRing } from "./basemap";

function maxJump(ring: number[][]): number {
  let max = 0;
  for (let i = 1; i < ring.length; i++) max = Math.max(max, Math.abs(ring[i][0] - ring[i - 1][0]));
  return max;
}

describe("the offline basemap", () => {
  it("unwraps a ring that crosses the antimeridian into one continuous ring", () => {
    const ring = [
      [178, -17],
      [179.9, -16],
      [-179.9, -16.5],
      [-179.5, -17],
      [179.5, -17.5],
      [178, -17],
    ];
    const out = unwrapRing(ring);
    expect(maxJump(out)).toBeLessThan(5);
    expect(out[2][0]).toBeCloseTo(180.1, 5);
    expect(out[3][0]).toBeCloseTo(180.5, 5);
  });

  it("leaves a ring that stays on one side alone, rounded to two decimals", () => {
    expect(
      unwrapRing([
        [8.6821, 50.1109],
        [13.405, 52.52],
        [8.6821, 50.1109],
      ]),
    ).toEqual([
      [8.68, 50.11],
      [13.41, 52.52],
      [8.68, 50.11],
    ]);
  });

  it("draws every country with its ISO code and no ring jumping across the map", () => {
    const shapes = countryShapes();
    expect(shapes.features.length).toBeGreaterThan(170);
    const byIso = new Map(shapes.features.map((f) => [f.properties.iso, f]));
    for (const iso of ["DE", "US", "RU", "FJ", "BR", "JP", "AU", "CY", "XK"])
      expect(byIso.has(iso), iso).toBe(true);
    for (const f of shapes.features) {
      if (f.properties.name === "Antarctica") continue;
      const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) {
        for (const ring of polygon) expect(maxJump(ring), f.properties.name).toBeLessThan(180);
      }
    }
  });
});
