import { describe, expect, it } from "vitest";
import { PUBLIC_STATUSES, type PublicStatus } from "./public-status";
import { operationalCount, sortWorstFirst, troubledCount } from "./worst-first";

function counts(partial: Partial<Record<PublicStatus, number>>): Record<PublicStatus, number> {
  return {
    ...(Object.fromEntries(PUBLIC_STATUSES.map((s) => [s, 0])) as Record<PublicStatus, number>),
    ...partial,
  };
}

describe("sortWorstFirst", () => {
  it("puts the worst status first, then more troubled members, then the name", () => {
    const regions = [
      { name: "Canada", status: "operational" as const, counts: counts({ operational: 9 }) },
      {
        name: "UK",
        status: "degraded_performance" as const,
        counts: counts({ operational: 14, major_outage: 1 }),
      },
      {
        name: "EU",
        status: "degraded_performance" as const,
        counts: counts({ operational: 40, partial_outage: 3 }),
      },
      { name: "Japan", status: "major_outage" as const, counts: counts({ major_outage: 5 }) },
      { name: "Brazil", status: "operational" as const, counts: counts({ operational: 7 }) },
      { name: "India", status: "under_maintenance" as const, counts: counts({ under_maintenance: 4 }) },
    ];
    expect(sortWorstFirst(regions).map((r) => r.name)).toEqual([
      "Japan",
      "EU",
      "UK",
      "India",
      "Brazil",
      "Canada",
    ]);
    expect(regions[0].name).toBe("Canada"); // the input is left as it was
  });

  it("sorts items without counts by status and name", () => {
    const sites = [
      { name: "b", status: "operational" as const },
      { name: "a", status: "operational" as const },
      { name: "c", status: "partial_outage" as const },
    ];
    expect(sortWorstFirst(sites).map((s) => s.name)).toEqual(["c", "a", "b"]);
  });
});

describe("operationalCount", () => {
  it("says how many of a region's sites are operational", () => {
    expect(operationalCount(counts({ operational: 14, major_outage: 1 }))).toBe("14 of 15 operational");
    expect(operationalCount(counts({ operational: 15 }))).toBe("All 15 operational");
    expect(operationalCount(counts({ operational: 1 }))).toBe("1 site, operational");
    expect(operationalCount(counts({}))).toBe("No sites in service yet");
    expect(troubledCount(counts({ operational: 3, under_maintenance: 2, degraded_performance: 1 }))).toBe(3);
  });
});
