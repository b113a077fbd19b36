import { describe, expect, it } from "vitest";
import type { Outcome } from "@/lib/policies/kinds";
import { PostureAggregate } from "./read-aggregate";
import { countCells, trendPoints, type SatLike } from "./read-posture";
import { OUTCOMES, PostureLog } from "./read-store";

// The kept counts against the scans they replace (countCells, trendPoints): after every kind of write the
// matrix and the trend read from the aggregate must be exactly what a pass over every result says.

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 30, 15, 0);
let seed = 11;
const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) % n);

const fleetOf = (sats: SatLike[]) => new Map(sats.map((s) => [s.id, s]));
const initial: SatLike[] = Array.from({ length: 12 }, (_, i) => ({
  id: `s${i}`,
  slug: `sat-${i}`,
  regionId: ["eu", "us", "ap"][i % 3],
  labelText: i % 4 === 0 ? "|tier=gold|" : "|tier=bronze|",
}));
const policies = ["p1", "p2", "p3", "p4"];

let n = 0;
function write(
  log: PostureLog,
  c: { policyId: string; satelliteId: string; outcome: Outcome | null; at: number; version?: number },
) {
  log.apply({
    ...c,
    id: `c${n++}`,
    reason: c.outcome === "violation" ? "why" : "",
    policyVersion: c.version ?? 1,
  });
}

/** `count` random results between `from` and `to` (in time order, as the log holds them), some leaving scope. */
function history(log: PostureLog, sats: SatLike[], count: number, from: number, to: number) {
  for (let i = 0; i < count; i++) {
    write(log, {
      policyId: policies[rand(policies.length)],
      satelliteId: sats[rand(sats.length)].id,
      outcome: rand(12) === 0 ? null : OUTCOMES[rand(3)],
      at: from + Math.floor(((to - from) * i) / count),
    });
  }
}

const filters = [
  { regions: null, policyIds: null },
  { regions: new Set(["eu"]), policyIds: null },
  { regions: new Set(["us", "ap"]), policyIds: new Set(["p2", "p4"]) },
];
const scopes = [null, ["eu"], ["us", "nowhere"]];
const waivedSets: Map<string, Map<string, string>>[] = [
  new Map(),
  new Map([
    [
      "p1",
      new Map([
        ["s0", "w1"],
        ["s4", "w1"],
        ["s8", "w1"],
      ]),
    ],
    ["p3", new Map([["s5", "w2"]])],
  ]),
];

/** Every answer of the aggregate equals the scan's, for each scope, waiver set and trend filter. */
function expectSame(agg: PostureAggregate, log: PostureLog, fleet: Map<string, SatLike>, at = now) {
  for (const regions of scopes)
    for (const waived of waivedSets)
      expect(agg.cells(regions, waived)).toEqual(countCells(log, fleet, regions, waived));
  for (const f of filters)
    for (const days of [1, 30, 90])
      expect(agg.trend({ days, ...f }, new Date(at))).toEqual(
        trendPoints(log, fleet, { days, ...f }, new Date(at)),
      );
}

describe("the kept posture counts", () => {
  it("equal the scans when made, and after every later write is folded in", () => {
    const log = new PostureLog();
    let fleet = fleetOf(initial);
    history(log, initial, 600, now - 95 * DAY, now - 10 * DAY);
    const agg = new PostureAggregate(log, fleet);
    expectSame(agg, log, fleet);
    // New results from later passes, a few at a time, folded into the same aggregate.
    for (let round = 0; round < 5; round++) {
      history(log, initial, 40, now - (10 - 2 * round) * DAY, now - (8 - 2 * round) * DAY);
      expect(agg.sync(fleet)).toBe(true);
      expectSame(agg, log, fleet);
    }
    // A satellite evaluated for the first time.
    const added = { id: "s99", slug: "sat-99", regionId: "eu", labelText: "|" };
    fleet = fleetOf([...initial, added]);
    write(log, { policyId: "p1", satelliteId: "s99", outcome: "violation", at: now - 1000 });
    expect(agg.sync(fleet)).toBe(true);
    expectSame(agg, log, fleet);
  });

  it("equal the scans after a policy is archived (its results leave) and a new version is judged", () => {
    const log = new PostureLog();
    const fleet = fleetOf(initial);
    history(log, initial, 300, now - 60 * DAY, now - 5 * DAY);
    const agg = new PostureAggregate(log, fleet);
    for (const s of initial)
      write(log, { policyId: "p2", satelliteId: s.id, outcome: null, at: now - 2 * DAY });
    for (const s of initial.slice(0, 5))
      write(log, { policyId: "p3", satelliteId: s.id, outcome: "compliant", at: now - DAY, version: 2 });
    expect(agg.sync(fleet)).toBe(true);
    expectSame(agg, log, fleet);
    expect(agg.judgedVersion("p3", now - 3 * DAY)).toBe(1);
    expect(agg.judgedVersion("p3", now)).toBe(2);
    expect(agg.judgedVersion("p2", now - 61 * DAY)).toBe(0);
    expect(agg.judgedVersion("nope", now)).toBe(0);
  });

  it("count again when a satellite is decommissioned or moves region, and still equal the scans", () => {
    const log = new PostureLog();
    const fleet = fleetOf(initial);
    history(log, initial, 300, now - 40 * DAY, now - DAY);
    const agg = new PostureAggregate(log, fleet);
    // Decommissioned: the fleet no longer holds it, whether or not its results were written away.
    const gone = fleetOf(initial.filter((s) => s.id !== "s3"));
    expect(agg.sync(gone)).toBe(false);
    const afterDecommission = new PostureAggregate(log, gone);
    expectSame(afterDecommission, log, gone);
    // Moved to another region: its whole history now counts there.
    const moved = fleetOf(initial.map((s) => (s.id === "s4" ? { ...s, regionId: "ap" } : s)));
    expect(agg.sync(moved)).toBe(false);
    expectSame(new PostureAggregate(log, moved), log, moved);
    // A new fleet map with the same satellites and regions (a heartbeat moved the state) keeps the counts.
    const kept = new PostureAggregate(log, fleet);
    const same = fleetOf(initial.map((s) => ({ ...s })));
    expect(kept.sync(same)).toBe(true);
    expectSame(kept, log, same);
  });

  it("equal the scans when changes are stamped after the moment asked, and when many policies appear", () => {
    const log = new PostureLog();
    const fleet = fleetOf(initial);
    history(log, initial, 200, now - 20 * DAY, now + 2 * DAY);
    const agg = new PostureAggregate(log, fleet);
    expectSame(agg, log, fleet);
    expectSame(agg, log, fleet, now - 3 * 3_600_000);
    for (let p = 0; p < 40; p++)
      write(log, { policyId: `extra-${p}`, satelliteId: "s1", outcome: "unknown", at: now + 3 * DAY });
    // More policies than the arrays were laid out for: the aggregate asks to be made again.
    expect(agg.sync(fleet)).toBe(false);
    expectSame(new PostureAggregate(log, fleet), log, fleet, now + 4 * DAY);
  });
});
