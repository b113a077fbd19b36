import { describe, expect, it } from "vitest";
import { applyDecisions, decide } from "./engine";
import type { EngineRollout, Observations } from "./types";

const now = new Date("2026-12-01T12:00:00Z");
const later = (min: number) => new Date(now.getTime() + min * 60_000);

function rollout(sizes: number[], maxConcurrency = 5): EngineRollout {
  return {
    status: "running",
    currentWave: 0,
    maxConcurrency,
    bakeMinutes: 30,
    failureThresholdPct: 10,
    requireApproval: false,
    pausedReason: null,
    waves: sizes.map((_, index) => ({
      index,
      label: `wave ${index}`,
      status: index === 0 ? "running" : "pending",
      approvedAt: null,
      startedAt: index === 0 ? now : null,
      bakeUntil: null,
    })),
    targets: sizes.flatMap((size, wave) =>
      Array.from({ length: size }, (_, i) => ({
        satelliteId: `w${wave}-${i}`,
        slug: `edge-w${wave}-${i}`,
        waveIndex: wave,
        state: "pending" as const,
        commandState: null,
        fromVersion: "2026.9.3",
      })),
    ),
  };
}

const closed = (ids: string[], opensAt: Date): Observations => ({
  satellites: {},
  windows: Object.fromEntries(ids.map((id) => [id, { open: false, opensAt }])),
});

describe("the engine and deployment windows", () => {
  it("lets a target outside its window wait, holding no slot, and upgrades the others", () => {
    const r = rollout([3], 2);
    const d = decide(r, closed(["w0-0"], later(190)), now);
    expect(d).toEqual([
      { type: "wait_for_window", wave: 0, waits: [{ satelliteId: "w0-0", until: later(190) }] },
      { type: "upgrade", wave: 0, satelliteIds: ["w0-1", "w0-2"] },
    ]);
  });

  it("decides nothing twice: a waiting target with the same opening is left alone", () => {
    const r = rollout([1]);
    const obs = closed(["w0-0"], later(190));
    const after = applyDecisions(r, decide(r, obs, now), now);
    expect(after.targets[0].waitingUntil).toEqual(later(190));
    expect(decide(after, obs, later(1))).toEqual([]);
  });

  it("does not bake or complete a wave while a target waits, and never trips the gate for it", () => {
    let r = rollout([2, 1]);
    const obs = closed(["w0-0"], later(60));
    r = applyDecisions(r, decide(r, obs, now), now);
    r = {
      ...r,
      targets: r.targets.map((t) => (t.state === "upgrading" ? { ...t, commandState: "succeeded" } : t)),
    };
    const d = decide(r, obs, later(5));
    expect(d).toEqual([{ type: "target_succeeded", satelliteId: "w0-1" }]);
    expect(applyDecisions(r, d, later(5)).waves[0].status).toBe("running");
  });

  it("upgrades the target once its window opens and clears the wait", () => {
    let r = rollout([1]);
    r = applyDecisions(r, decide(r, closed(["w0-0"], later(60)), now), now);
    const d = decide(r, { satellites: {}, windows: { "w0-0": { open: true } } }, later(60));
    expect(d).toEqual([
      { type: "wait_for_window", wave: 0, waits: [{ satelliteId: "w0-0", until: null }] },
      { type: "upgrade", wave: 0, satelliteIds: ["w0-0"] },
    ]);
    expect(applyDecisions(r, d, later(60)).targets[0]).toMatchObject({
      state: "upgrading",
      waitingUntil: null,
    });
  });

  it("a window that never opens still shows a time, a horizon away", () => {
    const r = rollout([1]);
    const d = decide(r, { satellites: {}, windows: { "w0-0": { open: false, opensAt: null } } }, now);
    expect(d[0]).toMatchObject({ type: "wait_for_window", waits: [{ until: later(400 * 24 * 60) }] });
  });

  it("without window observations nothing waits", () => {
    expect(decide(rollout([1]), { satellites: {} }, now)).toEqual([
      { type: "upgrade", wave: 0, satelliteIds: ["w0-0"] },
    ]);
  });
});
