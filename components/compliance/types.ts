// The shapes the compliance views render. Pages map the policy engine's answers onto them, so a view
// never depends on how a posture was computed.
import type { EffectiveOutcome, Mode, Severity } from "@/lib/policies/kinds";

/** One policy's result for one satellite. `since` is when the result last flipped (ISO), if known. */
export type PostureRowView = {
  policyId: string;
  name: string;
  version: number;
  severity: Severity;
  mode: Mode;
  outcome: EffectiveOutcome;
  reason: string;
  since: string | null;
  waiverReason?: string | null;
  waiverExpiresAt?: string | null;
};

/** One cell of the matrix: a policy in a region. `percent` is of the satellites in scope, null when none. */
export type MatrixCellView = {
  regionId: string;
  compliant: number;
  violation: number;
  unknown: number;
  waived: number;
};

export type MatrixRowView = {
  policyId: string;
  name: string;
  severity: Severity;
  mode: Mode;
  cells: MatrixCellView[];
};

export type MatrixView = {
  regions: { id: string; name: string; color: string }[];
  rows: MatrixRowView[];
};

/** One UTC day of the trend: the compliant share of results at its end, per the change history. */
export type TrendPointView = {
  day: string;
  compliant: number;
  total: number;
  percent: number | null;
};

export function cellTotal(c: Omit<MatrixCellView, "regionId">): number {
  return c.compliant + c.violation + c.unknown + c.waived;
}

/** Percent compliant of the satellites in scope; waived and unknown never count as compliant. */
export function percentCompliant(c: Omit<MatrixCellView, "regionId">): number | null {
  const total = cellTotal(c);
  return total === 0 ? null : Math.floor((c.compliant / total) * 100);
}

/** One satellite's result in the report, as it stood at the report's moment. */
export type ReportSatelliteView = {
  satelliteId: string;
  slug: string;
  regionId: string;
  outcome: EffectiveOutcome;
  reason: string;
  since: string | null;
};

export type ReportPolicyView = {
  policyId: string;
  name: string;
  version: number;
  severity: Severity;
  mode: Mode;
  frameworks: string[];
  /** Every satellite's result counted, shown or not. */
  counts: { compliant: number; violation: number; unknown: number; waived: number; total: number };
  /** The satellites listed: all of them, or the first ones, violations first, when the list is capped. */
  satellites: ReportSatelliteView[];
  /** Satellites not listed (the CSV has them all). */
  more: number;
};

export type ReportWaiverView = {
  id: string;
  policyId: string;
  /** A satellite's slug, or the label selector as key=value pairs. */
  target: string;
  reason: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  createdBy: string | null;
};

/** An audit entry that changed a policy or a waiver in the report's period. */
export type ReportAuditView = {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  summary: string;
};

export type ReportView = {
  at: string;
  from: string;
  region: string | null;
  framework: string | null;
  policies: ReportPolicyView[];
  waivers: ReportWaiverView[];
  audit: ReportAuditView[];
};
