import { labelTextOf } from "../labels";
import type { EffectiveOutcome, Outcome } from "./kinds";

// A waiver takes one satellite, or every satellite whose labels match a selector, out of a policy's count
// until it expires. A waived result reads "waived" and is never counted as compliant.

export const MAX_WAIVER_DAYS = 180;

export type WaiverLike = {
  policyId: string;
  satelliteId: string | null;
  labelSelector: string; // "|key=value|…|" (lib/labels encoding), "" when for one satellite
  expiresAt: Date;
  revokedAt: Date | null;
};

export function selectorText(labels: Record<string, string>): string {
  return labelTextOf(labels);
}

/** Whether a waiver is in force at `now`. */
export function waiverLive(w: Pick<WaiverLike, "expiresAt" | "revokedAt">, now: Date): boolean {
  return !w.revokedAt && w.expiresAt.getTime() > now.getTime();
}

/** Whether a live waiver covers this satellite for this policy. `labelText` is the satellite's stored text. */
export function waiverCovers(
  w: WaiverLike,
  policyId: string,
  satellite: { id: string; labelText: string },
  now: Date,
): boolean {
  if (w.policyId !== policyId || !waiverLive(w, now)) return false;
  if (w.satelliteId) return w.satelliteId === satellite.id;
  const pairs = w.labelSelector.split("|").filter(Boolean);
  if (pairs.length === 0) return false;
  // The pairs are stored encoded already; each must appear whole in the satellite's text.
  return pairs.every((pair) => satellite.labelText.includes(`|${pair}|`));
}

/** A result as a reader sees it: "waived" when a live waiver covers it, else its own outcome. */
export function effectiveOutcome(
  result: { policyId: string; satelliteId: string; outcome: Outcome },
  waivers: readonly WaiverLike[],
  satellite: { labelText: string },
  now: Date = new Date(),
): EffectiveOutcome {
  const target = { id: result.satelliteId, labelText: satellite.labelText };
  return waivers.some((w) => waiverCovers(w, result.policyId, target, now)) ? "waived" : result.outcome;
}
