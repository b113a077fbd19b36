// Test helpers for the simulator: a site whose requests never wait on a simulated slow link.
import type { SiteSpec } from "./fleet";
import { siteProfile } from "./profile";

/** A slug whose profile has no slow link, so requests leave without waiting on the clock. */
export function steadySlug(prefix: string): string {
  for (let i = 0; ; i++) if (!siteProfile(`${prefix}-${i}`, 50, 8).isSlowLink) return `${prefix}-${i}`;
}

/** An edge site near Frankfurt with a steady link, as the simulator's tests drive it. */
export function steadySite(prefix: string): SiteSpec {
  return {
    slug: steadySlug(prefix),
    satelliteId: "sat-1",
    joinToken: "orr_join_test",
    heartbeatIntervalSec: 10,
    lat: 50,
    lon: 8,
    kind: "edge",
    link: { uplinkMbps: 1000, downlinkMbps: 1000 },
    stackVersion: "2026.10.3",
    agentVersion: "1.4.0",
  };
}
