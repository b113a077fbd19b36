import { describe, expect, it } from "vitest";
import type { ConnectivityChange } from "./history";
import { statusReason } from "./status-reason";

const base = {
  connectivity: "connected" as const,
  health: "healthy" as const,
  services: { compute: "ok", storage: "ok", network: "ok" },
  healthChangedAt: "2026-11-28T10:00:00.000Z",
  lastSeenAt: "2026-11-28T12:00:00.000Z",
  heartbeatIntervalSec: 10,
};

describe("statusReason", () => {
  it("names the services that are down, and the health change as since", () => {
    const r = statusReason(
      {
        ...base,
        health: "critical",
        services: { compute: "degraded", storage: "down", network: "down", dns: "ok" },
        healthChangedAt: "2026-11-28T11:42:00.000Z",
      },
      [],
    );
    expect(r).toEqual({
      severity: "critical",
      headline: "network and storage are down",
      since: "2026-11-28T11:42:00.000Z",
      details: ["Also degraded: compute."],
    });
  });

  it("names the degraded services of a degraded satellite", () => {
    const r = statusReason(
      { ...base, health: "degraded", services: { compute: "degraded", storage: "ok" } },
      [],
    );
    expect(r).toMatchObject({ severity: "degraded", headline: "compute is degraded", details: [] });
  });

  it("says a healthy satellite is healthy since its last change, and admits an unknown one", () => {
    expect(statusReason(base, [])).toMatchObject({ severity: "healthy", since: "2026-11-28T10:00:00.000Z" });
    expect(statusReason({ ...base, health: "unknown", services: null }, [])).toMatchObject({
      severity: "unknown",
      headline: "the agent reports no services",
    });
  });

  it("dates offline from the reconciler's event, or from the threshold before one is recorded", () => {
    const offline = { ...base, connectivity: "offline" as const, health: "unknown" as const, services: null };
    const history: ConnectivityChange[] = [
      { at: "2026-11-28T12:03:05.000Z", from: "stale", to: "offline" },
      { at: "2026-11-28T12:00:45.000Z", from: "connected", to: "stale" },
      { at: "2026-11-27T08:00:00.000Z", from: "stale", to: "offline" },
    ];
    expect(statusReason(offline, history)).toMatchObject({
      severity: "offline",
      headline: "no heartbeat for more than 3 min",
      since: "2026-11-28T12:03:05.000Z",
    });
    // Only yesterday's event: the current outage is dated by its threshold (last beat + 180 s).
    expect(statusReason(offline, history.slice(2))?.since).toBe("2026-11-28T12:03:00.000Z");
  });

  it("dates stale from the stale threshold and names it", () => {
    const stale = { ...base, connectivity: "stale" as const };
    expect(statusReason(stale, [])).toMatchObject({
      severity: "stale",
      headline: "its heartbeat is late (stale after 40 s)",
      since: "2026-11-28T12:00:40.000Z",
    });
  });

  it("leaves a satellite that was never seen to the enrollment instructions", () => {
    expect(statusReason({ ...base, connectivity: "never_seen", lastSeenAt: null }, [])).toBeNull();
  });
});
