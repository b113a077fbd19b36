import { describe, expect, it } from "vitest";
import { CONNECTIVITY, HEALTH, type Connectivity, type Health } from "@/lib/connectivity";
import { MAP_STATUSES } from "@/lib/fleet-map";
import { SEVERITIES, severityOf, severityOrder } from "./severity";

describe("severity", () => {
  it("orders critical, offline, degraded, stale, unknown, never seen, healthy", () => {
    expect(SEVERITIES).toEqual([
      "critical",
      "offline",
      "degraded",
      "stale",
      "unknown",
      "never_seen",
      "healthy",
    ]);
    expect([...SEVERITIES].sort()).toEqual([...MAP_STATUSES].sort());
  });

  it.each<[Connectivity, Health, string]>([
    ["connected", "critical", "critical"],
    ["connected", "degraded", "degraded"],
    ["connected", "unknown", "unknown"],
    ["connected", "healthy", "healthy"],
    // Connectivity first: a silent satellite is never ranked by its last report.
    ["stale", "critical", "stale"],
    ["stale", "healthy", "stale"],
    ["offline", "critical", "offline"],
    ["offline", "unknown", "offline"],
    ["never_seen", "unknown", "never_seen"],
  ])("%s and reported %s is %s", (connectivity, health, severity) => {
    expect(severityOf(connectivity, health)).toBe(severity);
  });

  it("gives every combination exactly one severity", () => {
    for (const c of CONNECTIVITY) for (const h of HEALTH) expect(SEVERITIES).toContain(severityOf(c, h));
  });

  it("sorts worst first ascending and healthiest first descending", () => {
    const states: [Connectivity, Health][] = [
      ["connected", "healthy"],
      ["never_seen", "unknown"],
      ["offline", "healthy"],
      ["connected", "unknown"],
      ["stale", "healthy"],
      ["connected", "critical"],
      ["connected", "degraded"],
    ];
    const sorted = (dir: "asc" | "desc") =>
      states
        .map((s) => severityOf(...s))
        .sort((a, b) => severityOrder(dir).indexOf(a) - severityOrder(dir).indexOf(b));
    expect(sorted("asc")).toEqual([
      "critical",
      "offline",
      "degraded",
      "stale",
      "unknown",
      "never_seen",
      "healthy",
    ]);
    expect(sorted("desc")).toEqual([
      "healthy",
      "never_seen",
      "unknown",
      "stale",
      "degraded",
      "offline",
      "critical",
    ]);
  });
});
