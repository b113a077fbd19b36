import { describe, expect, it } from "vitest";
import { CONNECTIVITY, HEALTH } from "../connectivity";
import { LIFECYCLES } from "../fleet";
import {
  PUBLIC_STATUS_COLOR,
  PUBLIC_STATUS_LABEL,
  PUBLIC_STATUSES,
  publicStatusOf,
  worstStatus,
  type PublicStatusInput,
} from "./public-status";

const active: PublicStatusInput = {
  connectivity: "connected",
  health: "healthy",
  lifecycle: "active",
  inMaintenance: false,
};
const of = (patch: Partial<PublicStatusInput>) => publicStatusOf({ ...active, ...patch });

describe("publicStatusOf", () => {
  it("a healthy connected satellite is operational, cordoned or not", () => {
    expect(of({})).toBe("operational");
    expect(of({ lifecycle: "cordoned" })).toBe("operational");
    expect(of({ health: "unknown" })).toBe("operational");
  });

  it("excludes satellites never seen and decommissioned ones", () => {
    expect(of({ connectivity: "never_seen", health: "unknown" })).toBeNull();
    expect(of({ connectivity: "never_seen", lifecycle: "pending" })).toBeNull();
    expect(of({ connectivity: "never_seen", inMaintenance: true })).toBeNull();
    expect(of({ lifecycle: "decommissioned" })).toBeNull();
    expect(of({ lifecycle: "decommissioned", connectivity: "offline" })).toBeNull();
  });

  it("maintenance wins over any outage", () => {
    expect(of({ lifecycle: "maintenance", connectivity: "offline" })).toBe("under_maintenance");
    expect(of({ inMaintenance: true, health: "critical" })).toBe("under_maintenance");
    expect(of({ inMaintenance: true, connectivity: "stale" })).toBe("under_maintenance");
  });

  it("offline is a major outage whatever it last reported", () => {
    expect(of({ connectivity: "offline", health: "healthy" })).toBe("major_outage");
    expect(of({ connectivity: "offline", health: "unknown" })).toBe("major_outage");
  });

  it("stale is late, not down; critical health is a partial outage; the worse one wins", () => {
    expect(of({ connectivity: "stale" })).toBe("degraded_performance");
    expect(of({ health: "degraded" })).toBe("degraded_performance");
    expect(of({ health: "critical" })).toBe("partial_outage");
    expect(of({ connectivity: "stale", health: "critical" })).toBe("partial_outage");
    expect(of({ connectivity: "stale", health: "degraded" })).toBe("degraded_performance");
  });

  it("answers every combination with a known status or null", () => {
    for (const connectivity of CONNECTIVITY)
      for (const health of HEALTH)
        for (const lifecycle of LIFECYCLES)
          for (const inMaintenance of [false, true]) {
            const status = publicStatusOf({ connectivity, health, lifecycle, inMaintenance });
            if (status !== null) expect(PUBLIC_STATUSES).toContain(status);
          }
  });
});

describe("vocabulary", () => {
  it("orders by severity and labels and colours every status", () => {
    expect(PUBLIC_STATUSES[0]).toBe("operational");
    expect(PUBLIC_STATUSES.at(-1)).toBe("major_outage");
    expect(worstStatus("partial_outage", "degraded_performance")).toBe("partial_outage");
    expect(worstStatus("operational", "under_maintenance")).toBe("under_maintenance");
    for (const status of PUBLIC_STATUSES) {
      expect(PUBLIC_STATUS_LABEL[status]).toMatch(/^[A-Z][a-z ]+$/);
      expect(PUBLIC_STATUS_COLOR[status]).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(PUBLIC_STATUS_LABEL.degraded_performance).toBe("Degraded performance");
  });
});
