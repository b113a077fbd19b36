import { z } from "zod";
import { SATELLITE_KINDS } from "@/lib/fleet";
import { ROLLOUT_STATUSES } from "./types";

// Forms send strings: "" means not given, "on" a ticked box, and lists come as repeated keys or as text
// separated by commas or new lines. The JSON API sends the real types; both parse with the same schemas.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function toList(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return [];
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((x) => (typeof x === "string" ? x.split(/[\n,]/) : [x]))
    .flatMap((x) => {
      if (typeof x !== "string") return [x];
      const trimmed = x.trim();
      return trimmed ? [trimmed] : [];
    });
}

function toNumber(v: unknown): unknown {
  const value = blankToUndefined(v);
  if (typeof value !== "string") return value;
  const n = Number(value);
  return Number.isNaN(n) ? value : n;
}

function toBoolean(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return false;
  if (v === "on" || v === "true") return true;
  if (v === "false") return false;
  return v;
}

const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.preprocess(toList, z.array(item).max(max, `at most ${max} ${what}`));
const int = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );
const bool = z.preprocess(toBoolean, z.boolean({ error: "must be true or false" }));
const id = z.string().trim().min(1, "is required").max(100);
const overrideReason = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "must be text" })
    .trim()
    .min(8, "say why in at least 8 characters")
    .max(500, "must be at most 500 characters")
    .optional(),
);

/** Which satellites a rollout is for: the filters intersect, hand-picked satellites are added to them. */
export const RolloutSelector = z.object({
  regionIds: list(z.string().max(40), 50, "regions"),
  kinds: list(z.enum(SATELLITE_KINDS, { error: `must be one of ${SATELLITE_KINDS.join(", ")}` }), 4, "kinds"),
  labels: list(
    z
      .string()
      .max(200)
      .regex(/^[^=\s]+=.*$/, 'labels filter as "key=value"'),
    20,
    "labels",
  ),
  /** Satellite ids or slugs. */
  satellites: list(z.string().max(100), 10_000, "satellites"),
});
export type RolloutSelector = z.infer<typeof RolloutSelector>;

export const RolloutPlanInput = RolloutSelector.extend({
  releaseId: id,
  name: z.preprocess(
    blankToUndefined,
    z.string().trim().max(120, "must be at most 120 characters").optional(),
  ),
  /** Cumulative percentages after the canary; planWaves validates them and names the bad one. */
  waves: z
    .preprocess(
      (v) => {
        const value = blankToUndefined(v);
        return Array.isArray(value) || typeof value === "string"
          ? (toList(value) as unknown[]).map(toNumber)
          : value;
      },
      z.array(z.number({ error: "must be a number" }), { error: "must be a list of percentages" }),
    )
    .default([10, 50, 100]),
  canarySize: int(1, 100).default(1),
  isRegionByRegion: bool.default(false),
  maxConcurrency: int(1, 1000).default(5),
  bakeMinutes: int(0, 7 * 24 * 60).default(15),
  failureThresholdPct: z
    .preprocess(
      toNumber,
      z
        .number({ error: "must be a number" })
        .min(0, "must be at least 0 %")
        .max(100, "must be at most 100 %"),
    )
    .default(10),
  requireApproval: bool.default(false),
  /** Saved without starting: a draft holds no satellites until it is started. */
  isDraft: bool.default(false),
  /** Why this rollout may change satellites outside their deployment windows (admins; audited). */
  windowBypass: overrideReason,
  /** Why an admin lets it touch satellites violating an enforce-mode policy (audited). */
  policyOverride: overrideReason,
});
export type RolloutPlanInput = z.infer<typeof RolloutPlanInput>;

export const RolloutRef = z.object({ id });

export const StartRolloutInput = RolloutRef.extend({ policyOverride: overrideReason });

export const PauseRolloutInput = RolloutRef.extend({
  reason: z.string().trim().min(3, "say why, in a few words").max(500, "must be at most 500 characters"),
});

export const ResumeRolloutInput = RolloutRef.extend({
  failedTargets: z.preprocess(
    blankToUndefined,
    z.enum(["retry", "skip"], { error: "choose retry or skip" }).default("retry"),
  ),
  /** Required when the resume skips anyone: the rollout goes on without their validation. */
  reason: z.preprocess(
    blankToUndefined,
    z.string().trim().min(3, "say why, in a few words").max(500, "must be at most 500 characters").optional(),
  ),
});

export const StopRolloutInput = RolloutRef.extend({
  reason: z.preprocess(
    blankToUndefined,
    z.string().trim().max(500, "must be at most 500 characters").optional(),
  ),
});

export const ApproveWaveInput = RolloutRef.extend({ wave: int(0, 1000) });

export const ROLLOUT_PAGE_SIZE = 25;
export const RolloutListQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(["active", "finished", "draft"]).optional()),
  page: z.preprocess(blankToUndefined, int(1, 100_000).default(1)),
});
export type RolloutListQuery = z.infer<typeof RolloutListQuery>;

/** The console's three groups of statuses, or one exact status. */
export const ROLLOUT_STATUS_FILTERS = [
  "active",
  "finished",
  "draft",
  ...ROLLOUT_STATUSES.filter((s) => s !== "draft"),
] as const;

/** The API's filters on the list of rollouts: a status (or group of them) and a release, by id or version. */
export const RolloutFilter = z.object({
  status: z.preprocess(
    blankToUndefined,
    z
      .enum(ROLLOUT_STATUS_FILTERS, { error: `must be one of ${ROLLOUT_STATUS_FILTERS.join(", ")}` })
      .optional(),
  ),
  release: z.preprocess(
    blankToUndefined,
    z.string().trim().max(100, "must be at most 100 characters").optional(),
  ),
});
export type RolloutFilter = z.infer<typeof RolloutFilter>;
