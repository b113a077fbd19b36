import { describe, expect, it } from "vitest";
import {
  configureConnectivity,
  connectivityDeadlines,
  connectivityThresholds,
  DEFAULT_THRESHOLDS,
  connectivityOf,
  describeConnectivity,
  effectiveHealth,
  foldServices,
  offlineAfterSec,
  staleAfterSec,
} from "./connectivity";

const now = new Date("2026-11-28T12:00:00Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000);

describe("connectivity thresholds", () => {
  it("stale after 2 × interval + 20 s and offline after max(3 min, 6 × interval)", () => {
    expect(staleAfterSec(10)).toBe(40);
    expect(offlineAfterSec(10)).toBe(180);
    expect(offlineAfterSec(60)).toBe(360);
  });

  it("classifies by silence", () => {
    expect(connectivityOf(null, 10, now)).toBe("never_seen");
    expect(connectivityOf(ago(0), 10, now)).toBe("connected");
    expect(connectivityOf(ago(39.9), 10, now)).toBe("connected");
    expect(connectivityOf(ago(40), 10, now)).toBe("stale");
    expect(connectivityOf(ago(179), 10, now)).toBe("stale");
    expect(connectivityOf(ago(180), 10, now)).toBe("offline");
    expect(connectivityOf(ago(300), 60, now)).toBe("stale");
    expect(connectivityOf(ago(360), 60, now)).toBe("offline");
  });

  it("agrees with the stored deadlines", () => {
    const seen = ago(100);
    const { staleAfter, offlineAfter } = connectivityDeadlines(seen, 10);
    expect(staleAfter.getTime()).toBe(seen.getTime() + 40_000);
    expect(offlineAfter.getTime()).toBe(seen.getTime() + 180_000);
    expect(connectivityOf(seen, 10, now)).toBe("stale");
    expect(staleAfter <= now && offlineAfter > now).toBe(true);
  });

  it("takes its thresholds from configuration, and from an argument over both", () => {
    const short = { staleBeats: 1, staleGraceSec: 5, offlineBeats: 2, offlineFloorSec: 25 };
    expect(connectivityOf(ago(40), 10, now, short)).toBe("offline");
    expect(describeConnectivity("offline", ago(40), 10, now, short)).toContain("(offline after 25 s)");
    try {
      configureConnectivity(short);
      expect(connectivityThresholds()).toEqual(short);
      expect(staleAfterSec(10)).toBe(15);
      expect(offlineAfterSec(10)).toBe(25);
      expect(connectivityOf(ago(14.9), 10, now)).toBe("connected");
      expect(connectivityOf(ago(15), 10, now)).toBe("stale");
      expect(connectivityOf(ago(25), 10, now)).toBe("offline");
      expect(connectivityDeadlines(now, 10).offlineAfter.getTime()).toBe(now.getTime() + 25_000);
      expect(connectivityOf(ago(40), 10, now, DEFAULT_THRESHOLDS)).toBe("stale");
    } finally {
      configureConnectivity(DEFAULT_THRESHOLDS);
    }
  });
});

describe("health", () => {
  it("folds services", () => {
    expect(foldServices(undefined)).toBe("unknown");
    expect(foldServices({})).toBe("unknown");
    expect(foldServices({ compute: "ok", dns: "ok" })).toBe("healthy");
    expect(foldServices({ compute: "ok", dns: "degraded" })).toBe("degraded");
    expect(foldServices({ compute: "down", dns: "degraded" })).toBe("critical");
  });

  it("never shows a silent satellite's last report", () => {
    expect(effectiveHealth("offline", "healthy")).toBe("unknown");
    expect(effectiveHealth("never_seen", "healthy")).toBe("unknown");
    expect(effectiveHealth("stale", "degraded")).toBe("degraded");
    expect(effectiveHealth("connected", "critical")).toBe("critical");
  });

  it("describes the thresholds", () => {
    expect(describeConnectivity("offline", ago(240), 10, now)).toMatch(
      /^offline — last seen 4 min ago \(offline after 3 min\)$/,
    );
    expect(describeConnectivity("never_seen", null, 10, now)).toMatch(/never seen/);
  });
});
