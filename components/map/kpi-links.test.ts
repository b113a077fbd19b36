import { describe, expect, it } from "vitest";
import { kpiHref, kpiLinkName } from "./kpi-links";

describe("the figures above the map lead to the list", () => {
  it("filters the list to exactly the status the tile counts", () => {
    expect(kpiHref("", "critical")).toBe("/satellites?connectivity=connected&health=critical");
    expect(kpiHref("", "degraded")).toBe("/satellites?connectivity=connected&health=degraded");
    expect(kpiHref("", "offline")).toBe("/satellites?connectivity=offline");
    expect(kpiHref("", "stale")).toBe("/satellites?connectivity=stale");
    expect(kpiHref("", "never_seen")).toBe("/satellites?connectivity=never_seen");
    expect(kpiHref("")).toBe("/satellites");
  });

  it("keeps the map's own filters", () => {
    expect(kpiHref("region=eu-gdpr&q=fra", "offline")).toBe(
      "/satellites?region=eu-gdpr&q=fra&connectivity=offline",
    );
    expect(kpiHref("region=eu-gdpr")).toBe("/satellites?region=eu-gdpr");
  });

  it("narrows a filter that allows the status, and leads nowhere when the filter rules it out", () => {
    expect(kpiHref("health=critical%2Cdegraded", "critical")).toBe(
      "/satellites?health=critical&connectivity=connected",
    );
    expect(kpiHref("connectivity=stale", "critical")).toBeNull();
    expect(kpiHref("health=degraded", "critical")).toBeNull();
  });

  it("says what a tile leads to", () => {
    expect(kpiLinkName(12, "critical")).toBe("12 critical satellites — show them");
    expect(kpiLinkName(1, "offline")).toBe("1 offline satellite — show it");
    expect(kpiLinkName(1_250, null)).toBe("1,250 satellites — show them");
  });
});
