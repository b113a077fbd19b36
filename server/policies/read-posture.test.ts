import { describe, expect, it } from "vitest";
import type { Outcome } from "@/lib/policies/kinds";
import { countCells, stateAt, trendPoints, type SatLike } from "./read-posture";
import { NONE, OUTCOMES, PostureLog } from "./read-store";

// The in-memory posture against a plain replay of the same changes: the trend walked back day by day and the
// state at a past moment must equal replaying every change up to then.

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 30, 15, 0);
const sats: SatLike[] = ["a", "b", "c", "d"].map((id, i) => ({
  id,
  slug: `sat-${id}`,
  regionId: i % 2 ? "us" : "eu",
  labelText: i === 3 ? "|tier=gold|" : "|",
}));
const byId = new Map(sats.map((s) => [s.id, s]));

type Change = { policyId: string; satelliteId: string; outcome: Outcome | null; at: number };
// A random but fixed history: 400 changes over 40 days, some leaving scope.
let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const changes: Change[] = Array.from({ length: 400 }, (_, i) => ({
  policyId: ["p1", "p2", "p3"][rand(3)],
  satelliteId: sats[rand(4)].id,
  outcome: rand(10) === 0 ? null : OUTCOMES[rand(3)],
  at: now - 40 * DAY + i * Math.floor((40 * DAY) / 400),
}));

function replay(until: number): Map<string, Outcome> {
  const state = new Map<string, Outcome>();
  for (const c of changes) {
    if (c.at > until) break;
    if (c.outcome) state.set(`${c.policyId}/${c.satelliteId}`, c.outcome);
    else state.delete(`${c.policyId}/${c.satelliteId}`);
  }
  return state;
}

function logOf(): PostureLog {
  const log = new PostureLog();
  changes.forEach((c, i) => log.apply({ ...c, id: String(i), reason: "", policyVersion: 1 }));
  return log;
}

describe("the in-memory posture", () => {
  it("draws the same trend as replaying the history, for any region and policy filter", () => {
    const log = logOf();
    for (const filter of [
      { regions: null, policyIds: null },
      { regions: new Set(["eu"]), policyIds: null },
      { regions: null, policyIds: new Set(["p2"]) },
    ]) {
      const points = trendPoints(log, byId, { days: 30, ...filter }, new Date(now));
      expect(points).toHaveLength(30);
      for (const p of points) {
        const end = Math.min(Date.parse(`${p.day}T00:00:00Z`) + DAY - 1, now);
        let compliant = 0;
        let total = 0;
        for (const [key, outcome] of replay(end)) {
          const [policyId, satelliteId] = key.split("/");
          if (filter.policyIds && !filter.policyIds.has(policyId)) continue;
          if (filter.regions && !filter.regions.has(byId.get(satelliteId)!.regionId)) continue;
          total++;
          if (outcome === "compliant") compliant++;
        }
        expect([p.day, p.compliant, p.total]).toEqual([p.day, compliant, total]);
      }
    }
    // The walk works on a copy: the log still holds the state now.
    expect(stateAt(log, now).outcome).toBe(log.outcome);
  });

  it("rebuilds a past moment, and counts the present per region with waived apart", () => {
    const log = logOf();
    const then = now - 17 * DAY;
    const state = stateAt(log, then);
    const expected = replay(then);
    for (const s of sats)
      for (const p of ["p1", "p2", "p3"]) {
        const o = state.outcome[log.satIdx.get(s.id)! * state.width + log.policyIndex(p)!];
        expect(o === NONE ? undefined : OUTCOMES[o]).toBe(expected.get(`${p}/${s.id}`));
      }
    const waived = new Map([["p1", new Map([["d", "w1"]])]]);
    const cells = countCells(log, byId, ["us"], waived);
    const current = replay(now);
    const us = cells.get("p1")?.get("us");
    const d = current.get("p1/d");
    const b = current.get("p1/b");
    expect(us?.waived ?? 0).toBe(d ? 1 : 0);
    expect(us?.total ?? 0).toBe((d ? 1 : 0) + (b ? 1 : 0));
    expect(cells.get("p1")?.has("eu") ?? false).toBe(false);
  });

  it("rewinds a past moment once while the log grows at its end", () => {
    const log = logOf();
    const then = now - 17 * DAY;
    const outcomesAt = (state: ReturnType<typeof stateAt>) =>
      sats.flatMap((s) =>
        ["p1", "p2", "p3"].map(
          (p) => state.outcome[log.satIdx.get(s.id)! * state.width + log.policyIndex(p)!],
        ),
      );
    const first = stateAt(log, then);
    const expected = outcomesAt(first);
    expect(stateAt(log, then)).toBe(first);
    // A newer change leaves the past as it was: the same moment, not rewound again.
    log.apply({
      policyId: "p1",
      satelliteId: "a",
      outcome: "violation",
      at: now + 1,
      id: "n1",
      reason: "",
      policyVersion: 1,
    });
    expect(stateAt(log, then)).toBe(first);
    // A satellite that arrived later had nothing then, whether or not the moment was rewound again.
    log.apply({
      policyId: "p2",
      satelliteId: "z",
      outcome: "compliant",
      at: now + 2,
      id: "n2",
      reason: "",
      policyVersion: 1,
    });
    const later = stateAt(log, then);
    expect(outcomesAt(later)).toEqual(expected);
    expect(later.outcome[log.satIdx.get("z")! * later.width + log.policyIndex("p2")!]).toBe(NONE);
  });
});
