import { z } from "zod";
import type { Severity } from "../notify/notice";
import { isDottedVersion } from "../rollouts/plan";

// The kinds of alert rule: what each watches, how bad it is, and the settings it takes. Pure.

export const ALERT_KINDS = [
  "satellite_offline",
  "region_impacted",
  "rollout_paused",
  "command_failed",
  "agent_outdated",
  "compliance_violation",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type KindInfo = {
  label: string;
  description: string;
  severity: Severity;
  /** What each alert of the kind is about: one per satellite, region, rollout or command. */
  groupsBy: "satellite" | "region" | "rollout" | "command";
  /** Not yet offered on the form, with the reason shown beside it. */
  unavailable?: string;
};

export const KIND_INFO: Record<AlertKind, KindInfo> = {
  satellite_offline: {
    label: "Satellite offline",
    description: "A satellite has been offline for more than the minutes you set.",
    severity: "critical",
    groupsBy: "satellite",
  },
  region_impacted: {
    label: "Region impacted",
    description: "At least the share you set of a region's satellites is offline or critical.",
    severity: "critical",
    groupsBy: "region",
  },
  rollout_paused: {
    label: "Rollout paused or failed",
    description: "A rollout paused itself at a failure gate, or finished leaving satellites behind.",
    severity: "warning",
    groupsBy: "rollout",
  },
  command_failed: {
    label: "Command failed",
    description: "A command sent to a satellite failed.",
    severity: "warning",
    groupsBy: "command",
  },
  agent_outdated: {
    label: "Agent outdated",
    description: "A satellite's agent is older than the version you set.",
    severity: "info",
    groupsBy: "satellite",
  },
  compliance_violation: {
    label: "Compliance violation",
    description: "A satellite breaks a governance policy.",
    severity: "critical",
    groupsBy: "satellite",
    unavailable: "available with the governance policies",
  },
};

export const SELECTABLE_KINDS = ALERT_KINDS.filter((k) => !KIND_INFO[k].unavailable);

/** Event alerts (a failed command, a finished rollout) stay open this long, then close without a message. */
export const EVENT_WINDOW_MIN = 60;

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: `Enter the ${label} as a number` })
      .int(`Enter the ${label} as a whole number`)
      .min(min, `The ${label} must be at least ${min}`)
      .max(max, `The ${label} must be at most ${max}`),
  );

export const KIND_PARAMS = {
  satellite_offline: z.object({ minutes: wholeNumber("minutes", 1, 10_080).default(5) }),
  region_impacted: z.object({ percent: wholeNumber("percentage", 1, 100).default(25) }),
  rollout_paused: z.object({}),
  command_failed: z.object({}),
  agent_outdated: z.object({
    version: z
      .string({ error: "Enter the oldest agent version that is fine" })
      .trim()
      .min(1, "Enter the oldest agent version that is fine")
      .refine(isDottedVersion, "Write the version as dotted numbers, such as 1.4.0"),
  }),
  compliance_violation: z.object({}),
} satisfies Record<AlertKind, z.ZodType>;

export type KindParams = {
  satellite_offline: { minutes: number };
  region_impacted: { percent: number };
  rollout_paused: Record<string, never>;
  command_failed: Record<string, never>;
  agent_outdated: { version: string };
  compliance_violation: Record<string, never>;
};

/** A short sentence of a rule's condition, for lists. */
export function describeCondition(kind: AlertKind, params: Record<string, unknown>): string {
  switch (kind) {
    case "satellite_offline":
      return `offline for more than ${params.minutes ?? 5} min`;
    case "region_impacted":
      return `≥ ${params.percent ?? 25} % of a region offline or critical`;
    case "agent_outdated":
      return `agent older than ${String(params.version ?? "?")}`;
    default:
      return KIND_INFO[kind].description.replace(/\.$/, "").toLowerCase();
  }
}
