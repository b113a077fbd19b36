// The rollout engine: a pure function of (rollout, observations, now). The reconciler calls `decide` every
// tick for each live rollout, writes the decisions in one transaction, and calls it again on the next tick.
import { FINAL_STATES } from "../commands/lifecycle";
import { describeWave, failureReason, formatPct, nameSome } from "./engine-words";
import { classifyFailure } from "./failures";
import { windowed } from "./engine-windows";
import type {
  CommandState,
  Decision,
  EngineRollout,
  EngineTarget,
  EngineWave,
  Observations,
  SatelliteObservation,
  TargetState,
} from "./types";

const FINAL_COMMAND: ReadonlySet<CommandState> = new Set(FINAL_STATES);
/** Targets a finished rollout leaves behind: not on the release, and not excluded by planning. */
const LEFT_BEHIND: ReadonlySet<TargetState> = new Set(["failed", "skipped", "pending", "upgrading"]);
/** A wave is done with a target once it is in one of these states. */
const SETTLED: ReadonlySet<TargetState> = new Set([
  "succeeded",
  "failed",
  "skipped",
  "rolled_back",
  "excluded",
]);

/**
 * Every decision due now. Internally it steps, applying each step to a working copy, until nothing more is
 * due: a tick can record outcomes, finish a zero-minute bake and open the next wave at once. Applying the
 * result and deciding again with the same inputs yields [] — nothing is ever issued twice.
 */
export function decide(rollout: EngineRollout, observations: Observations, now: Date): Decision[] {
  const decisions: Decision[] = [];
  let current = rollout;
  // Each step changes state, so the loop ends by itself; the bound only guards against a future bug.
  const maxSteps = 6 * (rollout.waves.length + 2);
  for (let i = 0; i < maxSteps; i++) {
    const step = nextStep(current, observations, now);
    if (step.length === 0) break;
    decisions.push(...step);
    current = applyDecisions(current, step, now);
  }
  return decisions;
}

function nextStep(r: EngineRollout, observations: Observations, now: Date): Decision[] {
  switch (r.status) {
    case "draft":
    case "completed":
    case "completed_with_exceptions":
    case "aborted":
    case "rolled_back":
      return [];
    case "paused":
      // Commands already sent still finish; recording them keeps progress visible while paused.
      return recordOutcomes(r);
    case "rolling_back":
      return stepRollback(r);
    case "running":
    case "awaiting_approval": {
      const outcomes = recordOutcomes(r);
      return outcomes.length > 0 ? outcomes : stepWave(r, observations, now);
    }
  }
}

function stepWave(r: EngineRollout, observations: Observations, now: Date): Decision[] {
  const wave = waveAt(r, r.currentWave);
  if (!wave) return [complete(r)];
  switch (wave.status) {
    case "pending":
    case "awaiting_approval":
      return openWave(r, wave);
    case "halted":
      // A halted wave in a running rollout was resumed by an operator: it runs (or bakes) again from here.
      return [{ type: "start_wave", wave: wave.index }];
    case "running":
      return stepRunningWave(r, wave, observations, now);
    case "baking":
      return stepBake(r, wave, observations, now);
    case "skipped":
    case "completed": {
      const next = waveAt(r, wave.index + 1);
      return next ? openWave(r, next) : [complete(r)];
    }
  }
}

function complete(r: EngineRollout): Decision {
  return { type: "complete", leftBehind: r.targets.filter((t) => LEFT_BEHIND.has(t.state)).length };
}

/** Every wave after the canary waits for approval when the rollout requires it; the canary is the start. */
function openWave(r: EngineRollout, wave: EngineWave): Decision[] {
  const needsApproval = r.requireApproval && wave.index >= 1 && wave.approvedAt === null;
  if (!needsApproval) return [{ type: "start_wave", wave: wave.index }];
  const isWaiting = r.status === "awaiting_approval" && wave.status === "awaiting_approval";
  return isWaiting && r.currentWave === wave.index ? [] : [{ type: "request_approval", wave: wave.index }];
}

function stepRunningWave(
  r: EngineRollout,
  wave: EngineWave,
  observations: Observations,
  now: Date,
): Decision[] {
  const members = waveTargets(r, wave.index);
  const tripped = failureGate(r, wave, members);
  if (tripped) return [{ type: "pause", wave: wave.index, reason: tripped }];
  // Plans never make empty waves, but exclusions after planning can; there is nothing to bake then.
  if (members.length === 0) return [{ type: "complete_wave", wave: wave.index }];
  if (members.every((t) => SETTLED.has(t.state))) {
    // Nobody upgraded (every failure was skipped): the wave validated nothing, so it is skipped, not baked.
    if (!members.some((t) => t.state === "succeeded")) return [{ type: "skip_wave", wave: wave.index }];
    const bakeUntil = new Date(now.getTime() + r.bakeMinutes * 60_000);
    return [{ type: "start_bake", wave: wave.index, bakeUntil }];
  }
  const { ready, waits } = windowed(members, observations, now);
  const waiting: Decision[] = waits.length > 0 ? [{ type: "wait_for_window", wave: wave.index, waits }] : [];
  const inFlight = r.targets.filter((t) => t.state === "upgrading").length;
  const slots = r.maxConcurrency - inFlight;
  if (slots <= 0) return waiting;
  const next = ready
    .map((t) => t.satelliteId)
    .sort()
    .slice(0, slots);
  return next.length > 0 ? [...waiting, { type: "upgrade", wave: wave.index, satelliteIds: next }] : waiting;
}

/**
 * The canary tolerates no failure. Later waves pause once failed ÷ wave size passes the threshold; the
 * ratio only grows within a wave, so tripping before the wave is finished is never premature.
 */
function failureGate(r: EngineRollout, wave: EngineWave, members: EngineTarget[]): string | null {
  const failed = members.filter((t) => t.state === "failed");
  if (failed.length === 0) return null;
  if (wave.index === 0) {
    return `canary failed on ${nameSome(failed.map((t) => `${t.slug} (${failureReason(t)})`))}`;
  }
  const pct = (failed.length / members.length) * 100;
  if (pct <= r.failureThresholdPct) return null;
  return (
    `${describeWave(wave)}: ${failed.length} of ${members.length} satellites failed (${formatPct(pct)} %), ` +
    `above the ${formatPct(r.failureThresholdPct)} % gate: ${nameSome(failed.map((t) => t.slug))}`
  );
}

/**
 * During a bake every satellite this rollout upgraded must stay up: offline (silent past the offline
 * threshold) or critical (a service down) trips the gate. Stale and degraded do not: a restart or one
 * degraded service is routine, and pausing on them would stop most waves for nothing.
 */
function stepBake(r: EngineRollout, wave: EngineWave, observations: Observations, now: Date): Decision[] {
  const problems = r.targets
    .filter((t) => t.state === "succeeded")
    .flatMap((t) => {
      const problem = bakeProblem(observations.satellites[t.satelliteId]);
      return problem ? [`${t.slug} is ${problem}`] : [];
    });
  if (problems.length > 0) {
    const reason = `health gate during the bake of ${describeWave(wave)}: ${nameSome(problems)}`;
    return [{ type: "pause", wave: wave.index, reason }];
  }
  if (wave.bakeUntil === null) {
    return [
      { type: "start_bake", wave: wave.index, bakeUntil: new Date(now.getTime() + r.bakeMinutes * 60_000) },
    ];
  }
  return now.getTime() >= wave.bakeUntil.getTime() ? [{ type: "complete_wave", wave: wave.index }] : [];
}

function bakeProblem(observed: SatelliteObservation | undefined): string | null {
  if (!observed) return null;
  if (observed.connectivity === "offline") return "offline";
  if (observed.health === "critical") return "critical";
  return null;
}

/**
 * An upgrade counts as failed only once its command is final: an offline satellite's command stays queued
 * until it expires or runs out of deliveries, and the satellite may yet come back and upgrade.
 */
function recordOutcomes(r: EngineRollout): Decision[] {
  return r.targets.flatMap((t) => outcomeOf(t) ?? []);
}

function outcomeOf(t: EngineTarget): Decision | null {
  if (t.state !== "upgrading") return null;
  if (t.commandState === "succeeded") return { type: "target_succeeded", satelliteId: t.satelliteId };
  if (t.commandState === null || FINAL_COMMAND.has(t.commandState)) {
    return { type: "target_failed", satelliteId: t.satelliteId, reason: failureReason(t) };
  }
  return null;
}

/**
 * Rolling back sends stack.rollback to every satellite this rollout touched (succeeded or still upgrading)
 * at once, without the concurrency cap: the previous version is already on the satellite, and speed matters
 * more than pacing. It finishes once no upgrade or rollback command is still in flight.
 */
function stepRollback(r: EngineRollout): Decision[] {
  const settled = r.targets.flatMap((t) => {
    // Once its rollback succeeded a target is done; how its upgrade ended no longer matters.
    if (t.rollbackCommandState === "succeeded" && t.state !== "rolled_back") {
      return [{ type: "target_rolled_back", satelliteId: t.satelliteId } satisfies Decision];
    }
    return outcomeOf(t) ?? [];
  });
  if (settled.length > 0) return settled;
  const toRollBack = r.targets.filter(
    (t) => (t.state === "succeeded" || t.state === "upgrading") && !t.rollbackCommandState,
  );
  if (toRollBack.length > 0) {
    const targets = toRollBack.map((t) => ({ satelliteId: t.satelliteId, toVersion: t.fromVersion }));
    return [{ type: "rollback", targets }];
  }
  const isInFlight = r.targets.some(
    (t) => t.state === "upgrading" || (t.rollbackCommandState && !FINAL_COMMAND.has(t.rollbackCommandState)),
  );
  if (isInFlight) return [];
  const notRolledBack = r.targets.flatMap((t) =>
    t.rollbackCommandState && t.rollbackCommandState !== "succeeded"
      ? [{ satelliteId: t.satelliteId, reason: `rollback ${t.rollbackCommandState}` }]
      : [],
  );
  const rolledBack = r.targets.filter((t) => t.state === "rolled_back").length;
  return [{ type: "finish_rollback", rolledBack, notRolledBack }];
}

/** The rollout after `decisions`, as the reconciler writes them; pure, for tests and simulations. */
export function applyDecisions(
  rollout: EngineRollout,
  decisions: readonly Decision[],
  now: Date,
): EngineRollout {
  const r: EngineRollout = {
    ...rollout,
    waves: rollout.waves.map((w) => ({ ...w })),
    targets: rollout.targets.map((t) => ({ ...t })),
  };
  const wave = (index: number) => {
    const found = waveAt(r, index);
    if (!found) throw new Error(`rollout has no wave ${index}`);
    return found;
  };
  // Indexed once: a tick at fleet scale can settle hundreds of targets of a rollout of thousands.
  const byId = new Map(r.targets.map((t) => [t.satelliteId, t]));
  const target = (satelliteId: string) => {
    const found = byId.get(satelliteId);
    if (!found) throw new Error(`rollout has no target ${satelliteId}`);
    return found;
  };
  for (const d of decisions) {
    switch (d.type) {
      case "start_wave": {
        const w = wave(d.wave);
        r.status = "running";
        r.currentWave = d.wave;
        w.status = "running";
        w.startedAt = w.startedAt ?? now;
        break;
      }
      case "request_approval":
        r.status = "awaiting_approval";
        r.currentWave = d.wave;
        wave(d.wave).status = "awaiting_approval";
        break;
      case "wait_for_window":
        for (const w of d.waits) target(w.satelliteId).waitingUntil = w.until;
        break;
      case "upgrade":
        for (const id of d.satelliteIds) {
          const t = target(id);
          t.state = "upgrading";
          t.waitingUntil = null;
          t.commandState = "queued";
          t.commandMessage = null;
        }
        break;
      case "target_succeeded":
        target(d.satelliteId).state = "succeeded";
        break;
      case "target_failed":
        target(d.satelliteId).state = "failed";
        break;
      case "start_bake": {
        const w = wave(d.wave);
        w.status = "baking";
        w.bakeUntil = d.bakeUntil;
        break;
      }
      case "complete_wave":
        wave(d.wave).status = "completed";
        break;
      case "skip_wave":
        wave(d.wave).status = "skipped";
        break;
      case "pause":
        r.status = "paused";
        r.pausedReason = d.reason;
        wave(d.wave).status = "halted";
        break;
      case "complete":
        r.status = d.leftBehind > 0 ? "completed_with_exceptions" : "completed";
        break;
      case "rollback":
        for (const t of d.targets) target(t.satelliteId).rollbackCommandState = "queued";
        break;
      case "target_rolled_back":
        target(d.satelliteId).state = "rolled_back";
        break;
      case "finish_rollback":
        r.status = "rolled_back";
        break;
    }
  }
  return r;
}

/**
 * What resuming a paused rollout changes (the resume itself is a server action). The gate counts failed
 * targets, so going past a tripped gate means retrying them (a fresh upgrade each) or skipping them; only
 * failures a retry can change are retried (`classifyFailure`), the rest are skipped either way. A halted
 * wave restarts on the next tick, and a bake starts afresh.
 */
export function applyResume(rollout: EngineRollout, failedTargets: "retry" | "skip"): EngineRollout {
  return {
    ...rollout,
    status: "running",
    pausedReason: null,
    waves: rollout.waves.map((w) => ({ ...w })),
    targets: rollout.targets.map((t) => {
      if (t.waveIndex !== rollout.currentWave || t.state !== "failed") return { ...t };
      if (failedTargets === "skip" || !classifyFailure(t).isRetryable) return { ...t, state: "skipped" };
      return { ...t, state: "pending", commandState: null, commandMessage: null };
    }),
  };
}

function waveAt(r: EngineRollout, index: number): EngineWave | undefined {
  return r.waves.find((w) => w.index === index);
}

function waveTargets(r: EngineRollout, index: number): EngineTarget[] {
  return r.targets.filter((t) => t.waveIndex === index && t.state !== "excluded");
}
