import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { fleetState } from "../fleet-state";
import { listSatellites, satelliteWhere } from "./list";
import { SatelliteQuery } from "./schemas";
import { registerSatellite } from "./register";
import { severityWhere, SEVERITIES } from "./severity";

// The list's total and its severity buckets come from the fleet's state in memory; they must be exactly what
// counting the Satellite table with the list's own SQL says, for every filter, after heartbeats and edits.

let admin: Ctx;
const now = new Date();
const ago = (s: number) => new Date(now.getTime() - s * 1000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  const states = [
    { seen: 5, health: "healthy" },
    { seen: 5, health: "critical" },
    { seen: 5, health: "degraded" },
    { seen: 45, health: "critical" },
    { seen: 3600, health: "healthy" },
    { seen: null, health: "unknown" },
    { seen: 5, health: "unknown" },
  ] as const;
  for (const [i, s] of states.entries()) {
    const sat = await registerSatellite(
      admin,
      satelliteInput({
        slug: `cnt-${i}`,
        country: ["DE", "US", "FR"][i % 3],
        provider: i % 2 ? "aws" : "own",
        labels: { tier: i % 3 ? "gold" : "bronze" },
      }),
    );
    // As ingest stores a heartbeat: last seen, its deadlines (10 s interval) and the reported health.
    const seen = s.seen === null ? null : ago(s.seen);
    await db.satellite.update({
      where: { id: sat.id },
      data: {
        lastSeenAt: seen,
        heartbeatIntervalSec: 10,
        ...(seen ? connectivityDeadlines(seen, 10) : { staleAfter: null, offlineAfter: null }),
        reportedHealth: s.health,
      },
    });
  }
  fleetState().invalidate({ full: true });
});

const filters: Record<string, string>[] = [
  {},
  { health: "critical" },
  { health: "unknown" },
  { connectivity: "stale,offline" },
  { region: "eu-gdpr" },
  { provider: "aws", label: "tier=gold" },
  { q: "cnt-" },
  { lifecycle: "active,pending" },
  { lifecycle: "decommissioned" },
];

describe("the Satellites list's counts", () => {
  it("equal a count of the table with the list's SQL, for each filter and each sort", async () => {
    for (const filter of filters) {
      const where = satelliteWhere(SatelliteQuery.parse(filter), now);
      const expected = await db.satellite.count({ where });
      for (const sort of ["name", "severity"]) {
        const page = await listSatellites(admin, { ...filter, sort }, now);
        expect([filter, sort, page.total]).toEqual([filter, sort, expected]);
      }
    }
  });

  it("page through every severity bucket in full, as the SQL buckets hold them", async () => {
    const where = satelliteWhere(SatelliteQuery.parse({}), now);
    const expected: string[] = [];
    for (const severity of SEVERITIES) {
      const rows = await db.satellite.findMany({
        where: { AND: [where, severityWhere(severity, now)] },
        orderBy: [{ name: "asc" }, { slug: "asc" }],
        select: { slug: true },
      });
      expected.push(...rows.map((r) => r.slug));
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page = await listSatellites(admin, { sort: "severity", limit: 3, ...(after && { after }) }, now);
      seen.push(...page.items.map((s) => s.slug));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual(expected);
  });
});
