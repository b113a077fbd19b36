import type { EffectiveOutcome } from "@/lib/policies/kinds";

// Waived is its own tone (an accepted exception), never the compliant green.
const TONE: Record<EffectiveOutcome, string> = {
  compliant: "ok",
  violation: "bad",
  unknown: "",
  waived: "accent",
};

export const OUTCOME_LABEL: Record<EffectiveOutcome, string> = {
  compliant: "compliant",
  violation: "violation",
  unknown: "unknown",
  waived: "waived",
};

export function OutcomePill({ value }: { value: EffectiveOutcome | null }) {
  if (value === null) return <span className="pill plain">not in scope</span>;
  return <span className={`pill ${TONE[value]}`}>{OUTCOME_LABEL[value]}</span>;
}
