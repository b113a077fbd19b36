import "server-only";
import { recordAudit } from "../audit";
import { systemActor } from "../auth/actor";
import { db, transaction } from "../db";

/** Records each waiver that ran out, once (expiryAudited), with its audit row in the same transaction. */
export async function expireWaivers(now: Date): Promise<number> {
  const due = await db.policyWaiver.findMany({
    where: { expiresAt: { lte: now }, revokedAt: null, expiryAudited: null },
    include: { satellite: { select: { slug: true } } },
    take: 200,
  });
  for (const w of due) {
    await transaction(async (tx) => {
      const claimed = await tx.policyWaiver.updateMany({
        where: { id: w.id, expiryAudited: null },
        data: { expiryAudited: now },
      });
      if (claimed.count === 0) return; // another pass recorded it
      const target = w.satellite ? w.satellite.slug : `satellites labelled ${w.labelSelector}`;
      await recordAudit(tx, systemActor, {
        action: "policy.waiver-expire",
        targetType: "policy-waiver",
        targetId: w.id,
        summary: `Waiver of ${w.policyId} for ${target} expired`,
        data: {
          policyId: w.policyId,
          satelliteId: w.satelliteId,
          labelSelector: w.labelSelector,
          expiresAt: w.expiresAt.toISOString(),
        },
      });
    });
  }
  return due.length;
}
