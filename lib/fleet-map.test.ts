import { describe, expect, it } from "vitest";
import { decodePoints, linkUtilisationPct, MAP_STATUSES, mapStatusOf } from "./fleet-map";

describe("the map's status of a satellite", () => {
  it("puts connectivity before reported health", () => {
    expect(mapStatusOf("connected", "critical")).toBe("critical");
    expect(mapStatusOf("stale", "healthy")).toBe("stale");
    expect(mapStatusOf("offline", "healthy")).toBe("offline");
    expect(mapStatusOf("never_seen", "unknown")).toBe("never_seen");
    expect(mapStatusOf("connected", "unknown")).toBe("unknown");
  });

  it("orders statuses so the worst has the highest code", () => {
    const rank = (s: (typeof MAP_STATUSES)[number]) => MAP_STATUSES.indexOf(s);
    expect(rank("offline")).toBeGreaterThan(rank("critical"));
    expect(rank("critical")).toBeGreaterThan(rank("stale"));
    expect(rank("stale")).toBeGreaterThan(rank("degraded"));
    expect(rank("degraded")).toBeGreaterThan(rank("healthy"));
    expect(rank("healthy")).toBeGreaterThan(rank("never_seen"));
  });
});

describe("link utilisation", () => {
  it("is rx+tx against downlink+uplink, in whole percent", () => {
    expect(linkUtilisationPct(500, 250, 1000, 500)).toBe(50);
    expect(linkUtilisationPct(1200, 600, 1000, 500)).toBe(120);
    expect(linkUtilisationPct(0.4, 0, 1000, 1000)).toBe(0);
  });

  it("has no figure without live traffic or a link", () => {
    expect(linkUtilisationPct(null, 10, 1000, 1000)).toBeNull();
    expect(linkUtilisationPct(10, null, 1000, 1000)).toBeNull();
    expect(linkUtilisationPct(10, 10, 0, 0)).toBeNull();
  });
});

describe("decoding the wire format", () => {
  it("turns columns back into points", () => {
    const points = decodePoints({
      regions: [],
      slug: ["a", "b"],
      name: ["A", "B"],
      lon: [868, -7400],
      lat: [5011, 4070],
      region: [0, 1],
      status: [1, 6],
      bw: [30, -1],
      rollout: [0, 3],
      kpis: {} as never,
    });
    expect(points).toEqual([
      { slug: "a", name: "A", lon: 8.68, lat: 50.11, region: 0, status: 1, bw: 30, rollout: 0 },
      { slug: "b", name: "B", lon: -74, lat: 40.7, region: 1, status: 6, bw: -1, rollout: 3 },
    ]);
  });
});
