import { describe, expect, it } from "vitest";
import {
  INDICATOR_DESCRIPTION,
  INDICATOR_OF_STATUS,
  INDICATOR_STATUS,
  pageIndicator,
  STATUS_INDICATORS,
  worstIndicator,
} from "./indicator";
import type { PublicStatus } from "./public-status";

const page = (n: number, patch: Record<number, PublicStatus> = {}): PublicStatus[] =>
  Array.from({ length: n }, (_, i) => patch[i] ?? "operational");

describe("pageIndicator: the page as a whole", () => {
  it("is none when every region is operational, or there are none", () => {
    expect(pageIndicator({ regions: page(18) })).toBe("none");
    expect(pageIndicator({ regions: [] })).toBe("none");
  });

  it("one degraded region of 18 is minor, and so is a single partial outage", () => {
    expect(pageIndicator({ regions: page(18, { 3: "degraded_performance" }) })).toBe("minor");
    expect(pageIndicator({ regions: page(18, { 3: "partial_outage" }) })).toBe("minor");
    expect(pageIndicator({ regions: page(18, { 0: "partial_outage", 1: "degraded_performance" }) })).toBe(
      "minor",
    );
  });

  it("is major when partial outages span a third of the page, or any region is in major outage", () => {
    const six = Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [i, "partial_outage" as const]));
    expect(pageIndicator({ regions: page(18, six) })).toBe("major");
    const five = Object.fromEntries([0, 1, 2, 3, 4].map((i) => [i, "partial_outage" as const]));
    expect(pageIndicator({ regions: page(18, five) })).toBe("minor");
    expect(pageIndicator({ regions: page(18, { 7: "major_outage" }) })).toBe("major");
    // A page of one region: its partial outage is the whole page.
    expect(pageIndicator({ regions: ["partial_outage"] })).toBe("major");
  });

  it("is critical when more than half of the regions are in major outage", () => {
    const ten = Object.fromEntries([...Array(10).keys()].map((i) => [i, "major_outage" as const]));
    expect(pageIndicator({ regions: page(18, ten) })).toBe("critical");
    const nine = Object.fromEntries([...Array(9).keys()].map((i) => [i, "major_outage" as const]));
    expect(pageIndicator({ regions: page(18, nine) })).toBe("major");
    expect(pageIndicator({ regions: ["major_outage"] })).toBe("critical");
  });

  it("says maintenance when work is in progress and nothing is worse", () => {
    expect(pageIndicator({ regions: page(4, { 1: "under_maintenance" }) })).toBe("maintenance");
    expect(pageIndicator({ regions: page(4), hasActiveMaintenance: true })).toBe("maintenance");
    expect(pageIndicator({ regions: page(4, { 1: "under_maintenance", 2: "degraded_performance" }) })).toBe(
      "minor",
    );
  });

  it("an open incident raises the indicator to at least its impact, never lowers it", () => {
    expect(pageIndicator({ regions: page(18), incidentImpacts: ["major"] })).toBe("major");
    expect(pageIndicator({ regions: page(18), incidentImpacts: ["critical", "minor"] })).toBe("critical");
    expect(pageIndicator({ regions: page(18), incidentImpacts: ["none"] })).toBe("none");
    expect(pageIndicator({ regions: page(18, { 0: "major_outage" }), incidentImpacts: ["minor"] })).toBe(
      "major",
    );
  });
});

describe("indicator vocabulary", () => {
  it("maps each indicator to a status and back, and describes it", () => {
    for (const indicator of STATUS_INDICATORS) {
      expect(INDICATOR_OF_STATUS[INDICATOR_STATUS[indicator]]).toBe(indicator);
      expect(INDICATOR_DESCRIPTION[indicator]).toMatch(/^[A-Z]/);
    }
    expect(INDICATOR_DESCRIPTION.none).toBe("All systems operational");
    expect(INDICATOR_DESCRIPTION.minor).toBe("Minor service disruption");
    expect(worstIndicator("minor", "maintenance")).toBe("minor");
    expect(worstIndicator("none", "critical")).toBe("critical");
  });
});
