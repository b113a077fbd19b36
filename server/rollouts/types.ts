// The rollout engine's vocabulary: what the reconciler loads for one rollout each tick, what it observes of
// the satellites, and the decisions it writes back. Pure types, no database: the engine runs anywhere.
import type { Connectivity, Health } from "../../lib/connectivity";
import type { CommandState } from "../commands/lifecycle";
import type { TargetState } from "../../lib/rollout-target-states";

export const ROLLOUT_STATUSES = [
  "draft",
  "running",
  "awaiting_approval",
  "paused",
  "completed",
  "completed_with_exceptions",
  "aborted",
  "rolling_back",
  "rolled_back",
] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

export const WAVE_STATUSES = [
  "pending",
  "awaiting_approval",
  "running",
  "baking",
  "completed",
  "skipped",
  "halted",
] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

export { TARGET_STATES, type TargetState } from "../../lib/rollout-target-states";

export type { CommandState };

export type EngineWave = {
  index: number;
  label: string;
  status: WaveStatus;
  approvedAt: Date | null;
  startedAt: Date | null;
  bakeUntil: Date | null;
};

export type EngineTarget = {
  satelliteId: string;
  /** Quoted in pause reasons: operators know satellites by slug, not by id. */
  slug: string;
  /** null for excluded satellites, which belong to no wave. */
  waveIndex: number | null;
  state: TargetState;
  /** State of the target's stack.upgrade command; null before one is issued. */
  commandState: CommandState | null;
  /** The agent's message on a finished upgrade command, quoted in failure reasons. */
  commandMessage?: string | null;
  /** How often the upgrade was delivered: an expired one never delivered means the agent was offline. */
  commandDeliveries?: number | null;
  /** State of the target's stack.rollback command; null or absent before one is issued. */
  rollbackCommandState?: CommandState | null;
  fromVersion: string | null;
  /** Outside its deployment window: when it opens (absent or null when not waiting). */
  waitingUntil?: Date | null;
};

export type EngineRollout = {
  status: RolloutStatus;
  currentWave: number;
  maxConcurrency: number;
  bakeMinutes: number;
  failureThresholdPct: number;
  requireApproval: boolean;
  pausedReason?: string | null;
  waves: EngineWave[];
  targets: EngineTarget[];
};

/** `health` is the effective health (`effectiveHealth`): an offline satellite's is unknown. */
export type SatelliteObservation = { connectivity: Connectivity; health: Health };
/** Whether a satellite may be changed now (`nextOpening`); absent: no window applies, or they are bypassed. */
export type WindowObservation = { open: boolean; opensAt?: Date | null };
export type Observations = {
  satellites: Record<string, SatelliteObservation>;
  windows?: Record<string, WindowObservation>;
};

/**
 * What the reconciler writes for each decision, in order, in one transaction (`applyDecisions` is the
 * reference):
 * - start_wave: rollout running, currentWave = wave; the wave running, startedAt kept or set to now.
 * - request_approval: rollout and wave awaiting_approval, currentWave = wave. Approval (approvedAt) is a server action.
 * - upgrade: a stack.upgrade command per satellite; each target upgrading with its command queued.
 * - wait_for_window: each target's waitingUntil (null: it no longer waits); it stays pending meanwhile.
 * - target_succeeded / target_failed: the target's state, from its finished upgrade command.
 * - start_bake: the wave baking until bakeUntil.
 * - complete_wave: the wave completed.
 * - skip_wave: the wave skipped: it settled without upgrading anyone (its failures were skipped).
 * - pause: rollout paused with pausedReason = reason; the wave halted (the gate tripped there).
 * - complete: rollout completed, or completed_with_exceptions when `leftBehind` targets did not upgrade.
 * - rollback: a stack.rollback command (payload version = toVersion) per satellite; rollbackCommandState queued.
 * - target_rolled_back: the target rolled_back, its rollback command succeeded.
 * - finish_rollback: rollout rolled_back; notRolledBack lists rollback commands that did not succeed.
 */
export type Decision =
  | { type: "start_wave"; wave: number }
  | { type: "request_approval"; wave: number }
  | { type: "upgrade"; wave: number; satelliteIds: string[] }
  | { type: "wait_for_window"; wave: number; waits: { satelliteId: string; until: Date | null }[] }
  | { type: "target_succeeded"; satelliteId: string }
  | { type: "target_failed"; satelliteId: string; reason: string }
  | { type: "start_bake"; wave: number; bakeUntil: Date }
  | { type: "complete_wave"; wave: number }
  | { type: "skip_wave"; wave: number }
  | { type: "pause"; wave: number; reason: string }
  | { type: "complete"; leftBehind: number }
  | { type: "rollback"; targets: { satelliteId: string; toVersion: string | null }[] }
  | { type: "target_rolled_back"; satelliteId: string }
  | {
      type: "finish_rollback";
      rolledBack: number;
      notRolledBack: { satelliteId: string; reason: string }[];
    };

export type DecisionType = Decision["type"];

/** Rollouts that still hold their satellites: a satellite belongs to at most one of them. */
export const ACTIVE_ROLLOUT_STATUSES = ["running", "awaiting_approval", "paused", "rolling_back"] as const;
