import type { RuleKind } from "@/lib/policies/kinds";

// The inputs each rule kind's parameters take in the policy form (the server's schema in
// lib/policies/kinds.ts decides what is valid).

export type ParamField = { name: string; label: string; type: "number" | "text" | "list"; hint?: string };

export const PARAM_FIELDS: Record<RuleKind, ParamField[]> = {
  "release-residency": [],
  "min-agent-version": [
    { name: "version", label: "Minimum agent version", type: "text", hint: "e.g. 1.4.0" },
  ],
  "patch-currency": [{ name: "maxPending", label: "Pending security updates at most", type: "number" }],
  "disk-encryption": [],
  "clock-offset": [{ name: "maxOffsetMs", label: "Clock offset below (ms)", type: "number" }],
  fips: [],
  reporting: [{ name: "withinMinutes", label: "Last heartbeat within (minutes)", type: "number" }],
  backup: [{ name: "withinHours", label: "Last backup within (hours)", type: "number" }],
  "required-labels": [
    { name: "labels", label: "Required labels", type: "list", hint: "e.g. owner, cost-center" },
  ],
};
