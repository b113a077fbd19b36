import { describe, expect, it } from "vitest";
import { compareDotted, evaluate, type PolicyFacts, type PolicySatellite } from "./evaluate";
import { changeFixes } from "./fixes";
import { inScope } from "./scope";
import { effectiveOutcome, selectorText, waiverCovers } from "./waivers";

const now = new Date("2026-12-06T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const sat = (over: Partial<PolicySatellite> = {}): PolicySatellite => ({
  regionId: "eu-gdpr",
  kind: "edge",
  labels: { owner: "ops", tier: "gold" },
  lifecycle: "active",
  decommissionedAt: null,
  agentVersion: "1.4.0",
  stackVersion: "2.1.0",
  lastSeenAt: minutesAgo(1),
  release: { certifiedRegionIds: ["eu-gdpr"] },
  ...over,
});
const facts = (over: Partial<PolicyFacts> = {}): PolicyFacts => ({
  diskEncrypted: true,
  timeSynced: true,
  clockOffsetMs: 12,
  fipsEnabled: true,
  pendingSecurityUpdates: 0,
  lastBackupAt: minutesAgo(60),
  reportedAt: minutesAgo(30),
  ...over,
});
const rule = (kind: string, params: object = {}, scope: object = { all: true }) => ({ kind, params, scope });
const run = (kind: string, params: object, s = sat(), f: PolicyFacts | null = facts()) =>
  evaluate(rule(kind, params), s, f, now);

describe("every rule kind", () => {
  it("release residency: certified, uncertified, unknown release", () => {
    expect(run("release-residency", {})).toEqual({ outcome: "compliant" });
    expect(run("release-residency", {}, sat({ release: { certifiedRegionIds: ["us-fedramp"] } }))).toEqual({
      outcome: "violation",
      reason: "runs 2.1.0, which is not certified for eu-gdpr",
    });
    expect(run("release-residency", {}, sat({ release: null }))?.outcome).toBe("unknown");
    expect(run("release-residency", {}, sat({ stackVersion: null }))?.outcome).toBe("unknown");
  });

  it("minimum agent version: at, above, below, unknown and unreadable, numerically (1.10 > 1.9)", () => {
    expect(run("min-agent-version", { version: "1.4.0" })?.outcome).toBe("compliant");
    expect(run("min-agent-version", { version: "1.4" })?.outcome).toBe("compliant");
    expect(run("min-agent-version", { version: "1.9.0" }, sat({ agentVersion: "1.10.0" }))?.outcome).toBe(
      "compliant",
    );
    expect(run("min-agent-version", { version: "1.4.1" })).toEqual({
      outcome: "violation",
      reason: "agent 1.4.0 is older than 1.4.1",
    });
    expect(run("min-agent-version", { version: "1.4.0" }, sat({ agentVersion: null }))?.outcome).toBe(
      "unknown",
    );
    expect(run("min-agent-version", { version: "1.4.0" }, sat({ agentVersion: "dev" }))?.outcome).toBe(
      "unknown",
    );
  });

  it("patch currency: at the limit, above it, not reported", () => {
    expect(
      run("patch-currency", { maxPending: 10 }, sat(), facts({ pendingSecurityUpdates: 10 }))?.outcome,
    ).toBe("compliant");
    expect(run("patch-currency", { maxPending: 10 }, sat(), facts({ pendingSecurityUpdates: 11 }))).toEqual({
      outcome: "violation",
      reason: "11 security updates pending (at most 10)",
    });
    expect(
      run("patch-currency", { maxPending: 10 }, sat(), facts({ pendingSecurityUpdates: null }))?.outcome,
    ).toBe("unknown");
  });

  it("disk encryption and FIPS: on, off, not reported", () => {
    for (const [kind, field] of [
      ["disk-encryption", "diskEncrypted"],
      ["fips", "fipsEnabled"],
    ] as const) {
      expect(run(kind, {}, sat(), facts({ [field]: true }))?.outcome).toBe("compliant");
      expect(run(kind, {}, sat(), facts({ [field]: false }))?.outcome).toBe("violation");
      expect(run(kind, {}, sat(), facts({ [field]: null }))?.outcome).toBe("unknown");
    }
  });

  it("clock offset: strictly below the limit either way, unsynchronised, not reported", () => {
    expect(run("clock-offset", { maxOffsetMs: 500 }, sat(), facts({ clockOffsetMs: -499 }))?.outcome).toBe(
      "compliant",
    );
    expect(run("clock-offset", { maxOffsetMs: 500 }, sat(), facts({ clockOffsetMs: 500 }))?.outcome).toBe(
      "violation",
    );
    expect(run("clock-offset", { maxOffsetMs: 500 }, sat(), facts({ clockOffsetMs: -800 }))?.outcome).toBe(
      "violation",
    );
    expect(run("clock-offset", { maxOffsetMs: 500 }, sat(), facts({ timeSynced: false }))).toEqual({
      outcome: "violation",
      reason: "time is not synchronised",
    });
    expect(run("clock-offset", { maxOffsetMs: 500 }, sat(), facts({ clockOffsetMs: null }))?.outcome).toBe(
      "unknown",
    );
  });

  it("reporting: within the window, just past it, never seen; a reason that does not change with time", () => {
    expect(run("reporting", { withinMinutes: 15 }, sat({ lastSeenAt: minutesAgo(15) }))?.outcome).toBe(
      "compliant",
    );
    const late = run("reporting", { withinMinutes: 15 }, sat({ lastSeenAt: minutesAgo(15.1) }));
    expect(late).toEqual({ outcome: "violation", reason: "no heartbeat for more than 15 min" });
    expect(
      evaluate(
        rule("reporting", { withinMinutes: 15 }),
        sat({ lastSeenAt: minutesAgo(15.1) }),
        null,
        new Date(now.getTime() + 3_600_000),
      ),
    ).toEqual(late);
    expect(run("reporting", { withinMinutes: 15 }, sat({ lastSeenAt: null }))?.outcome).toBe("unknown");
    // Reporting reads the heartbeat, not host facts: an agent without facts is still judged.
    expect(run("reporting", { withinMinutes: 15 }, sat(), null)?.outcome).toBe("compliant");
  });

  it("backup: within N hours, too old, no backup hook", () => {
    expect(
      run("backup", { withinHours: 26 }, sat(), facts({ lastBackupAt: minutesAgo(26 * 60) }))?.outcome,
    ).toBe("compliant");
    expect(
      run("backup", { withinHours: 26 }, sat(), facts({ lastBackupAt: minutesAgo(26 * 60 + 1) }))?.outcome,
    ).toBe("violation");
    expect(run("backup", { withinHours: 26 }, sat(), facts({ lastBackupAt: null }))?.outcome).toBe("unknown");
  });

  it("required labels: present, missing, blank", () => {
    expect(run("required-labels", { labels: ["owner"] })?.outcome).toBe("compliant");
    expect(run("required-labels", { labels: ["owner", "cost-center", "team"] })).toEqual({
      outcome: "violation",
      reason: "missing labels cost-center, team",
    });
    expect(run("required-labels", { labels: ["owner"] }, sat({ labels: { owner: " " } }))?.outcome).toBe(
      "violation",
    );
  });
});

describe("the edges every kind shares", () => {
  it("no facts yet, or facts older than 26 h, is unknown for a facts-based rule, never compliant", () => {
    expect(run("disk-encryption", {}, sat(), null)).toEqual({
      outcome: "unknown",
      reason: "the agent has reported no host facts",
    });
    expect(run("disk-encryption", {}, sat(), facts({ reportedAt: minutesAgo(26 * 60) }))?.outcome).toBe(
      "compliant",
    );
    expect(run("disk-encryption", {}, sat(), facts({ reportedAt: minutesAgo(26 * 60 + 1) }))?.outcome).toBe(
      "unknown",
    );
  });

  it("a decommissioned satellite (even mid-evaluation) and one out of scope get no result", () => {
    expect(run("disk-encryption", {}, sat({ decommissionedAt: now }))).toBeNull();
    expect(run("disk-encryption", {}, sat({ lifecycle: "decommissioned" }))).toBeNull();
    expect(evaluate(rule("fips", {}, { regions: ["us-fedramp"] }), sat(), facts(), now)).toBeNull();
  });

  it("an unknown kind or invalid parameters answer unknown rather than a guess", () => {
    expect(run("telepathy", {})?.outcome).toBe("unknown");
    expect(run("patch-currency", { maxPending: -1 })?.outcome).toBe("unknown");
  });
});

describe("scope", () => {
  it("combines regions, kinds and labels with AND, values with OR", () => {
    expect(inScope({ regions: ["eu-gdpr", "uk-gdpr"], kinds: ["edge"] }, sat())).toBe(true);
    expect(inScope({ regions: ["eu-gdpr"], kinds: ["cloud"] }, sat())).toBe(false);
    expect(inScope({ labels: { tier: "gold" } }, sat())).toBe(true);
    expect(inScope({ labels: { tier: "silver" } }, sat())).toBe(false);
    expect(inScope({}, sat())).toBe(false);
    expect(inScope(null, sat())).toBe(false);
  });
});

describe("waivers", () => {
  const labelText = selectorText({ owner: "ops", tier: "gold" });
  const base = {
    policyId: "disk",
    satelliteId: null,
    labelSelector: "",
    expiresAt: new Date(now.getTime() + 1000),
    revokedAt: null,
  };
  it("cover a satellite or a selector while live, and read as waived whatever the result", () => {
    const bySelector = { ...base, labelSelector: selectorText({ tier: "gold" }) };
    expect(waiverCovers(bySelector, "disk", { id: "s1", labelText }, now)).toBe(true);
    expect(waiverCovers(bySelector, "fips", { id: "s1", labelText }, now)).toBe(false);
    expect(waiverCovers({ ...base, satelliteId: "s2" }, "disk", { id: "s1", labelText }, now)).toBe(false);
    expect(waiverCovers({ ...bySelector, revokedAt: now }, "disk", { id: "s1", labelText }, now)).toBe(false);
    expect(waiverCovers({ ...bySelector, expiresAt: now }, "disk", { id: "s1", labelText }, now)).toBe(false);
    const result = { policyId: "disk", satelliteId: "s1", outcome: "compliant" as const };
    expect(effectiveOutcome(result, [bySelector], { labelText }, now)).toBe("waived");
    expect(effectiveOutcome(result, [], { labelText }, now)).toBe("compliant");
  });
});

describe("what a change fixes", () => {
  const certified = { certifiedRegionIds: ["eu-gdpr"] };
  it("a certified release fixes residency; containment commands pass; other commands fix nothing", () => {
    expect(changeFixes("release-residency", { kind: "rollout", releaseId: "r" }, "eu-gdpr", certified)).toBe(
      true,
    );
    expect(changeFixes("release-residency", { kind: "rollout", releaseId: "r" }, "in-dpdp", certified)).toBe(
      false,
    );
    expect(
      changeFixes("release-residency", { kind: "command", type: "stack.upgrade" }, "eu-gdpr", null),
    ).toBe(true);
    expect(
      changeFixes("release-residency", { kind: "command", type: "stack.rollback" }, "eu-gdpr", null),
    ).toBe(false);
    expect(
      changeFixes("disk-encryption", { kind: "command", type: "satellite.cordon" }, "eu-gdpr", null),
    ).toBe(true);
    expect(
      changeFixes("disk-encryption", { kind: "command", type: "service.restart" }, "eu-gdpr", null),
    ).toBe(false);
    expect(changeFixes("min-agent-version", { kind: "rollout", releaseId: "r" }, "eu-gdpr", certified)).toBe(
      false,
    );
  });

  it("compares dotted versions numerically", () => {
    expect(compareDotted("1.10.0", "1.9.2")).toBe(1);
    expect(compareDotted("1.4", "1.4.0")).toBe(0);
    expect(compareDotted("x", "1")).toBeNull();
  });
});
