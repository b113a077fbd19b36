// What the console shows of rollouts: plain JSON-ready shapes, shared by the pages, the live endpoint and
// the browser components (which import these types only).
import type { Connectivity, Health } from "@/lib/connectivity";
import type { CommandState, RolloutStatus, TargetState, WaveStatus } from "./types";

export type TargetCounts = Record<TargetState, number> & { total: number };

export function emptyCounts(): TargetCounts {
  return {
    total: 0,
    pending: 0,
    excluded: 0,
    upgrading: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    rolled_back: 0,
  };
}

export type CommandView = {
  state: CommandState;
  message: string | null;
  issuedAt: string;
  deliveredAt: string | null;
  finishedAt: string | null;
  deliveries: number;
};

export type RolloutTargetView = {
  satelliteId: string;
  slug: string;
  name: string;
  regionId: string;
  lat: number;
  lon: number;
  waveIndex: number | null;
  state: TargetState;
  excludedReason: string | null;
  /** Waiting for its deployment window, which opens then (ISO); absent or null when not waiting. */
  waitingUntil?: string | null;
  fromVersion: string | null;
  stackVersion: string | null;
  connectivity: Connectivity;
  health: Health;
  upgrade: CommandView | null;
  rollback: CommandView | null;
  /** For a failed target: why, and whether a retry can change it (`classifyFailure`). */
  failure: { isRetryable: boolean; reason: string } | null;
};

/** A satellite a finished rollout did not bring to the release, and why. */
export type LeftBehindView = {
  satelliteId: string;
  slug: string;
  name: string;
  regionId: string;
  state: TargetState;
  reason: string;
};

export type RolloutWaveView = {
  index: number;
  label: string;
  status: WaveStatus;
  counts: TargetCounts;
  estimateMinutes: number;
  startedAt: string | null;
  bakeUntil: string | null;
  finishedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
};

/** What the caller may do to the rollout now: its status, their role and their region scope together. */
export type RolloutAbilities = {
  pause: boolean;
  resume: boolean;
  abort: boolean;
  rollBack: boolean;
  approve: boolean;
  start: boolean;
  /** Start a new rollout for the satellites a rollout that completed with exceptions left behind. */
  retry: boolean;
  /** Why a scoped operator sees no controls but pause. */
  scopeProblem: string | null;
};

export type RolloutDetail = {
  id: string;
  name: string;
  status: RolloutStatus;
  pausedReason: string | null;
  /** Why an admin let it change satellites outside their deployment windows, if they did. */
  windowBypassReason?: string | null;
  /** Why an admin let it past an enforced policy, if they did. */
  policyOverrideReason?: string | null;
  release: { id: string; version: string; artifactSizeMb: number; minAgentVersion: string };
  selector: { regionIds: string[]; kinds: string[]; labels: string[]; satellites: string[] };
  maxConcurrency: number;
  bakeMinutes: number;
  failureThresholdPct: number;
  requireApproval: boolean;
  isRegionByRegion: boolean;
  currentWave: number;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: TargetCounts;
  waves: RolloutWaveView[];
  targets: RolloutTargetView[];
  /** Listed once the rollout completed with exceptions; empty otherwise. */
  leftBehind: LeftBehindView[];
  /** The colour and name of each region its targets are in, for the region swatches. */
  regions: { id: string; name: string; color: string }[];
  can: RolloutAbilities;
};
