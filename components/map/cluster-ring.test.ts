import { describe, expect, it } from "vitest";
import { MAP_STATUSES } from "@/lib/fleet-map";
import {
  badgeImageExpression,
  badgeLabel,
  countProperty,
  parseBadgeImageId,
  parseRingImageId,
  RING_ORDER,
  RING_STEPS,
  ringArcs,
  ringImageExpression,
  ringImageId,
  ringWeights,
  statusCountProperties,
  unhealthyOf,
} from "./cluster-ring";

const at = (status: (typeof RING_ORDER)[number]) => RING_ORDER.indexOf(status);

describe("a cluster's ring", () => {
  it("splits 24 steps by status, worst first", () => {
    const w = ringWeights({ healthy: 35, critical: 35 });
    expect(w.reduce((a, b) => a + b, 0)).toBe(RING_STEPS);
    expect(w[at("critical")]).toBe(12);
    expect(w[at("healthy")]).toBe(12);
    expect(RING_ORDER[0]).toBe("offline");
    expect(RING_ORDER.at(-1)).toBe("healthy");
  });

  it("shows a single unhealthy member among 70, and among 10,000", () => {
    expect(ringWeights({ healthy: 69, critical: 1 })[at("critical")]).toBe(1);
    const big = ringWeights({ healthy: 9_999, offline: 1 });
    expect(big[at("offline")]).toBe(1);
    expect(big[at("healthy")]).toBe(RING_STEPS);
  });

  it("has no arcs for statuses nobody has, and arcs that cover the turn", () => {
    const arcs = ringArcs(ringWeights({ healthy: 60, degraded: 6, offline: 4 }));
    expect(arcs.map((a) => a.status)).toEqual(["offline", "degraded", "healthy"]);
    expect(arcs[0].start).toBe(0);
    expect(arcs.at(-1)!.end).toBe(1);
    for (let i = 1; i < arcs.length; i++) expect(arcs[i].start).toBe(arcs[i - 1].end);
    expect(ringArcs(ringWeights({}))).toEqual([]);
  });

  it("names its image by theme and weights, and reads the name back", () => {
    const w = ringWeights({ healthy: 66, critical: 3, offline: 1 });
    const id = ringImageId("dark", w);
    expect(id).toBe("ring:dark:1.2.0.0.0.0.23");
    expect(parseRingImageId(id)).toEqual({ theme: "dark", weights: w });
    for (const bad of [
      "ring:dark:1.2",
      "ring:blue:1.0.0.0.0.0.1",
      "icon:dark:1.0.0.0.0.0.1",
      "ring:light:0.0.0.0.0.0.0",
    ]) {
      expect(parseRingImageId(bad), bad).toBeNull();
    }
  });

  it("is named by the map with the same arithmetic", () => {
    // The expression: concat("ring:light:", to-string(max(0, ceil(24 × count / point_count − 0.001))), ".", …)
    const expr = ringImageExpression("light") as unknown[];
    expect(expr[0]).toBe("concat");
    expect(expr[1]).toBe("ring:light:");
    const parts = expr.slice(2).filter((p) => p !== ".");
    expect(parts).toHaveLength(RING_ORDER.length);
    expect(JSON.stringify(parts[0])).toBe(
      JSON.stringify([
        "to-string",
        ["max", 0, ["ceil", ["-", ["/", ["*", RING_STEPS, ["get", "n6"]], ["get", "point_count"]], 0.001]]],
      ]),
    );
  });

  it("counts each status in its own cluster property", () => {
    const props = statusCountProperties();
    expect(Object.keys(props)).toEqual(MAP_STATUSES.map((_, i) => `n${i}`));
    expect(countProperty("offline")).toBe(`n${MAP_STATUSES.indexOf("offline")}`);
    expect(JSON.stringify(props[countProperty("critical")])).toBe(
      JSON.stringify(["+", ["case", ["==", ["get", "status"], MAP_STATUSES.indexOf("critical")], 1, 0]]),
    );
  });

  it("counts degraded, stale, critical, offline and unknown as not healthy, never seen as no alarm", () => {
    const props = Object.fromEntries(MAP_STATUSES.map((s) => [countProperty(s), 1]));
    expect(unhealthyOf(props)).toBe(5);
  });
});

describe("a cluster's badge", () => {
  it("counts up to 99, then says 99+", () => {
    expect(badgeLabel(3)).toBe("3");
    expect(badgeLabel(99)).toBe("99");
    expect(badgeLabel(100)).toBe("99+");
  });

  it("takes the colour of the worst unhealthy member", () => {
    const expr = badgeImageExpression() as unknown[];
    expect(expr[0]).toBe("case");
    // offline is checked first, then critical … ; nothing unhealthy draws no badge
    expect(JSON.stringify(expr[1])).toBe(JSON.stringify([">", ["get", countProperty("offline")], 0]));
    expect(expr[2]).toBe("badge:offline");
    expect(expr[4]).toBe("badge:critical");
    expect(expr.at(-1)).toBe("");
    expect(parseBadgeImageId("badge:critical")).toBe("critical");
    expect(parseBadgeImageId("badge:healthy")).toBeNull();
    expect(parseBadgeImageId("ring:light:1")).toBeNull();
  });
});
