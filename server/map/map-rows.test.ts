import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { fleetState } from "../fleet-state";
import { registerSatellite } from "../satellites/register";
import { listSatellites } from "../satellites/list";
import { fleetMap } from "./fleet-map";
import { hilbertOf } from "./map-rows";

let viewer: Ctx;
const now = new Date();

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  const mix = [
    { ago: 5, health: "healthy" },
    { ago: 5, health: "degraded" },
    { ago: 5, health: "unknown" },
    { ago: 60, health: "critical" },
    { ago: 900, health: "healthy" },
    { ago: null, health: "healthy" },
  ] as const;
  for (const [i, m] of mix.entries()) {
    const s = await registerSatellite(
      admin,
      satelliteInput({ kind: i % 2 ? "edge" : "colo", labels: { tier: i % 3 ? "gold" : "silver" } }),
    );
    if (m.ago === null) continue;
    const seen = new Date(now.getTime() - m.ago * 1000);
    await db.satellite.update({
      where: { id: s.id },
      data: {
        lifecycle: "active",
        lastSeenAt: seen,
        ...connectivityDeadlines(seen, 10),
        reportedHealth: m.health,
      },
    });
  }
  fleetState().invalidate();
});

describe("the map's filters over the fleet held in memory", () => {
  it("select exactly the satellites the list's SQL selects", async () => {
    const filters = [
      {},
      { connectivity: "connected" },
      { connectivity: "stale,offline" },
      { connectivity: "never_seen" },
      { health: "healthy" },
      { health: "unknown" },
      { health: "degraded,critical" },
      { kind: "edge", label: "tier=gold" },
      { q: "SAT" },
      { connectivity: "connected", health: "unknown" },
    ];
    for (const f of filters) {
      const listed = await listSatellites(viewer, { ...f, limit: 500 }, now);
      const map = await fleetMap(viewer, f, now);
      expect(new Set(map.payload.slug), JSON.stringify(f)).toEqual(new Set(listed.items.map((s) => s.slug)));
    }
  });
});

describe("the curve the map is ordered along", () => {
  it("puts neighbours on the map near each other on it", () => {
    expect(hilbertOf(-18000, -9000)).toBe(0);
    const near = Math.abs(hilbertOf(868, 5011) - hilbertOf(869, 5011));
    const far = Math.abs(hilbertOf(868, 5011) - hilbertOf(-7400, 4070));
    expect(near).toBeLessThan(far);
    expect(new Set([hilbertOf(0, 0), hilbertOf(1, 0), hilbertOf(0, 1), hilbertOf(1, 1)]).size).toBe(4);
  });
});
