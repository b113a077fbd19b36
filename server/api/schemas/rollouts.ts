import { z } from "zod";
import { CONNECTIVITY, HEALTH } from "@/lib/connectivity";
import { TARGET_STATES } from "@/lib/rollout-target-states";
import { COMMAND_STATES } from "../../commands/lifecycle";
import type { RolloutPreview } from "../../rollouts/create";
import type { RolloutSummary } from "../../rollouts/list";
import {
  ApproveWaveInput,
  PauseRolloutInput,
  ResumeRolloutInput,
  RolloutFilter,
  RolloutPlanInput,
  StopRolloutInput,
} from "../../rollouts/schemas";
import { ROLLOUT_STATUSES, WAVE_STATUSES } from "../../rollouts/types";
import type { RolloutDetail } from "../../rollouts/views";
import { pageQuery } from "../pagination";

const when = z.string().meta({ format: "date-time" });
const maybeWhen = when.nullable();

const counts = z
  .object({
    total: z.number().int().meta({ description: "Targets taking part: every state but excluded." }),
    pending: z.number().int(),
    excluded: z.number().int(),
    upgrading: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    rolled_back: z.number().int(),
  })
  .meta({ id: "RolloutCounts" });

const status = z.enum(ROLLOUT_STATUSES).meta({ id: "RolloutStatus" });

export const rolloutSummarySchema: z.ZodType<RolloutSummary> = z
  .object({
    id: z.string(),
    name: z.string(),
    status,
    release: z.object({ id: z.string(), version: z.string() }),
    counts,
    currentWave: z.object({ index: z.number().int(), label: z.string(), status: z.string() }).nullable(),
    waveCount: z.number().int(),
    pausedReason: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: when,
    startedAt: maybeWhen,
    finishedAt: maybeWhen,
  })
  .meta({ id: "RolloutSummary" });

const command = z
  .object({
    state: z.enum(COMMAND_STATES),
    message: z.string().nullable(),
    issuedAt: when,
    deliveredAt: maybeWhen,
    finishedAt: maybeWhen,
    deliveries: z.number().int(),
  })
  .nullable();

const target = z.object({
  satelliteId: z.string(),
  slug: z.string(),
  name: z.string(),
  regionId: z.string(),
  lat: z.number(),
  lon: z.number(),
  waveIndex: z.number().int().nullable().meta({ description: "null for an excluded satellite." }),
  state: z.enum(TARGET_STATES),
  excludedReason: z.string().nullable(),
  waitingUntil: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "Waiting for its deployment window, which opens then; null when not waiting." }),
  fromVersion: z.string().nullable(),
  stackVersion: z.string().nullable(),
  connectivity: z.enum(CONNECTIVITY),
  health: z.enum(HEALTH),
  upgrade: command,
  rollback: command,
  failure: z.object({ isRetryable: z.boolean(), reason: z.string() }).nullable(),
});

const wave = z.object({
  index: z.number().int().meta({ description: "0 is the canary." }),
  label: z.string(),
  status: z.enum(WAVE_STATUSES),
  counts,
  estimateMinutes: z.number(),
  startedAt: maybeWhen,
  bakeUntil: maybeWhen,
  finishedAt: maybeWhen,
  approvedAt: maybeWhen,
  approvedBy: z.string().nullable(),
});

export const rolloutSchema: z.ZodType<RolloutDetail> = z
  .object({
    id: z.string(),
    name: z.string(),
    status,
    pausedReason: z.string().nullable(),
    windowBypassReason: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "Why an admin let it change satellites outside their deployment windows." }),
    policyOverrideReason: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "Why an admin let it past an enforced policy." }),
    release: z.object({
      id: z.string(),
      version: z.string(),
      artifactSizeMb: z.number(),
      minAgentVersion: z.string(),
    }),
    selector: z.object({
      regionIds: z.array(z.string()),
      kinds: z.array(z.string()),
      labels: z.array(z.string()),
      satellites: z.array(z.string()),
    }),
    maxConcurrency: z.number().int(),
    bakeMinutes: z.number().int(),
    failureThresholdPct: z.number(),
    requireApproval: z.boolean(),
    isRegionByRegion: z.boolean(),
    currentWave: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: when,
    startedAt: maybeWhen,
    finishedAt: maybeWhen,
    counts,
    waves: z.array(wave),
    targets: z.array(target),
    leftBehind: z
      .array(
        z.object({
          satelliteId: z.string(),
          slug: z.string(),
          name: z.string(),
          regionId: z.string(),
          state: z.enum(TARGET_STATES),
          reason: z.string(),
        }),
      )
      .meta({
        description: "Once it completed with exceptions: the satellites it did not upgrade, and why.",
      }),
    regions: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
    can: z
      .object({
        pause: z.boolean(),
        resume: z.boolean(),
        abort: z.boolean(),
        rollBack: z.boolean(),
        approve: z.boolean(),
        start: z.boolean(),
        retry: z.boolean(),
        scopeProblem: z.string().nullable(),
      })
      .meta({ description: "What the caller may do to it now: its status, their role and region scope." }),
  })
  .meta({ id: "Rollout" });

export const rolloutPreviewSchema: z.ZodType<RolloutPreview> = z
  .object({
    release: z.object({
      id: z.string(),
      version: z.string(),
      certifiedRegionIds: z.array(z.string()),
      minAgentVersion: z.string(),
    }),
    selectedCount: z.number().int(),
    targetCount: z.number().int(),
    exclusionCount: z.number().int(),
    exclusions: z.array(
      z.object({ slug: z.string(), name: z.string(), regionId: z.string(), reason: z.string() }),
    ),
    waves: z.array(
      z.object({
        index: z.number().int(),
        label: z.string(),
        size: z.number().int(),
        estimateMinutes: z
          .number()
          .meta({ description: "Minutes, including the time its satellites wait for deployment windows." }),
        waitMinutes: z.number().optional().meta({ description: "Of which waiting for deployment windows." }),
      }),
    ),
    totalMinutes: z.number(),
    blockers: z.array(z.string()).meta({
      description:
        "Why creating it now would be refused, an enforced policy the targets violate among them; empty if not.",
    }),
    overriddenPolicies: z.array(z.string()).meta({
      description:
        "Enforced policies the targets violate that the given policyOverride lets it past (audited).",
    }),
    windowNotes: z
      .array(z.string())
      .meta({ description: "How deployment windows hold its waves, in words." }),
    points: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        lat: z.number(),
        lon: z.number(),
        isTarget: z.boolean(),
      }),
    ),
  })
  .meta({ id: "RolloutPreview" });

export const rolloutListQuery = RolloutFilter.extend(pageQuery.shape);

export const createRolloutBody = RolloutPlanInput.meta({ id: "CreateRollout" });

// The actions' bodies: the console's schemas without the id, which the path names.
export const pauseRolloutBody = PauseRolloutInput.omit({ id: true }).meta({ id: "PauseRollout" });
export const resumeRolloutBody = ResumeRolloutInput.omit({ id: true }).meta({ id: "ResumeRollout" });
export const stopRolloutBody = StopRolloutInput.omit({ id: true }).meta({ id: "StopRollout" });
export const approveWaveBody = ApproveWaveInput.omit({ id: true }).meta({ id: "ApproveWave" });
