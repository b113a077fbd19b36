import { describe, expect, it } from "vitest";
import { applyDecisions, applyResume, decide } from "./engine";
import { planWaves } from "./plan";
import type {
  CommandState,
  Decision,
  EngineRollout,
  EngineTarget,
  EngineWave,
  Observations,
  RolloutStatus,
  SatelliteObservation,
} from "./types";

const now = new Date("2026-12-01T12:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const LABELS = ["canary", "10 %", "50 %", "100 %"];
const noObservations: Observations = { satellites: {} };

const idOf = (wave: number, i: number) => `w${wave}-${String(i).padStart(2, "0")}`;

/** A running rollout with one wave per entry of `sizes`, targets `w<wave>-<nn>` with slugs `edge-w…`. */
function makeRollout(sizes: number[], overrides: Partial<EngineRollout> = {}): EngineRollout {
  return {
    status: "running",
    currentWave: 0,
    maxConcurrency: 5,
    bakeMinutes: 30,
    failureThresholdPct: 10,
    requireApproval: false,
    pausedReason: null,
    waves: sizes.map((_, index) => ({
      index,
      label: LABELS[index] ?? `wave ${index}`,
      status: "pending",
      approvedAt: null,
      startedAt: null,
      bakeUntil: null,
    })),
    targets: sizes.flatMap((size, wave) =>
      Array.from({ length: size }, (_, i) => ({
        satelliteId: idOf(wave, i),
        slug: `edge-${idOf(wave, i)}`,
        waveIndex: wave,
        state: "pending" as const,
        commandState: null,
        rollbackCommandState: null,
        fromVersion: "2026.9.3",
      })),
    ),
    ...overrides,
  };
}

function withWave(r: EngineRollout, index: number, patch: Partial<EngineWave>): EngineRollout {
  return { ...r, waves: r.waves.map((w) => (w.index === index ? { ...w, ...patch } : w)) };
}

function withTargets(
  r: EngineRollout,
  pick: (t: EngineTarget) => boolean,
  patch: Partial<EngineTarget>,
): EngineRollout {
  return { ...r, targets: r.targets.map((t) => (pick(t) ? { ...t, ...patch } : t)) };
}

const inWave = (wave: number) => (t: EngineTarget) => t.waveIndex === wave;
const isId =
  (...ids: string[]) =>
  (t: EngineTarget) =>
    ids.includes(t.satelliteId);

/** Waves before `current` completed and `current` in the given status; their targets succeeded. */
function atWave(r: EngineRollout, current: number, status: EngineWave["status"]): EngineRollout {
  let out: EngineRollout = { ...r, currentWave: current };
  for (const w of r.waves) {
    if (w.index < current) {
      out = withWave(out, w.index, { status: "completed", startedAt: at(-120) });
      out = withTargets(out, inWave(w.index), { state: "succeeded", commandState: "succeeded" });
    }
  }
  return withWave(out, current, { status, startedAt: at(-60) });
}

function observe(entries: Record<string, Partial<SatelliteObservation>>): Observations {
  const satellites: Record<string, SatelliteObservation> = {};
  for (const [id, o] of Object.entries(entries)) {
    satellites[id] = { connectivity: "connected", health: "healthy", ...o };
  }
  return { satellites };
}

/** One reconciler tick: decide, then apply; returns both. */
function tick(r: EngineRollout, observations: Observations = noObservations, when: Date = now) {
  const decisions = decide(r, observations, when);
  return { decisions, next: applyDecisions(r, decisions, when) };
}

const types = (decisions: Decision[]) => decisions.map((d) => d.type);

describe("decide: statuses that make no decision", () => {
  const finished = (r: EngineRollout) =>
    withTargets(r, isId("w0-00"), { state: "upgrading", commandState: "succeeded" });

  it.each<RolloutStatus>(["draft", "completed", "completed_with_exceptions", "aborted", "rolled_back"])(
    "%s → nothing",
    (status) => {
      expect(decide(finished(makeRollout([1, 4], { status })), noObservations, now)).toEqual([]);
    },
  );

  it("paused records finished commands but issues nothing and judges no gate", () => {
    let r = makeRollout([1, 10], { status: "paused", pausedReason: "paused by an operator" });
    r = atWave(r, 1, "running");
    r = withTargets(r, inWave(1), { state: "pending" });
    r = withTargets(r, isId("w1-00"), { state: "upgrading", commandState: "succeeded" });
    r = withTargets(r, isId("w1-01", "w1-02"), { state: "upgrading", commandState: "failed" });
    r = withTargets(r, isId("w1-03"), { state: "upgrading", commandState: "delivered" });
    const { decisions, next } = tick(r);
    expect(decisions).toEqual([
      { type: "target_succeeded", satelliteId: "w1-00" },
      { type: "target_failed", satelliteId: "w1-01", reason: "upgrade failed" },
      { type: "target_failed", satelliteId: "w1-02", reason: "upgrade failed" },
    ]);
    expect(next.status).toBe("paused");
    expect(next.pausedReason).toBe("paused by an operator");
    expect(decide(next, noObservations, now)).toEqual([]);
  });
});

describe("decide: starting and pacing a wave", () => {
  it("starts the canary and upgrades it", () => {
    const { decisions, next } = tick(makeRollout([1, 4]));
    expect(decisions).toEqual([
      { type: "start_wave", wave: 0 },
      { type: "upgrade", wave: 0, satelliteIds: ["w0-00"] },
    ]);
    expect(next.waves[0]).toMatchObject({ status: "running", startedAt: now });
    expect(next.targets[0]).toMatchObject({ state: "upgrading", commandState: "queued" });
  });

  it("never has more than maxConcurrency upgrading, counting every wave", () => {
    let r = atWave(makeRollout([1, 12], { maxConcurrency: 3 }), 1, "running");
    let { decisions, next } = tick(r);
    expect(decisions).toEqual([{ type: "upgrade", wave: 1, satelliteIds: ["w1-00", "w1-01", "w1-02"] }]);
    expect(decide(next, noObservations, now)).toEqual([]);

    // One finishes: exactly one slot opens.
    r = withTargets(next, isId("w1-01"), { commandState: "succeeded" });
    ({ decisions, next } = tick(r));
    expect(decisions).toEqual([
      { type: "target_succeeded", satelliteId: "w1-01" },
      { type: "upgrade", wave: 1, satelliteIds: ["w1-03"] },
    ]);
    expect(next.targets.filter((t) => t.state === "upgrading")).toHaveLength(3);

    // A straggler of an earlier wave still holds a slot.
    r = withTargets(atWave(makeRollout([2, 5], { maxConcurrency: 2 }), 1, "running"), isId("w0-01"), {
      state: "upgrading",
      commandState: "running",
    });
    expect(decide(r, noObservations, now)).toEqual([{ type: "upgrade", wave: 1, satelliteIds: ["w1-00"] }]);
  });

  it("picks pending targets by satellite id, whatever order they were loaded in", () => {
    const r = atWave(makeRollout([1, 6], { maxConcurrency: 2 }), 1, "running");
    const shuffled = { ...r, targets: [...r.targets].reverse() };
    expect(decide(shuffled, noObservations, now)).toEqual([
      { type: "upgrade", wave: 1, satelliteIds: ["w1-00", "w1-01"] },
    ]);
  });

  it("waits when every remaining target of the wave is already upgrading", () => {
    const r = withTargets(atWave(makeRollout([1, 2]), 1, "running"), inWave(1), {
      state: "upgrading",
      commandState: "delivered",
    });
    expect(decide(r, noObservations, now)).toEqual([]);
  });

  it("counts an offline satellite as failed only once its command expires or fails", () => {
    let r = withTargets(atWave(makeRollout([1, 10]), 1, "running"), inWave(1), {
      state: "upgrading",
      commandState: "running",
    });
    const offline = observe({ "w1-04": { connectivity: "offline", health: "unknown" } });
    for (const commandState of ["queued", "delivered"] as const) {
      r = withTargets(r, isId("w1-04"), { commandState });
      expect(decide(r, offline, now)).toEqual([]);
    }
    r = withTargets(r, isId("w1-04"), {
      commandState: "failed",
      commandMessage: "undeliverable: no ack after 10 deliveries",
    });
    expect(decide(r, offline, now)).toEqual([
      {
        type: "target_failed",
        satelliteId: "w1-04",
        reason: "upgrade failed: undeliverable: no ack after 10 deliveries",
      },
    ]);
    r = withTargets(r, isId("w1-04"), { commandState: "expired", commandMessage: null });
    expect(decide(r, offline, now)).toEqual([
      { type: "target_failed", satelliteId: "w1-04", reason: "upgrade expired" },
    ]);
    r = withTargets(r, isId("w1-04"), { commandState: "cancelled" });
    expect(decide(r, offline, now)[0]).toMatchObject({ type: "target_failed", reason: "upgrade cancelled" });
  });

  it("fails a target whose upgrade command no longer exists instead of waiting forever", () => {
    const r = withTargets(atWave(makeRollout([1, 20]), 1, "running"), isId("w1-00"), {
      state: "upgrading",
      commandState: null,
    });
    expect(decide(r, noObservations, now)[0]).toEqual({
      type: "target_failed",
      satelliteId: "w1-00",
      reason: "the upgrade command no longer exists",
    });
  });
});

describe("decide: the failure gate", () => {
  it("pauses on any canary failure, naming the canary and the satellite", () => {
    const r = withTargets(makeRollout([1, 4]), isId("w0-00"), {
      state: "upgrading",
      commandState: "failed",
      commandMessage: "disk full on /var/lib/stack",
    });
    const { decisions, next } = tick(withWave(r, 0, { status: "running", startedAt: at(-5) }));
    const reason = "canary failed on edge-w0-00 (upgrade failed: disk full on /var/lib/stack)";
    expect(decisions).toEqual([
      { type: "target_failed", satelliteId: "w0-00", reason: "upgrade failed: disk full on /var/lib/stack" },
      { type: "pause", wave: 0, reason },
    ]);
    expect(next).toMatchObject({ status: "paused", pausedReason: reason });
    expect(next.waves[0].status).toBe("halted");
    expect(next.targets.filter((t) => t.commandState !== null)).toHaveLength(1);
    expect(decide(next, noObservations, now)).toEqual([]);
  });

  it("pauses even with a high threshold: the canary tolerates nothing", () => {
    let r = makeRollout([3, 4], { failureThresholdPct: 90 });
    r = withWave(r, 0, { status: "running" });
    r = withTargets(r, inWave(0), { state: "succeeded", commandState: "succeeded" });
    r = withTargets(r, isId("w0-02"), { state: "failed", commandState: "expired" });
    expect(decide(r, noObservations, now)).toEqual([
      { type: "pause", wave: 0, reason: "canary failed on edge-w0-02 (upgrade expired)" },
    ]);
  });

  it("trips mid-wave once failed ÷ wave size passes the threshold", () => {
    let r = atWave(makeRollout([1, 2, 20, 17]), 2, "running");
    r = withTargets(r, inWave(2), { state: "upgrading", commandState: "running" });
    r = withTargets(r, isId("w2-03", "w2-07"), { state: "failed", commandState: "failed" });
    // 2 of 20 is exactly 10 %: at the gate, not above it.
    expect(decide(r, noObservations, now)).toEqual([]);

    r = withTargets(r, isId("w2-11"), { commandState: "expired" });
    const { decisions, next } = tick(r);
    expect(decisions).toEqual([
      { type: "target_failed", satelliteId: "w2-11", reason: "upgrade expired" },
      {
        type: "pause",
        wave: 2,
        reason:
          "wave 2 (50 %): 3 of 20 satellites failed (15 %), above the 10 % gate: edge-w2-03, edge-w2-07, edge-w2-11",
      },
    ]);
    expect(next.waves[2].status).toBe("halted");
    // Commands already in flight still report while paused.
    const later = withTargets(next, isId("w2-00"), { commandState: "succeeded" });
    expect(decide(later, noObservations, now)).toEqual([{ type: "target_succeeded", satelliteId: "w2-00" }]);
  });

  it("names at most five satellites and rounds the ratio", () => {
    let r = atWave(makeRollout([1, 21], { failureThresholdPct: 0 }), 1, "running");
    r = withTargets(r, (t) => t.waveIndex === 1 && t.satelliteId < "w1-07", {
      state: "failed",
      commandState: "failed",
    });
    const [pause] = decide(r, noObservations, now);
    expect(pause).toEqual({
      type: "pause",
      wave: 1,
      reason:
        "wave 1 (10 %): 7 of 21 satellites failed (33.3 %), above the 0 % gate: " +
        "edge-w1-00, edge-w1-01, edge-w1-02, edge-w1-03, edge-w1-04 and 2 more",
    });
  });

  it("starts the bake when every target is final and the gate holds", () => {
    let r = atWave(makeRollout([1, 20]), 1, "running");
    r = withTargets(r, inWave(1), { state: "succeeded", commandState: "succeeded" });
    r = withTargets(r, isId("w1-05"), { state: "upgrading", commandState: "failed" });
    r = withTargets(r, isId("w1-06"), { state: "skipped", commandState: null });
    const { decisions, next } = tick(r);
    expect(decisions).toEqual([
      { type: "target_failed", satelliteId: "w1-05", reason: "upgrade failed" },
      { type: "start_bake", wave: 1, bakeUntil: at(30) },
    ]);
    expect(next.waves[1]).toMatchObject({ status: "baking", bakeUntil: at(30) });
  });

  it("completes a wave left empty by exclusions without baking it", () => {
    let r = atWave(makeRollout([1, 3, 4]), 1, "running");
    r = withTargets(r, inWave(1), { state: "excluded" });
    expect(decide(r, noObservations, now)).toEqual([
      { type: "complete_wave", wave: 1 },
      { type: "start_wave", wave: 2 },
      { type: "upgrade", wave: 2, satelliteIds: ["w2-00", "w2-01", "w2-02", "w2-03"] },
    ]);
  });
});

describe("decide: the bake", () => {
  const baking = (bakeUntil: Date | null = at(30)) => {
    const r = atWave(makeRollout([1, 4, 5]), 1, "running");
    return withWave(withTargets(r, inWave(1), { state: "succeeded", commandState: "succeeded" }), 1, {
      status: "baking",
      bakeUntil,
    });
  };

  it("waits until bakeUntil, then completes the wave and starts the next", () => {
    const r = baking();
    expect(decide(r, noObservations, at(29.9))).toEqual([]);
    const { decisions, next } = tick(r, noObservations, at(30));
    expect(decisions).toEqual([
      { type: "complete_wave", wave: 1 },
      { type: "start_wave", wave: 2 },
      { type: "upgrade", wave: 2, satelliteIds: ["w2-00", "w2-01", "w2-02", "w2-03", "w2-04"] },
    ]);
    expect(next).toMatchObject({ status: "running", currentWave: 2 });
    expect(next.waves[2]).toMatchObject({ status: "running", startedAt: at(30) });
  });

  it("sets a missing bakeUntil rather than skipping the bake", () => {
    expect(decide(baking(null), noObservations, now)).toEqual([
      { type: "start_bake", wave: 1, bakeUntil: at(30) },
    ]);
  });

  it("bakes for zero minutes within the same tick", () => {
    let r = atWave(makeRollout([1, 2, 2], { bakeMinutes: 0 }), 1, "running");
    r = withTargets(r, inWave(1), { state: "upgrading", commandState: "succeeded" });
    expect(types(decide(r, noObservations, now))).toEqual([
      "target_succeeded",
      "target_succeeded",
      "start_bake",
      "complete_wave",
      "start_wave",
      "upgrade",
    ]);
  });

  it("pauses when an upgraded satellite turns critical or goes offline, naming it", () => {
    const critical = observe({ "w1-02": { health: "critical" } });
    const { decisions, next } = tick(baking(), critical, at(10));
    const reason = "health gate during the bake of wave 1 (10 %): edge-w1-02 is critical";
    expect(decisions).toEqual([{ type: "pause", wave: 1, reason }]);
    expect(next).toMatchObject({ status: "paused", pausedReason: reason });
    expect(next.waves[1].status).toBe("halted");

    // Satellites upgraded by earlier waves are watched too.
    const offline = observe({ "w0-00": { connectivity: "offline", health: "unknown" } });
    expect(decide(baking(), offline, at(10))).toEqual([
      {
        type: "pause",
        wave: 1,
        reason: "health gate during the bake of wave 1 (10 %): edge-w0-00 is offline",
      },
    ]);
  });

  it("does not pause for degraded, stale, unobserved or never-upgraded satellites", () => {
    let r = baking();
    r = withTargets(r, isId("w1-03"), { state: "failed", commandState: "failed" });
    const observations = observe({
      "w1-00": { health: "degraded" },
      "w1-01": { connectivity: "stale" },
      "w1-03": { health: "critical" },
      "w2-00": { connectivity: "offline", health: "unknown" },
    });
    expect(decide(r, observations, at(10))).toEqual([]);
    expect(types(decide(r, observations, at(30)))).toEqual(["complete_wave", "start_wave", "upgrade"]);
  });

  it("completes the rollout after the last wave", () => {
    let r = atWave(makeRollout([1, 3]), 1, "baking");
    r = withWave(withTargets(r, inWave(1), { state: "succeeded" }), 1, { bakeUntil: at(5) });
    const { decisions, next } = tick(r, noObservations, at(5));
    expect(decisions).toEqual([
      { type: "complete_wave", wave: 1 },
      { type: "complete", leftBehind: 0 },
    ]);
    expect(next.status).toBe("completed");
    expect(decide(next, noObservations, at(6))).toEqual([]);
  });

  it("completes a rollout without waves, or whose current wave does not exist", () => {
    expect(decide(makeRollout([]), noObservations, now)).toEqual([{ type: "complete", leftBehind: 0 }]);
    // The canary's target never upgraded: the rollout ends, and says so.
    expect(decide(makeRollout([1], { currentWave: 3 }), noObservations, now)).toEqual([
      { type: "complete", leftBehind: 1 },
    ]);
  });
});

describe("decide: approval between waves", () => {
  const canaryDone = () => {
    const r = makeRollout([1, 4, 5], { requireApproval: true, bakeMinutes: 15 });
    return withWave(withTargets(r, inWave(0), { state: "succeeded", commandState: "succeeded" }), 0, {
      status: "baking",
      startedAt: at(-30),
      bakeUntil: at(-1),
    });
  };

  it("never asks to approve the canary: starting the rollout is that approval", () => {
    expect(types(decide(makeRollout([1, 4], { requireApproval: true }), noObservations, now))).toEqual([
      "start_wave",
      "upgrade",
    ]);
  });

  it("waits for approval after the canary, then proceeds once approvedAt is set", () => {
    const { decisions, next } = tick(canaryDone());
    expect(decisions).toEqual([
      { type: "complete_wave", wave: 0 },
      { type: "request_approval", wave: 1 },
    ]);
    expect(next).toMatchObject({ status: "awaiting_approval", currentWave: 1 });
    expect(next.waves[1].status).toBe("awaiting_approval");
    expect(decide(next, noObservations, at(60))).toEqual([]);

    const approved = withWave(next, 1, { approvedAt: at(61) });
    const started = tick(approved, noObservations, at(62));
    expect(started.decisions).toEqual([
      { type: "start_wave", wave: 1 },
      { type: "upgrade", wave: 1, satelliteIds: ["w1-00", "w1-01", "w1-02", "w1-03"] },
    ]);
    expect(started.next).toMatchObject({ status: "running", currentWave: 1 });
  });

  it("starts a wave approved in advance without waiting", () => {
    const r = withWave(canaryDone(), 1, { approvedAt: at(-10) });
    expect(types(decide(r, noObservations, now))).toEqual(["complete_wave", "start_wave", "upgrade"]);
  });

  it("moves currentWave to the wave awaiting approval if it lags behind", () => {
    let r = withWave(canaryDone(), 0, { status: "completed" });
    r = withWave({ ...r, status: "awaiting_approval" }, 1, { status: "awaiting_approval" });
    const { decisions, next } = tick(r);
    expect(decisions).toEqual([{ type: "request_approval", wave: 1 }]);
    expect(next.currentWave).toBe(1);
  });

  it("puts a running rollout whose wave awaits approval back to waiting", () => {
    const r = withWave(atWave(makeRollout([1, 3], { requireApproval: true }), 1, "awaiting_approval"), 1, {
      startedAt: null,
    });
    expect(decide(r, noObservations, now)).toEqual([{ type: "request_approval", wave: 1 }]);
  });
});

describe("applyResume", () => {
  /** The canary's upgrade ended `how`: expired (the agent was offline) or failed (the agent said so). */
  const canaryFailed = (how: CommandState = "expired") =>
    tick(
      withWave(
        withTargets(makeRollout([1, 3]), isId("w0-00"), { state: "upgrading", commandState: how }),
        0,
        { status: "running", startedAt: at(-5) },
      ),
    ).next;

  it("retries failed targets of the halted wave with a fresh upgrade", () => {
    const paused = canaryFailed("expired");
    const resumed = applyResume(paused, "retry");
    expect(resumed).toMatchObject({ status: "running", pausedReason: null });
    expect(resumed.targets[0]).toMatchObject({ state: "pending", commandState: null });
    const { decisions, next } = tick(resumed, noObservations, at(10));
    expect(decisions).toEqual([
      { type: "start_wave", wave: 0 },
      { type: "upgrade", wave: 0, satelliteIds: ["w0-00"] },
    ]);
    // The wave keeps the time it first started.
    expect(next.waves[0].startedAt).toEqual(at(-5));
  });

  it("skips, even when asked to retry, a failure the agent reported: it would fail the same way", () => {
    const resumed = applyResume(canaryFailed("failed"), "retry");
    expect(resumed.targets[0]).toMatchObject({ state: "skipped", commandState: "failed" });
  });

  it("skips failed targets; a canary nobody passed is skipped, never completed, and the rollout goes on", () => {
    const resumed = applyResume(canaryFailed(), "skip");
    expect(resumed.targets[0].state).toBe("skipped");
    const { decisions, next } = tick(resumed, noObservations, at(10));
    expect(decisions).toEqual([
      { type: "start_wave", wave: 0 },
      { type: "skip_wave", wave: 0 },
      { type: "start_wave", wave: 1 },
      { type: "upgrade", wave: 1, satelliteIds: ["w1-00", "w1-01", "w1-02"] },
    ]);
    expect(next.waves[0].status).toBe("skipped");
  });

  it("completes with exceptions once the last wave ends, counting the satellites left behind", () => {
    let r = applyResume(canaryFailed(), "skip");
    r = withWave(tick(r, noObservations, at(10)).next, 1, { status: "baking", bakeUntil: at(20) });
    r = withTargets(r, inWave(1), { state: "succeeded", commandState: "succeeded" });
    const { decisions, next } = tick(r, noObservations, at(20));
    expect(decisions).toEqual([
      { type: "complete_wave", wave: 1 },
      { type: "complete", leftBehind: 1 },
    ]);
    expect(next.status).toBe("completed_with_exceptions");
    expect(next.waves.map((w) => w.status)).toEqual(["skipped", "completed"]);
  });

  it("restarts the bake after a health pause, and pauses again if the satellite is still critical", () => {
    let r = atWave(makeRollout([1, 2, 2]), 1, "halted");
    r = withTargets(r, inWave(1), { state: "succeeded", commandState: "succeeded" });
    const resumed = applyResume({ ...r, status: "paused", pausedReason: "health gate…" }, "retry");
    expect(decide(resumed, noObservations, now)).toEqual([
      { type: "start_wave", wave: 1 },
      { type: "start_bake", wave: 1, bakeUntil: at(30) },
    ]);
    expect(types(decide(resumed, observe({ "w1-01": { health: "critical" } }), now))).toEqual([
      "start_wave",
      "start_bake",
      "pause",
    ]);
  });

  it("leaves failed targets of earlier waves alone", () => {
    let r = atWave(makeRollout([1, 10, 4]), 2, "running");
    r = withTargets(r, isId("w1-03"), { state: "failed" });
    expect(applyResume({ ...r, status: "paused" }, "retry").targets.find(isId("w1-03"))?.state).toBe(
      "failed",
    );
  });
});

describe("decide: rolling back", () => {
  const touched = () => {
    let r = atWave(makeRollout([1, 4, 4], { status: "rolling_back" }), 2, "running");
    r = withTargets(r, isId("w1-03"), { state: "failed", commandState: "failed" });
    r = withTargets(r, isId("w2-00"), { state: "upgrading", commandState: "queued" });
    r = withTargets(r, isId("w2-01"), { state: "upgrading", commandState: "running" });
    r = withTargets(r, isId("w1-00"), { fromVersion: null });
    return r;
  };

  it("sends stack.rollback to every succeeded or upgrading satellite at once, back to its version", () => {
    const { decisions, next } = tick(touched());
    expect(decisions).toEqual([
      {
        type: "rollback",
        targets: [
          { satelliteId: "w0-00", toVersion: "2026.9.3" },
          { satelliteId: "w1-00", toVersion: null },
          { satelliteId: "w1-01", toVersion: "2026.9.3" },
          { satelliteId: "w1-02", toVersion: "2026.9.3" },
          { satelliteId: "w2-00", toVersion: "2026.9.3" },
          { satelliteId: "w2-01", toVersion: "2026.9.3" },
        ],
      },
    ]);
    expect(next.targets.filter((t) => t.rollbackCommandState === "queued")).toHaveLength(6);
    expect(decide(next, noObservations, now)).toEqual([]);
  });

  it("marks each satellite rolled back as its command succeeds, and finishes once none is in flight", () => {
    let r = tick(touched()).next;
    r = withTargets(r, (t) => t.rollbackCommandState === "queued", { rollbackCommandState: "succeeded" });
    r = withTargets(r, isId("w1-02"), { rollbackCommandState: "expired" });
    // w2-01's upgrade is still running when its rollback fails: wait for the upgrade to end.
    r = withTargets(r, isId("w2-01"), { rollbackCommandState: "failed" });
    let { decisions, next } = tick(r);
    expect(decisions).toEqual([
      { type: "target_rolled_back", satelliteId: "w0-00" },
      { type: "target_rolled_back", satelliteId: "w1-00" },
      { type: "target_rolled_back", satelliteId: "w1-01" },
      { type: "target_rolled_back", satelliteId: "w2-00" },
    ]);
    expect(decide(next, noObservations, now)).toEqual([]);

    ({ decisions, next } = tick(withTargets(next, isId("w2-01"), { commandState: "succeeded" })));
    expect(decisions).toEqual([
      { type: "target_succeeded", satelliteId: "w2-01" },
      {
        type: "finish_rollback",
        rolledBack: 4,
        notRolledBack: [
          { satelliteId: "w1-02", reason: "rollback expired" },
          { satelliteId: "w2-01", reason: "rollback failed" },
        ],
      },
    ]);
    expect(next.status).toBe("rolled_back");
    expect(decide(next, noObservations, now)).toEqual([]);
  });

  it("does not record an upgrade outcome for a satellite already rolled back", () => {
    const r = withTargets(touched(), isId("w2-00"), {
      commandState: "succeeded",
      rollbackCommandState: "succeeded",
    });
    expect(decide(r, noObservations, now)[0]).toEqual({ type: "target_rolled_back", satelliteId: "w2-00" });
    expect(decide(r, noObservations, now).filter((d) => d.type === "target_succeeded")).toEqual([]);
  });

  it("finishes at once when nothing was upgraded", () => {
    expect(decide(makeRollout([1, 3], { status: "rolling_back" }), noObservations, now)).toEqual([
      { type: "finish_rollback", rolledBack: 0, notRolledBack: [] },
    ]);
  });
});

describe("decide is idempotent", () => {
  const states: [string, EngineRollout, Observations][] = [
    ["fresh", makeRollout([1, 4, 10]), noObservations],
    [
      "mid-wave",
      withTargets(atWave(makeRollout([1, 4, 10]), 2, "running"), isId("w2-00", "w2-01"), {
        state: "upgrading",
        commandState: "succeeded",
      }),
      noObservations,
    ],
    [
      "gate",
      withTargets(atWave(makeRollout([1, 4]), 1, "running"), inWave(1), { state: "failed" }),
      noObservations,
    ],
    [
      "bake",
      withWave(atWave(makeRollout([1, 4]), 1, "baking"), 1, { bakeUntil: at(-1) }),
      observe({ "w0-00": { health: "critical" } }),
    ],
    [
      "rollback",
      withTargets(makeRollout([2, 4], { status: "rolling_back" }), inWave(0), { state: "succeeded" }),
      noObservations,
    ],
  ];

  it.each(states)("%s: same input, same decisions; applied, nothing more is due", (_, r, observations) => {
    const first = decide(r, observations, now);
    expect(first.length).toBeGreaterThan(0);
    expect(decide(r, observations, now)).toEqual(first);
    expect(decide(applyDecisions(r, first, now), observations, now)).toEqual([]);
  });
});

describe("applyDecisions", () => {
  it("does not change the rollout it is given", () => {
    const r = makeRollout([1, 4]);
    const copy = structuredClone(r);
    applyDecisions(r, decide(r, noObservations, now), now);
    expect(r).toEqual(copy);
  });

  it("refuses decisions about waves or targets the rollout does not have", () => {
    const r = makeRollout([1]);
    expect(() => applyDecisions(r, [{ type: "complete_wave", wave: 4 }], now)).toThrow(
      "rollout has no wave 4",
    );
    expect(() => applyDecisions(r, [{ type: "target_succeeded", satelliteId: "nope" }], now)).toThrow(
      "rollout has no target nope",
    );
  });
});

describe("a whole rollout, simulated tick by tick", () => {
  /** The agents: every delivered upgrade finishes by the next tick, `failing` ones fail. */
  function agentsAct(r: EngineRollout, failing: ReadonlySet<string>): EngineRollout {
    return {
      ...r,
      targets: r.targets.map((t) => {
        if (t.state !== "upgrading" || t.commandState !== "queued") return t;
        const commandState: CommandState = failing.has(t.satelliteId) ? "failed" : "succeeded";
        return { ...t, commandState };
      }),
    };
  }

  function fromPlan(size: number, overrides: Partial<EngineRollout>): EngineRollout {
    const regions = ["eu-gdpr", "us-fedramp", "uk-gdpr"];
    const targets = Array.from({ length: size }, (_, i) => ({
      id: `sat-${String(i).padStart(3, "0")}`,
      regionId: regions[i % regions.length],
      uplinkMbps: 1000,
      downlinkMbps: 1000,
    }));
    const plan = planWaves(targets);
    return {
      ...makeRollout([]),
      ...overrides,
      waves: plan.map((w) => ({
        index: w.index,
        label: w.label,
        status: "pending",
        approvedAt: null,
        startedAt: null,
        bakeUntil: null,
      })),
      targets: plan.flatMap((w) =>
        w.satelliteIds.map((satelliteId) => ({
          satelliteId,
          slug: satelliteId,
          waveIndex: w.index,
          state: "pending" as const,
          commandState: null,
          fromVersion: "2026.9.3",
        })),
      ),
    };
  }

  function run(r: EngineRollout, failing: ReadonlySet<string>, approve: boolean) {
    const upgrades = new Map<string, number>();
    const log: Decision[] = [];
    let maxInFlight = 0;
    let minute = 0;
    for (
      ;
      minute < 24 * 60 && !["completed", "completed_with_exceptions", "paused"].includes(r.status);
      minute++
    ) {
      if (approve && r.status === "awaiting_approval")
        r = withWave(r, r.currentWave, { approvedAt: at(minute) });
      const { decisions, next } = tick(r, noObservations, at(minute));
      log.push(...decisions);
      for (const d of decisions) {
        if (d.type === "upgrade")
          for (const id of d.satelliteIds) upgrades.set(id, (upgrades.get(id) ?? 0) + 1);
      }
      maxInFlight = Math.max(maxInFlight, next.targets.filter((t) => t.state === "upgrading").length);
      r = agentsAct(next, failing);
    }
    return { r, upgrades, log, maxInFlight, minute };
  }

  it("rolls 40 satellites out through canary, 10 %, 50 % and 100 %, within the gates", () => {
    const start = fromPlan(40, { maxConcurrency: 4, bakeMinutes: 20, failureThresholdPct: 10 });
    expect(start.waves.map((w) => `${w.label}:${start.targets.filter(inWave(w.index)).length}`)).toEqual([
      "canary:1",
      "10 %:3",
      "50 %:16",
      "100 %:20",
    ]);
    // One failure in the 20-satellite last wave is 5 %: under the gate.
    const failing = new Set([start.targets.filter(inWave(3))[7].satelliteId]);
    const { r, upgrades, log, maxInFlight, minute } = run(start, failing, false);

    // One satellite is left behind: the rollout says so instead of a plain "completed".
    expect(r.status).toBe("completed_with_exceptions");
    expect(log.at(-1)).toEqual({ type: "complete", leftBehind: 1 });
    expect(r.waves.every((w) => w.status === "completed")).toBe(true);
    expect(r.targets.filter((t) => t.state === "succeeded")).toHaveLength(39);
    expect(r.targets.filter((t) => t.state === "failed").map((t) => t.satelliteId)).toEqual([...failing]);
    expect(upgrades.size).toBe(40);
    expect([...upgrades.values()].every((n) => n === 1)).toBe(true);
    expect(maxInFlight).toBe(4);
    expect(log.filter((d) => d.type === "start_bake")).toHaveLength(4);
    // Four bakes of 20 minutes, plus the ticks spent upgrading: ≈ 1 + 1 + 4 + 5 per wave.
    expect(minute).toBeGreaterThan(80);
    expect(minute).toBeLessThan(100);
  });

  it("stops at each wave for approval when required, and goes on once approved", () => {
    const start = fromPlan(12, { requireApproval: true, bakeMinutes: 5, maxConcurrency: 10 });
    const { r, log } = run(start, new Set(), true);
    expect(r.status).toBe("completed");
    expect(log.filter((d) => d.type === "request_approval").map((d) => ("wave" in d ? d.wave : -1))).toEqual(
      start.waves.slice(1).map((w) => w.index),
    );
  });

  it("stops by itself when the 50 % wave fails too often", () => {
    const start = fromPlan(40, { maxConcurrency: 8, bakeMinutes: 10, failureThresholdPct: 10 });
    const wave2 = start.targets.filter(inWave(2)).map((t) => t.satelliteId);
    const { r, upgrades } = run(start, new Set(wave2.slice(0, 2)), false);
    expect(r.status).toBe("paused");
    expect(r.pausedReason).toBe(
      `wave 2 (50 %): 2 of 16 satellites failed (12.5 %), above the 10 % gate: ${wave2[0]}, ${wave2[1]}`,
    );
    expect(r.targets.filter(inWave(3)).every((t) => t.state === "pending")).toBe(true);
    expect([...upgrades.keys()].some((id) => r.targets.find(isId(id))?.waveIndex === 3)).toBe(false);
  });
});
