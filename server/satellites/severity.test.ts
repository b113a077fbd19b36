import { describe, expect, it } from "vitest";
import { CONNECTIVITY, HEALTH, type Connectivity, type Health } from "@/lib/connectivity";
import { SEVERITIES, severityOf, severityOrder } from "./severity";

describe("severityOf", () => {
  it("orders critical, offline, degraded, stale, unknown, healthy", () => {
    expect(SEVERITIES).toEqual(["critical", "offline", "degraded", "stale", "unknown", "healthy"]);
  });

  it.each<[Connectivity, Health, string]>([
    ["connected", "critical", "critical"],
    ["stale", "critical", "critical"],
    ["offline", "critical", "offline"],
    ["offline", "healthy", "offline"],
    ["connected", "degraded", "degraded"],
    ["stale", "degraded", "degraded"],
    ["stale", "healthy", "stale"],
    ["stale", "unknown", "stale"],
    ["connected", "unknown", "unknown"],
    ["never_seen", "unknown", "unknown"],
    ["never_seen", "critical", "unknown"],
    ["connected", "healthy", "healthy"],
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
      ["stale", "healthy"],
      ["connected", "critical"],
      ["connected", "degraded"],
    ];
    const rank = (dir: "asc" | "desc") => (s: [Connectivity, Health]) =>
      severityOrder(dir).indexOf(severityOf(...s));
    const sorted = (dir: "asc" | "desc") =>
      [...states].sort((a, b) => rank(dir)(a) - rank(dir)(b)).map((s) => severityOf(...s));
    expect(sorted("asc")).toEqual(["critical", "offline", "degraded", "stale", "unknown", "healthy"]);
    expect(sorted("desc")).toEqual(["healthy", "unknown", "stale", "degraded", "offline", "critical"]);
  });
});
