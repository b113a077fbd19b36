import { describe, expect, it } from "vitest";
import { planAlerts, silencedBy, type OpenAlert, type SilenceRow } from "./decide";
import type { Condition } from "./evaluate";

const now = new Date("2026-12-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const condition = (groupKey: string, over: Partial<Condition> = {}): Condition => ({
  groupKey,
  summary: `${groupKey} is bad`,
  severity: "critical",
  facts: {},
  regionId: "eu-gdpr",
  satelliteId: groupKey.startsWith("satellite:") ? groupKey.slice(10) : null,
  path: "/",
  ...over,
});

const alert = (groupKey: string, over: Partial<OpenAlert> = {}): OpenAlert => ({
  id: `a-${groupKey}`,
  ruleId: "r1",
  groupKey,
  summary: `${groupKey} is bad`,
  lastNotifiedAt: minutesAgo(5),
  regionId: "eu-gdpr",
  satelliteId: groupKey.startsWith("satellite:") ? groupKey.slice(10) : null,
  isEvent: false,
  ...over,
});

const silence = (over: Partial<SilenceRow>): SilenceRow => ({
  id: "s1",
  ruleId: null,
  regionId: null,
  satelliteId: null,
  expiresAt: new Date(now.getTime() + 3_600_000),
  cancelledAt: null,
  ...over,
});

const rule = (conditions: Condition[], repeatMinutes = 60) => ({ id: "r1", repeatMinutes, conditions });

describe("planAlerts", () => {
  it("opens an alert for a new condition and tells the channels", () => {
    const plan = planAlerts([rule([condition("satellite:s1")])], [], [], now);
    expect(plan.open).toEqual([{ ruleId: "r1", condition: condition("satellite:s1"), notify: true }]);
  });

  it("repeats a firing alert only once repeatMinutes have passed since it was last sent", () => {
    const open = [alert("satellite:s1", { lastNotifiedAt: minutesAgo(59) })];
    expect(planAlerts([rule([condition("satellite:s1")])], open, [], now).hold).toHaveLength(1);
    const due = [alert("satellite:s1", { lastNotifiedAt: minutesAgo(60) })];
    expect(planAlerts([rule([condition("satellite:s1")])], due, [], now).repeat).toHaveLength(1);
  });

  it("never repeats an event", () => {
    const open = [alert("command:c1", { isEvent: true, lastNotifiedAt: minutesAgo(600) })];
    const plan = planAlerts([rule([condition("command:c1", { isEvent: true })])], open, [], now);
    expect(plan.hold).toHaveLength(1);
    expect(plan.repeat).toHaveLength(0);
  });

  it("resolves an alert whose condition cleared, telling only channels that heard of it", () => {
    const open = [
      alert("satellite:s1"),
      alert("satellite:s2", { lastNotifiedAt: null }),
      alert("command:c1", { isEvent: true }),
    ];
    const plan = planAlerts([rule([])], open, [], now);
    expect(plan.resolve.map((r) => [r.alert.groupKey, r.notify])).toEqual([
      ["satellite:s1", true],
      ["satellite:s2", false],
      ["command:c1", false],
    ]);
  });

  it("resolves the alerts of a rule that was turned off", () => {
    const plan = planAlerts([], [alert("satellite:s1")], [], now);
    expect(plan.resolve).toHaveLength(1);
  });

  it("opens a silenced alert without sending it, and sends it once the silence is over", () => {
    const silences = [silence({ satelliteId: "s1" })];
    const opened = planAlerts([rule([condition("satellite:s1")])], [], silences, now);
    expect(opened.open[0].notify).toBe(false);
    const held = [alert("satellite:s1", { lastNotifiedAt: null })];
    expect(planAlerts([rule([condition("satellite:s1")])], held, silences, now).hold).toHaveLength(1);
    const expired = [silence({ satelliteId: "s1", expiresAt: now })];
    expect(planAlerts([rule([condition("satellite:s1")])], held, expired, now).repeat).toHaveLength(1);
  });
});

describe("silencedBy", () => {
  const target = { ruleId: "r1", regionId: "eu-gdpr", satelliteId: "s1" };

  it("matches on every thing the silence names, and everything when it names nothing", () => {
    expect(silencedBy([silence({})], target, now)).not.toBeNull();
    expect(silencedBy([silence({ ruleId: "r1" })], target, now)).not.toBeNull();
    expect(silencedBy([silence({ ruleId: "r2" })], target, now)).toBeNull();
    expect(silencedBy([silence({ regionId: "eu-gdpr", satelliteId: "s2" })], target, now)).toBeNull();
    expect(silencedBy([silence({ regionId: "us-ccpa" })], target, now)).toBeNull();
  });

  it("ignores silences that expired or were cancelled", () => {
    expect(silencedBy([silence({ expiresAt: minutesAgo(1) })], target, now)).toBeNull();
    expect(silencedBy([silence({ cancelledAt: minutesAgo(1) })], target, now)).toBeNull();
  });
});
