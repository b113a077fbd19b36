import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  applyDelta,
  decodeMap,
  emptyColumns,
  encodeDelta,
  encodeFull,
  type MapColumns,
  type MapMeta,
} from "./fleet-map-wire";

const meta = (count: number, version = "v1"): MapMeta => ({
  regions: [{ id: "eu-gdpr", name: "EU", color: "#123456", countries: ["DE"] }],
  kpis: { total: count } as MapMeta["kpis"],
  layout: "L",
  version,
  count,
});

/** A fleet around a few hubs, with every column's edge values somewhere in it. */
function fleet(n: number, withPosture: boolean): MapColumns {
  const cols = emptyColumns(n, withPosture);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    cols.lon[i] = Math.round((rnd() - 0.5) * 36000);
    cols.lat[i] = Math.round((rnd() - 0.5) * 18000);
    cols.region[i] = (i % 4) - 1;
    cols.status[i] = i % 7;
    cols.bw[i] = i % 5 === 0 ? -1 : i % 11 === 0 ? 254 : Math.floor(rnd() * 120);
    cols.rollout[i] = i % 6;
    if (cols.posture) cols.posture[i] = i % 5;
  }
  cols.lon[0] = -18000;
  cols.lat[0] = -9000;
  if (n > 1) {
    cols.lon[1] = 18000;
    cols.lat[1] = 9000;
  }
  return cols;
}

describe("the map's binary wire format", () => {
  it("round-trips every column, with and without posture", () => {
    for (const withPosture of [false, true]) {
      const cols = fleet(2_000, withPosture);
      const answer = decodeMap(encodeFull(meta(2_000), cols));
      expect(answer.kind).toBe("full");
      expect(answer.meta).toEqual(meta(2_000));
      expect(answer.cols).toEqual(cols);
    }
  });

  it("round-trips an empty fleet", () => {
    const answer = decodeMap(encodeFull(meta(0), emptyColumns(0, false)));
    expect(answer.meta.count).toBe(0);
    expect(answer.cols.lon).toHaveLength(0);
  });

  it("caps link use at 254 % and keeps 'no figure' apart", () => {
    const cols = emptyColumns(3, false);
    cols.bw.set([-1, 300, 0]);
    expect(Array.from(decodeMap(encodeFull(meta(3), cols)).cols.bw)).toEqual([-1, 254, 0]);
  });

  it("a delta applied to the base gives the new columns", () => {
    const before = fleet(500, true);
    const after = fleet(500, true);
    const changed = [3, 4, 99, 498];
    for (const i of changed) {
      after.status[i] = 6;
      after.bw[i] = -1;
      after.rollout[i] = 5;
      after.region[i] = 2;
      if (after.posture) after.posture[i] = 4;
    }
    const bytes = encodeDelta(meta(500, "v2"), "v1", after, Uint32Array.from(changed));
    const delta = decodeMap(bytes);
    if (delta.kind !== "delta") throw new Error("expected a delta");
    expect(delta.base).toBe("v1");
    expect(delta.meta.version).toBe("v2");
    expect(Array.from(applyDelta(before, delta))).toEqual(changed);
    expect(before).toEqual(after);
  });

  it("refuses bytes that are not a map answer", () => {
    expect(() => decodeMap(new Uint8Array([1, 2, 3, 4]))).toThrow(/format/);
    const whole = encodeFull(meta(100), fleet(100, false));
    expect(() => decodeMap(whole.subarray(0, whole.length - 10))).toThrow(/ended early/);
  });

  it("stays a few bytes per satellite gzip for a clustered fleet", () => {
    const n = 20_000;
    const cols = fleet(n, false);
    // Sorted along the curve on the server; sorting by longitude here is enough to make steps small.
    const order = Array.from(cols.lon.keys()).sort((a, b) => cols.lon[a] - cols.lon[b]);
    const sorted = emptyColumns(n, false);
    order.forEach((from, to) => {
      for (const k of ["lon", "lat", "region", "status", "bw", "rollout"] as const)
        sorted[k][to] = cols[k][from];
    });
    const perSatellite = gzipSync(encodeFull(meta(n), sorted)).length / n;
    expect(perSatellite).toBeLessThan(10);
  });
});
