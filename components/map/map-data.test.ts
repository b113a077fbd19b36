import { describe, expect, it } from "vitest";
import { emptyColumns } from "@/lib/fleet-map-wire";
import { allFeatures, boundsOf, emptyShown, updatesFor, type MapData } from "./map-data";

function data(n: number, seq = 0, changes: MapData["changes"] = [], layout = "L1"): MapData {
  const cols = emptyColumns(n, false);
  for (let i = 0; i < n; i++) {
    cols.lon[i] = 1000 + i;
    cols.lat[i] = 5000 - i;
    cols.status[i] = 1;
    cols.bw[i] = 20;
  }
  return { meta: { layout, count: n }, cols, seq, changes };
}

describe("features from columns", () => {
  it("gives each satellite its index as id and property, in degrees", () => {
    const [first, second] = allFeatures(data(2));
    expect(first).toMatchObject({
      id: 0,
      geometry: { coordinates: [10, 50] },
      properties: { i: 0, status: 1 },
    });
    expect(second.id).toBe(1);
    expect(second.geometry.coordinates).toEqual([10.01, 49.99]);
  });
});

describe("updatesFor", () => {
  it("loads a new layout whole, then sends only the satellites each answer changed", () => {
    const shown = emptyShown();
    expect(updatesFor(shown, data(5))).toBeNull();
    const next = data(5, 2, [
      { seq: 1, index: Uint32Array.from([1]) },
      { seq: 2, index: Uint32Array.from([1, 3]) },
    ]);
    next.cols.status[3] = 6;
    const update = updatesFor(shown, next);
    expect(update?.map((u) => u.id)).toEqual([1, 3]);
    expect(update?.[1]).toMatchObject({ id: 3, properties: { i: 3, status: 6 } });
    expect(update?.[1].geometry.coordinates).toEqual([10.03, 49.97]);
    expect(updatesFor(shown, next)).toEqual([]);
  });

  it("loads whole again when it missed an answer or the layout moved", () => {
    const shown = emptyShown();
    updatesFor(shown, data(5));
    expect(updatesFor(shown, data(5, 3, [{ seq: 3, index: Uint32Array.from([0]) }]))).toBeNull();
    expect(updatesFor(shown, data(5, 4, [{ seq: 4, index: Uint32Array.from([0]) }], "L2"))).toBeNull();
  });
});

describe("boundsOf", () => {
  it("spans every point or the ones asked for, and is absent for none", () => {
    expect(boundsOf(data(0).cols)).toBeNull();
    const d = data(3);
    d.cols.lon.set([-7000, 14000, 0]);
    d.cols.lat.set([-3000, 6000, 0]);
    expect(boundsOf(d.cols)).toEqual([
      [-70, -30],
      [140, 60],
    ]);
    expect(boundsOf(d.cols, Uint32Array.from([0, 2]))).toEqual([
      [-70, -30],
      [0, 0],
    ]);
  });
});
