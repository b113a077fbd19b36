import { describe, expect, it } from "vitest";
import { OutageGate, type OutageState, nextOutage, stepOutage } from "./offline";
import { rngFor } from "./prng";

const MIN = 60_000;

describe("outages", () => {
  it("last 3 to 8 minutes", () => {
    const rng = rngFor("outage-test");
    for (let i = 0; i < 200; i++) {
      const o = nextOutage(rng, 0, i === 0);
      expect(o.endMs - o.startMs).toBeGreaterThanOrEqual(3 * MIN);
      expect(o.endMs - o.startMs).toBeLessThanOrEqual(8 * MIN);
    }
  });

  it("cut off at most a handful of satellites at once; the rest wait their turn", () => {
    const gate = new OutageGate(2);
    const states: OutageState[] = ["a", "b", "c"].map((slug) => ({
      rng: rngFor(slug),
      isCutOff: false,
      outage: { startMs: 0, endMs: 4 * MIN },
    }));
    const cut = states.map((s, i) => stepOutage(s, gate, `s${i}`, 0));
    expect(cut).toEqual([true, true, false]);
    expect(states[2].outage!.startMs).toBeGreaterThan(0);
    expect(stepOutage(states[0], gate, "s0", 4 * MIN)).toBe(false);
    expect(gate.size).toBe(1);
    expect(states[0].outage!.startMs).toBeGreaterThan(4 * MIN);
  });
});
