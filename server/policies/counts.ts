// Result counts as the compliance pages show them: waived apart, never compliant.
import type { EffectiveOutcome } from "@/lib/policies/kinds";

export type Counts = {
  compliant: number;
  violation: number;
  unknown: number;
  waived: number;
  total: number;
  percent: number | null;
};

export function emptyCounts(): Counts {
  return { compliant: 0, violation: 0, unknown: 0, waived: 0, total: 0, percent: null };
}

export function addCount(c: Counts, outcome: EffectiveOutcome, n = 1): void {
  c[outcome] += n;
  c.total += n;
  c.percent = c.total ? Math.round((c.compliant / c.total) * 1000) / 10 : null;
}
