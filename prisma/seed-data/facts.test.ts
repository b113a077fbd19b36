import { describe, expect, it } from "vitest";
import { buildFleet } from "./fleet";
import { seedFactsRows } from "./facts";
import { REGIONS } from "./regions";

const NOW = Date.UTC(2026, 11, 6, 5);
const regionOf = (country: string) => REGIONS.find((r) => r.countries.includes(country))?.id ?? "global";

describe("the demo fleet's facts", () => {
  const fleet = buildFleet(300).map((s) => ({ ...s, id: `id-${s.slug}` }));
  const rows = seedFactsRows(fleet, NOW);
  const bySatellite = new Map(rows.map((r) => [r.satelliteId, r]));

  it("shows eu-gdpr satellites without disk encryption, and a few satellites with no facts at all", () => {
    const eu = fleet.filter((s) => regionOf(s.country) === "eu-gdpr");
    const unencrypted = eu.filter((s) => bySatellite.get(s.id)?.diskEncrypted === false);
    // The demo waives two of them and still shows the rest as violations.
    expect(unencrypted.length).toBeGreaterThanOrEqual(3);
    const active = fleet.filter((s) => s.lifecycle !== "pending");
    const silent = active.filter((s) => !bySatellite.has(s.id));
    expect(silent.length).toBeGreaterThanOrEqual(3);
    expect(fleet.filter((s) => s.lifecycle === "pending").every((s) => !bySatellite.has(s.id))).toBe(true);
  });

  it("fails each check somewhere, with reports from the last hour", () => {
    expect(rows.some((r) => r.clockOffsetMs !== null && Math.abs(r.clockOffsetMs) > 500)).toBe(true);
    expect(rows.some((r) => (r.pendingSecurityUpdates ?? 0) > 3)).toBe(true);
    expect(rows.some((r) => r.lastBackupAt && NOW - r.lastBackupAt.getTime() > 48 * 3_600_000)).toBe(true);
    const us = fleet.filter((s) => s.country === "US").map((s) => bySatellite.get(s.id));
    expect(us.some((r) => r?.fipsEnabled === false)).toBe(true);
    expect(us.filter((r) => r?.fipsEnabled).length).toBeGreaterThan(us.length / 2);
    for (const r of rows) expect(NOW - r.reportedAt.getTime()).toBeLessThan(3_600_000);
  });
});
