import { z } from "zod";

// The rule kinds a policy may use, each with the parameters it takes. Adding a kind means one entry here,
// one case in evaluate.ts, and (if a change can fix it) one line in fixes.ts.

const minutes = (label: string, max: number) => z.number().int().min(1).max(max).meta({ label });
const labelKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.\/-]{0,62}$/, "is not a label key")
  .meta({ label: "Label" });

export const RULE_PARAMS = {
  "release-residency": z.object({}),
  "min-agent-version": z.object({
    version: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+){0,3}$/, "is not a dotted version such as 1.4.0")
      .meta({ label: "Minimum agent version" }),
  }),
  "patch-currency": z.object({
    maxPending: z.number().int().min(0).max(10_000).meta({ label: "Pending security updates at most" }),
  }),
  "disk-encryption": z.object({}),
  "clock-offset": z.object({ maxOffsetMs: minutes("Clock offset below (ms)", 3_600_000) }),
  fips: z.object({}),
  reporting: z.object({ withinMinutes: minutes("Last heartbeat within (minutes)", 10_080) }),
  backup: z.object({ withinHours: minutes("Last backup within (hours)", 8_760) }),
  "required-labels": z.object({
    labels: z.array(labelKey).min(1).max(20).meta({ label: "Required labels" }),
  }),
} as const;

export type RuleKind = keyof typeof RULE_PARAMS;
export const RULE_KINDS = Object.keys(RULE_PARAMS) as RuleKind[];
export type RuleParams<K extends RuleKind> = z.infer<(typeof RULE_PARAMS)[K]>;

export function isRuleKind(kind: string): kind is RuleKind {
  return Object.hasOwn(RULE_PARAMS, kind);
}

/** What each kind checks, in a sentence for lists and forms. */
export const RULE_LABELS: Record<RuleKind, string> = {
  "release-residency": "Runs a release certified for its compliance region",
  "min-agent-version": "Agent at or above a minimum version",
  "patch-currency": "At most N pending security updates",
  "disk-encryption": "Disk encryption on",
  "clock-offset": "Clock synchronised, offset below N ms",
  fips: "FIPS mode on",
  reporting: "Last heartbeat within N minutes",
  backup: "Last backup within N hours",
  "required-labels": "Required labels present",
};

/** Kinds whose answer comes from the host facts an agent reports (so no facts, or stale ones, is unknown). */
export const FACT_KINDS: ReadonlySet<RuleKind> = new Set([
  "patch-currency",
  "disk-encryption",
  "clock-offset",
  "fips",
  "backup",
]);

/** Parses a kind's parameters; the issues name fields under `params.`. */
export function parseParams(kind: RuleKind, params: unknown) {
  return RULE_PARAMS[kind].safeParse(params ?? {});
}

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const MODES = ["audit", "enforce"] as const;
export type Mode = (typeof MODES)[number];
export const OUTCOMES = ["compliant", "violation", "unknown"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** What a reader sees: a result, or "waived" when a live waiver covers it (never counted as compliant). */
export type EffectiveOutcome = Outcome | "waived";
