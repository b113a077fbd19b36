import "server-only";
import { evaluate } from "@/lib/policies/evaluate";
import { changeFixes, type PolicyChange } from "@/lib/policies/fixes";
import { isRuleKind } from "@/lib/policies/kinds";
import { waiverCovers } from "@/lib/policies/waivers";
import { db, type Tx } from "../db";
import { loadActivePolicies, loadLiveWaivers, loadSatellites } from "./current";

/** An enforce-mode policy a change would leave violated, and on which of the targeted satellites. */
export type EnforcedViolation = { policyId: string; policyName: string; satelliteIds: string[] };

export type { PolicyChange };

/**
 * The targeted satellites that are in violation, now, of an `enforce` policy this change does not fix;
 * empty when the change may go ahead. Evaluated live rather than read from stored results, so a policy
 * switched to enforce a second ago already counts. A live waiver exempts its satellites. Containment and
 * read-only commands (cordon, maintenance, diagnostics, credential rotation) are never blocked: they cannot
 * make a posture worse. A rollout fixes a release-residency violation when its release is certified for the
 * satellite's region; a stack.upgrade command fixes it too (its residency check refuses any other release).
 *
 * Callers decide what to do with the answer (refuse naming the policy and satellites, or accept an admin's
 * audited override); this function only reads. Pass the caller's transaction as `tx` when inside one.
 */
export async function findEnforcedViolations(
  satelliteIds: string[],
  change: PolicyChange,
  tx: Tx = db,
  now: Date = new Date(),
): Promise<EnforcedViolation[]> {
  if (satelliteIds.length === 0) return [];
  const policies = await loadActivePolicies(tx, { mode: "enforce" });
  if (policies.length === 0) return [];
  const [targets, waivers, carried] = await Promise.all([
    loadSatellites([...new Set(satelliteIds)], tx),
    loadLiveWaivers(
      policies.map((p) => p.id),
      now,
      tx,
    ),
    carriedRelease(change, tx),
  ]);
  const found: EnforcedViolation[] = [];
  for (const policy of policies) {
    const ids: string[] = [];
    for (const { satellite, facts } of targets) {
      const result = evaluate(policy, satellite, facts, now);
      if (result?.outcome !== "violation") continue;
      if (isRuleKind(policy.kind) && changeFixes(policy.kind, change, satellite.regionId, carried)) continue;
      if (waivers.some((w) => waiverCovers(w, policy.id, satellite, now))) continue;
      ids.push(satellite.id);
    }
    if (ids.length) found.push({ policyId: policy.id, policyName: policy.name, satelliteIds: ids });
  }
  return found;
}

async function carriedRelease(
  change: PolicyChange,
  tx: Tx,
): Promise<{ certifiedRegionIds: string[] } | null> {
  const releaseId = change.releaseId;
  if (!releaseId) return null;
  const rows = await tx.releaseRegion.findMany({ where: { releaseId }, select: { regionId: true } });
  return { certifiedRegionIds: rows.map((r) => r.regionId) };
}

/** One sentence for a refusal: "Policy Disk encryption (enforced) is violated by fra-01, fra-02 and 3 more." */
export function describeViolations(
  found: EnforcedViolation[],
  slugOf: (id: string) => string = (id) => id,
): string {
  return found
    .map((v) => {
      const names = v.satelliteIds.slice(0, 3).map(slugOf);
      const more = v.satelliteIds.length - names.length;
      return `${v.policyName} (enforced) is violated by ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    })
    .join("; ");
}
