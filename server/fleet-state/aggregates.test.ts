import { describe, expect, it } from "vitest";
import { aggregate, aggregatesOf } from "./aggregates";
import type { LatestSatellite } from "./rows";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

function row(id: string, over: Partial<LatestSatellite> = {}): LatestSatellite {
  return {
    id,
    slug: id,
    name: id,
    regionId: "eu-gdpr",
    provider: "own",
    kind: "edge",
    lifecycle: "active",
    city: "Berlin",
    country: "DE",
    lat: 0,
    lon: 0,
    labelText: "|tier=gold|",
    stackVersion: "2026.11.1",
    agentVersion: "1.4.0",
    heartbeatIntervalSec: 10,
    lastSeenAt: ago(5),
    staleAfter: null,
    offlineAfter: null,
    reportedHealth: "healthy",
    healthChangedAt: null,
    lastRxMbps: null,
    lastTxMbps: null,
    lastRttMs: null,
    uplinkMbps: 100,
    downlinkMbps: 100,
    updatedAt: ago(5),
    ...over,
  };
}

describe("the fleet's aggregates", () => {
  it("count connectivity and health with the lists' rules, and offer the values in use", () => {
    const a = aggregate(
      [
        row("a"),
        row("b", {
          lastSeenAt: ago(60),
          reportedHealth: "critical",
          provider: "aws",
          labelText: "|tier=silver|env=prod|",
        }),
        row("c", {
          lastSeenAt: ago(3600),
          reportedHealth: "critical",
          regionId: "us-fedramp",
          kind: "cloud",
        }),
        row("d", { lastSeenAt: null, reportedHealth: "unknown", lifecycle: "pending", stackVersion: null }),
        row("e", { lifecycle: "decommissioned", provider: "gone" }),
      ],
      now,
    );
    expect(a.total).toBe(4);
    expect(a.byConnectivity).toEqual({ connected: 1, stale: 1, offline: 1, never_seen: 1 });
    // A stale satellite keeps its reported health; an offline or never-seen one is unknown.
    expect(a.byHealth).toEqual({ healthy: 1, degraded: 0, critical: 1, unknown: 2 });
    expect(Object.fromEntries(a.byRegion)).toEqual({ "eu-gdpr": 3, "us-fedramp": 1 });
    expect(Object.fromEntries(a.byKind)).toEqual({ edge: 3, cloud: 1 });
    expect(Object.fromEntries(a.byLifecycle)).toEqual({ active: 3, pending: 1 });
    expect(a.providers).toEqual(["aws", "own"]);
    expect(a.stackVersions).toEqual(["2026.11.1"]);
    // A decommissioned satellite runs nothing any more; one with no version is in no count.
    expect(Object.fromEntries(a.byStackVersion)).toEqual({ "2026.11.1": 3 });
    expect(a.labels).toEqual([
      { key: "env", values: ["prod"] },
      { key: "tier", values: ["gold", "silver"] },
    ]);
    expect(a.uplinkMbps).toBe(400);
  });

  it("are computed once per snapshot and second", () => {
    const rows = [row("a")];
    const first = aggregatesOf({ rows, version: 1, readAt: 1 }, now);
    expect(aggregatesOf({ rows, version: 1, readAt: 1 }, new Date(now.getTime() + 400))).toBe(first);
    expect(aggregatesOf({ rows, version: 1, readAt: 2 }, now).readAt).toBe(2);
    expect(aggregatesOf({ rows: [...rows], version: 2, readAt: 2 }, now)).not.toBe(first);
    // The clock alone moves a satellite from connected to stale.
    expect(
      aggregatesOf({ rows, version: 1, readAt: 2 }, new Date(now.getTime() + 60_000)).byConnectivity.stale,
    ).toBe(1);
  });
});
