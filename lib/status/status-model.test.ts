import { describe, expect, it } from "vitest";
import type { PublicStatus } from "./public-status";
import {
  computedRegionStatus,
  debounceStatus,
  DEFAULT_STATUS_THRESHOLDS as T,
  emptyCounts,
  incidentComponentStatus,
  isPinActive,
  publishedComponent,
  type DebounceState,
  type StatusCounts,
} from "./status-model";

const now = new Date("2026-03-01T12:00:00Z");
const at = (sec: number) => new Date(now.getTime() + sec * 1000);

function counts(patch: Partial<StatusCounts>): StatusCounts {
  return { ...emptyCounts(), ...patch };
}
/** A region of `total` satellites in service, `impacted` of them offline. */
const region = (total: number, impacted: number, extra: Partial<StatusCounts> = {}) =>
  computedRegionStatus(counts({ operational: total - impacted, major_outage: impacted, ...extra }), T);

describe("computedRegionStatus: the share of impacted satellites against the thresholds", () => {
  it("answers each row of the table at its boundary (defaults 10 / 25 / 50 %)", () => {
    expect(region(100, 0)).toBe("operational");
    expect(region(100, 9)).toBe("operational");
    expect(region(100, 10)).toBe("degraded_performance");
    expect(region(100, 24)).toBe("degraded_performance");
    expect(region(100, 25)).toBe("partial_outage");
    expect(region(100, 49)).toBe("partial_outage");
    expect(region(100, 50)).toBe("major_outage");
    expect(region(100, 100)).toBe("major_outage");
  });

  it("one offline site of 15 is operational, two are degraded, not an outage", () => {
    expect(region(15, 1)).toBe("operational");
    expect(region(15, 2)).toBe("degraded_performance");
    expect(region(16, 4)).toBe("partial_outage");
  });

  it("counts critical satellites as impacted, degraded and stale ones as serving", () => {
    expect(computedRegionStatus(counts({ operational: 3, partial_outage: 1 }), T)).toBe("partial_outage");
    expect(computedRegionStatus(counts({ operational: 1, degraded_performance: 9 }), T)).toBe("operational");
  });

  it("leaves satellites under maintenance out of the share", () => {
    // 1 of 2 in service is down: 50 %, however many are in maintenance.
    expect(region(2, 1, { under_maintenance: 8 })).toBe("major_outage");
    expect(region(10, 0, { under_maintenance: 5 })).toBe("operational");
  });

  it("is under maintenance only when every member is, and operational with no members", () => {
    expect(computedRegionStatus(counts({ under_maintenance: 3 }), T)).toBe("under_maintenance");
    expect(computedRegionStatus(emptyCounts(), T)).toBe("operational");
  });

  it("follows a page's own thresholds", () => {
    const strict = { degradedPct: 1, partialPct: 5, majorPct: 20 };
    expect(computedRegionStatus(counts({ operational: 99, major_outage: 1 }), strict)).toBe(
      "degraded_performance",
    );
    expect(computedRegionStatus(counts({ operational: 80, major_outage: 20 }), strict)).toBe("major_outage");
  });
});

describe("incidentComponentStatus", () => {
  it("uses its author's choice, or derives it from the impact", () => {
    expect(incidentComponentStatus({ impact: "minor", componentStatus: null })).toBe("degraded_performance");
    expect(incidentComponentStatus({ impact: "major", componentStatus: null })).toBe("partial_outage");
    expect(incidentComponentStatus({ impact: "critical", componentStatus: null })).toBe("major_outage");
    expect(incidentComponentStatus({ impact: "none", componentStatus: null })).toBe("operational");
    expect(incidentComponentStatus({ impact: "minor", componentStatus: "major_outage" })).toBe(
      "major_outage",
    );
    expect(incidentComponentStatus({ impact: "major", componentStatus: "bogus" })).toBe("partial_outage");
  });
});

describe("debounceStatus: a status must hold before it is published", () => {
  const published = (status: PublicStatus): DebounceState => ({
    published: status,
    publishedAt: at(-3600),
    candidate: null,
    candidateSince: null,
  });
  const run = (start: DebounceState | null, steps: [number, PublicStatus][], debounce = 120) => {
    let state = start;
    for (const [sec, raw] of steps) state = debounceStatus(state, raw, at(sec), debounce);
    return state!;
  };

  it("publishes at once when nothing was published yet", () => {
    const state = debounceStatus(null, "partial_outage", now, 120);
    expect(state).toMatchObject({ published: "partial_outage", candidate: null });
    expect(state.publishedAt).toEqual(now);
  });

  it("going worse waits for the debounce, then publishes", () => {
    const start = published("operational");
    const waiting = run(start, [
      [0, "degraded_performance"],
      [60, "degraded_performance"],
      [119, "degraded_performance"],
    ]);
    expect(waiting).toMatchObject({ published: "operational", candidate: "degraded_performance" });
    expect(waiting.candidateSince).toEqual(at(0));
    const done = run(waiting, [[120, "degraded_performance"]]);
    expect(done).toMatchObject({ published: "degraded_performance", candidate: null });
    expect(done.publishedAt).toEqual(at(120));
  });

  it("going better waits just the same", () => {
    const start = published("partial_outage");
    expect(
      run(start, [
        [0, "operational"],
        [100, "operational"],
      ]).published,
    ).toBe("partial_outage");
    expect(
      run(start, [
        [0, "operational"],
        [130, "operational"],
      ]).published,
    ).toBe("operational");
  });

  it("a blip shorter than the debounce is never published, and turning back forgets it", () => {
    const start = published("operational");
    const state = run(start, [
      [0, "major_outage"],
      [60, "operational"],
      [90, "major_outage"],
      [200, "operational"],
    ]);
    expect(state).toMatchObject({ published: "operational", candidate: null });
  });

  it("keeps counting while things get worse still, and publishes the latest", () => {
    const state = run(published("operational"), [
      [0, "degraded_performance"],
      [90, "partial_outage"],
      [120, "major_outage"],
    ]);
    expect(state).toMatchObject({ published: "major_outage", candidate: null });
  });

  it("starts again when the direction turns", () => {
    const state = run(published("degraded_performance"), [
      [0, "partial_outage"],
      [100, "operational"],
      [150, "operational"],
    ]);
    expect(state).toMatchObject({ published: "degraded_performance", candidate: "operational" });
    expect(state.candidateSince).toEqual(at(100));
  });

  it("publishes at once with no debounce, and when maintenance starts or ends", () => {
    expect(run(published("operational"), [[0, "major_outage"]], 0).published).toBe("major_outage");
    expect(run(published("operational"), [[0, "under_maintenance"]]).published).toBe("under_maintenance");
    expect(run(published("under_maintenance"), [[0, "operational"]]).published).toBe("operational");
  });
});

describe("publishedComponent: who decides", () => {
  const none = { pin: null, incident: null };

  it("a pin wins over everything", () => {
    expect(
      publishedComponent("major_outage", "major_outage", { pin: "operational", incident: "major_outage" }),
    ).toEqual({
      status: "operational",
      source: "pin",
    });
  });

  it("an incident sets its status, unless the satellites say worse", () => {
    expect(
      publishedComponent("operational", "operational", { pin: null, incident: "partial_outage" }),
    ).toEqual({
      status: "partial_outage",
      source: "incident",
    });
    expect(
      publishedComponent("major_outage", "major_outage", { pin: null, incident: "degraded_performance" }),
    ).toEqual({ status: "major_outage", source: "computed" });
    expect(
      publishedComponent("under_maintenance", "under_maintenance", { pin: null, incident: "operational" }),
    ).toEqual({ status: "operational", source: "incident" });
  });

  it("maintenance covering every member applies at once", () => {
    expect(publishedComponent("under_maintenance", "operational", none)).toEqual({
      status: "under_maintenance",
      source: "maintenance",
    });
  });

  it("otherwise the debounced status, not the raw one", () => {
    expect(publishedComponent("major_outage", "operational", none)).toEqual({
      status: "operational",
      source: "computed",
    });
  });
});

describe("isPinActive", () => {
  it("applies until it expires or is cleared", () => {
    expect(isPinActive({ clearedAt: null, expiresAt: at(1) }, now)).toBe(true);
    expect(isPinActive({ clearedAt: null, expiresAt: now }, now)).toBe(false);
    expect(isPinActive({ clearedAt: at(-5), expiresAt: at(600) }, now)).toBe(false);
  });
});
