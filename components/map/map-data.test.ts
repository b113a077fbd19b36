import { describe, expect, it } from "vitest";
import type { FleetMapPoint } from "@/lib/fleet-map";
import { boundsOf, diffPoints, emptyShown } from "./map-data";

const point = (slug: string, over: Partial<FleetMapPoint> = {}): FleetMapPoint => ({
  slug,
  name: slug.toUpperCase(),
  lon: 10,
  lat: 50,
  region: 0,
  status: 0,
  bw: 20,
  rollout: 0,
  ...over,
});

describe("diffPoints", () => {
  it("adds every satellite the first time, each with its own id", () => {
    const shown = emptyShown();
    const diff = diffPoints(shown, [point("a"), point("b")]);
    expect(diff.add.map((f) => [f.id, f.properties.slug])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(diff.update).toEqual([]);
    expect(diff.remove).toEqual([]);
  });

  it("leaves unchanged satellites alone, updates changed ones in place and removes the missing", () => {
    const shown = emptyShown();
    diffPoints(shown, [point("a"), point("b"), point("c")]);
    const diff = diffPoints(shown, [point("a"), point("b", { status: 3, lat: 51 })]);
    expect(diff.add).toEqual([]);
    expect(diff.update).toHaveLength(1);
    expect(diff.update[0].id).toBe(2);
    expect(diff.update[0].newGeometry).toEqual({ type: "Point", coordinates: [10, 51] });
    expect(diff.update[0].addOrUpdateProperties).toContainEqual({ key: "status", value: 3 });
    expect(diff.remove).toEqual([3]);
  });

  it("gives a satellite that comes back the id it had", () => {
    const shown = emptyShown();
    diffPoints(shown, [point("a"), point("b")]);
    diffPoints(shown, [point("a")]);
    const diff = diffPoints(shown, [point("a"), point("b")]);
    expect(diff.add.map((f) => f.id)).toEqual([2]);
  });
});

describe("boundsOf", () => {
  it("spans every point, and is absent for none", () => {
    expect(boundsOf([])).toBeNull();
    const b = boundsOf([point("a", { lon: -70, lat: -30 }), point("b", { lon: 140, lat: 60 })]);
    expect(b?.toArray()).toEqual([
      [-70, -30],
      [140, 60],
    ]);
  });
});
