import { beforeAll, describe, expect, it } from "vitest";
import { connectivityOf, type Health } from "@/lib/connectivity";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { listSatellites } from "./list";
import { registerSatellite } from "./register";
import { SEVERITIES, severityOf } from "./severity";

const now = new Date("2026-11-28T12:00:00Z");
let admin: UserCtx;
let viewer: UserCtx;
const tag = `sev${Date.now().toString(36)}`;

// Silence in seconds (10 s interval: stale after 40 s, offline after 180 s), or null for never seen.
const STATES: [silence: number | null, health: Health][] = [
  [null, "unknown"],
  ...[5, 60, 500].flatMap((silence) =>
    (["healthy", "degraded", "critical", "unknown"] as const).map((h): [number, Health] => [silence, h]),
  ),
];

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  // Two of each state, named so that name order differs from creation order.
  for (const [i, [silence, health]] of STATES.entries()) {
    for (const copy of ["b", "a"]) {
      const { id } = await registerSatellite(
        admin,
        satelliteInput({ slug: `${tag}-${i}-${copy}`, name: `${tag} ${copy} ${String(i).padStart(2, "0")}` }),
      );
      if (silence === null) continue;
      const lastSeenAt = new Date(now.getTime() - silence * 1000);
      await db.satellite.update({
        where: { id },
        data: {
          lastSeenAt,
          staleAfter: new Date(lastSeenAt.getTime() + 40_000),
          offlineAfter: new Date(lastSeenAt.getTime() + 180_000),
          reportedHealth: health,
        },
      });
    }
  }
});

async function everyPage(query: Record<string, unknown>, limit: number) {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const p = await listSatellites(viewer, { q: tag, limit, page, ...query }, now);
    slugs.push(...p.items.map((s) => s.slug));
    if (page * limit >= p.total) return { slugs, total: p.total };
  }
}

describe("sorting the list by severity", () => {
  it("is the default: critical, offline, degraded, stale, unknown, never seen, healthy, then by name", async () => {
    const page = await listSatellites(viewer, { q: tag, limit: 100 }, now);
    expect(page.sort).toBe("severity");
    expect(page.total).toBe(STATES.length * 2);
    const rank = page.items.map((s) => SEVERITIES.indexOf(s.severity));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(new Set(page.items.map((s) => s.severity))).toEqual(new Set(SEVERITIES));
    for (const severity of SEVERITIES) {
      const names = page.items.filter((s) => s.severity === severity).map((s) => s.name);
      expect(names, severity).toEqual([...names].sort());
    }
  });

  it("agrees with severityOf() for every satellite, as the rows say", async () => {
    const page = await listSatellites(viewer, { q: tag, limit: 100 }, now);
    const rows = await db.satellite.findMany({ where: { id: { in: page.items.map((s) => s.id) } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const s of page.items) {
      const row = byId.get(s.id)!;
      const connectivity = connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now);
      expect(s.severity, s.slug).toBe(severityOf(connectivity, row.reportedHealth));
    }
  });

  it("pages across buckets without losing or repeating a satellite, both ways", async () => {
    const whole = (await listSatellites(viewer, { q: tag, limit: 100 }, now)).items.map((s) => s.slug);
    for (const limit of [1, 3, 7]) {
      const paged = await everyPage({}, limit);
      expect(paged.slugs, `limit ${limit}`).toEqual(whole);
    }
    const desc = await listSatellites(viewer, { q: tag, limit: 100, sort: "severity", dir: "desc" }, now);
    expect(desc.items[0].severity).toBe("healthy");
    expect(desc.items[desc.items.length - 1].severity).toBe("critical");
    expect((await everyPage({ dir: "desc" }, 5)).slugs).toEqual(desc.items.map((s) => s.slug));
  });

  it("keeps the filters: the Overview's tiles each land on their own satellites", async () => {
    const count = async (query: Record<string, string>) =>
      (await listSatellites(viewer, { q: tag, ...query }, now)).items.map((s) => s.severity);
    // The Overview's tiles ask for a status exactly (components/map/kpi-links.ts): each lands on its bucket.
    const tiles: [Record<string, string>, string][] = [
      [{ connectivity: "connected", health: "critical" }, "critical"],
      [{ connectivity: "offline" }, "offline"],
      [{ connectivity: "connected", health: "degraded" }, "degraded"],
      [{ connectivity: "stale" }, "stale"],
    ];
    for (const [query, severity] of tiles) expect(new Set(await count(query))).toEqual(new Set([severity]));
    // The health filter alone keeps a stale satellite's last report: critical and stale both show.
    expect(new Set(await count({ health: "critical" }))).toEqual(new Set(["critical", "stale"]));
    const offline = await listSatellites(viewer, { q: tag, connectivity: "offline", limit: 3, page: 2 }, now);
    expect(offline.total).toBe(8);
    expect(offline.items).toHaveLength(3);
  });

  it("refuses a sort it does not know, in words", async () => {
    await expect(listSatellites(viewer, { sort: "mood" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
