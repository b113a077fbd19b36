import { describe, expect, it } from "vitest";
import { evaluateRule, inScope, isAutoPause, type RuleForEvaluation } from "./evaluate";
import { EMPTY_SNAPSHOT, type FleetSnapshot, type SatelliteFact } from "./snapshot-types";

const now = new Date("2026-12-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const rule = (over: Partial<RuleForEvaluation>): RuleForEvaluation => ({
  id: "r1",
  kind: "satellite_offline",
  params: {},
  regionIds: [],
  labelSelector: "",
  createdAt: minutesAgo(24 * 60),
  ...over,
});

const sat = (slug: string, over: Partial<SatelliteFact> = {}): SatelliteFact => ({
  id: `id-${slug}`,
  slug,
  regionId: "eu-gdpr",
  labelText: "|tier=gold|",
  offlineAfter: minutesAgo(30),
  reportedHealth: "healthy",
  agentVersion: "1.4.0",
  ...over,
});

const fleet = (over: Partial<FleetSnapshot>): FleetSnapshot => ({ ...EMPTY_SNAPSHOT, ...over });

describe("scope", () => {
  it("takes every region when none is named, and needs every label pair", () => {
    const s = { regionId: "eu-gdpr", labelText: "|tier=gold|env=prod|" };
    expect(inScope(rule({}), s)).toBe(true);
    expect(inScope(rule({ regionIds: ["us-ccpa"] }), s)).toBe(false);
    expect(inScope(rule({ regionIds: ["us-ccpa", "eu-gdpr"] }), s)).toBe(true);
    expect(inScope(rule({ labelSelector: "|tier=gold|" }), s)).toBe(true);
    expect(inScope(rule({ labelSelector: "|tier=gold|env=dev|" }), s)).toBe(false);
    expect(inScope(rule({ labelSelector: "|tier=gol|" }), s)).toBe(false);
  });
});

describe("satellite_offline", () => {
  it("fires per satellite offline for longer than the minutes set", () => {
    const snapshot = fleet({
      impacted: [
        sat("long", { offlineAfter: minutesAgo(12) }),
        sat("short", { offlineAfter: minutesAgo(3) }),
        sat("crit", { offlineAfter: new Date(now.getTime() + 60_000), reportedHealth: "critical" }),
      ],
    });
    const fired = evaluateRule(rule({ params: { minutes: 10 } }), snapshot, now);
    expect(fired.map((c) => c.groupKey)).toEqual(["satellite:id-long"]);
    expect(fired[0]).toMatchObject({
      summary: "long is offline",
      severity: "critical",
      satelliteId: "id-long",
    });
    expect(fired[0].path).toBe("/satellites/long");
  });

  it("defaults to five minutes and respects the scope", () => {
    const snapshot = fleet({ impacted: [sat("a"), sat("b", { regionId: "us-ccpa" })] });
    expect(evaluateRule(rule({ regionIds: ["us-ccpa"] }), snapshot, now).map((c) => c.satelliteId)).toEqual([
      "id-b",
    ]);
  });
});

describe("region_impacted", () => {
  const population = [
    { regionId: "eu-gdpr", labelText: "|tier=gold|", count: 8 },
    { regionId: "eu-gdpr", labelText: "|tier=bronze|", count: 2 },
    { regionId: "us-ccpa", labelText: "|tier=gold|", count: 10 },
  ];

  it("groups a region's offline and critical satellites into one alert per region", () => {
    const snapshot = fleet({
      population,
      impacted: [
        sat("a"),
        sat("b"),
        sat("c", { offlineAfter: new Date(now.getTime() + 1000), reportedHealth: "critical" }),
        sat("d", { regionId: "us-ccpa" }),
      ],
    });
    const fired = evaluateRule(rule({ kind: "region_impacted", params: { percent: 25 } }), snapshot, now);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ groupKey: "region:eu-gdpr", regionId: "eu-gdpr", satelliteId: null });
    expect(fired[0].facts.Impacted).toBe("3 of 10 (2 offline, 1 critical)");
  });

  it("counts only the satellites its label selector picks", () => {
    const snapshot = fleet({ population, impacted: [sat("a", { labelText: "|tier=bronze|" })] });
    const bronze = rule({ kind: "region_impacted", params: { percent: 50 }, labelSelector: "|tier=bronze|" });
    expect(evaluateRule(bronze, snapshot, now).map((c) => c.facts.Impacted)).toEqual([
      "1 of 2 (1 offline, 0 critical)",
    ]);
    expect(evaluateRule({ ...bronze, labelSelector: "" }, snapshot, now)).toEqual([]);
  });
});

describe("rollout_paused", () => {
  const rollout = (over: Partial<FleetSnapshot["rollouts"][number]>) => ({
    id: "ro1",
    name: "Winter release",
    status: "paused",
    pausedReason: "canary failed on fra-1 (timeout)",
    finishedAt: null,
    targets: [{ regionId: "eu-gdpr", labelText: "" }],
    ...over,
  });

  it("fires for a pause the engine made, not for one a person made", () => {
    expect(isAutoPause("Paused by ops@example.com: lunch")).toBe(false);
    const auto = evaluateRule(rule({ kind: "rollout_paused" }), fleet({ rollouts: [rollout({})] }), now);
    expect(auto.map((c) => c.groupKey)).toEqual(["rollout:ro1"]);
    const manual = fleet({ rollouts: [rollout({ pausedReason: "Paused by Ada: checking" })] });
    expect(evaluateRule(rule({ kind: "rollout_paused" }), manual, now)).toEqual([]);
  });

  it("fires for an hour after a rollout finished with exceptions, as an event", () => {
    const finished = (m: number) =>
      fleet({ rollouts: [rollout({ status: "completed_with_exceptions", finishedAt: minutesAgo(m) })] });
    expect(evaluateRule(rule({ kind: "rollout_paused" }), finished(10), now)[0]).toMatchObject({
      isEvent: true,
    });
    expect(evaluateRule(rule({ kind: "rollout_paused" }), finished(70), now)).toEqual([]);
  });

  it("watches only rollouts touching its regions", () => {
    const r = rule({ kind: "rollout_paused", regionIds: ["us-ccpa"] });
    expect(evaluateRule(r, fleet({ rollouts: [rollout({})] }), now)).toEqual([]);
  });
});

describe("command_failed", () => {
  const command = (id: string, finishedAt: Date) => ({
    id,
    type: "service.restart",
    message: "exit 1",
    finishedAt,
    satellite: { id: "s1", slug: "fra-1", regionId: "eu-gdpr", labelText: "" },
  });

  it("fires once per failed command of the last hour, after the rule was made", () => {
    const snapshot = fleet({
      commands: [command("c1", minutesAgo(2)), command("c2", minutesAgo(90)), command("c3", minutesAgo(40))],
    });
    const fired = evaluateRule(rule({ kind: "command_failed", createdAt: minutesAgo(30) }), snapshot, now);
    expect(fired.map((c) => c.groupKey)).toEqual(["command:c1"]);
    expect(fired[0]).toMatchObject({ summary: "service.restart failed on fra-1", isEvent: true });
  });
});

describe("agent_outdated", () => {
  it("fires per satellite whose agent is older than the version, comparing numbers", () => {
    const snapshot = fleet({
      agents: [
        sat("old", { agentVersion: "1.9.3" }),
        sat("new", { agentVersion: "1.10.0" }),
        sat("odd", { agentVersion: "dev" }),
      ],
    });
    const fired = evaluateRule(
      rule({ kind: "agent_outdated", params: { version: "1.10.0" } }),
      snapshot,
      now,
    );
    expect(fired.map((c) => c.summary)).toEqual(["old runs agent 1.9.3, older than 1.10.0"]);
  });

  it("evaluates nothing when its settings are broken", () => {
    expect(
      evaluateRule(rule({ kind: "agent_outdated", params: {} }), fleet({ agents: [sat("x")] }), now),
    ).toEqual([]);
  });
});

describe("compliance_violation", () => {
  it("watches nothing yet", () => {
    expect(
      evaluateRule(rule({ kind: "compliance_violation" }), fleet({ impacted: [sat("a")] }), now),
    ).toEqual([]);
  });
});
