import "server-only";
import { z } from "zod";
import { labelPairsOf } from "@/lib/labels";
import { MAX_WAIVER_DAYS, selectorText } from "@/lib/policies/waivers";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, validationError } from "../errors";

const DAY = 86_400_000;

export const CreateWaiverInput = z
  .object({
    policyId: z.string().trim().min(1).max(80).meta({ label: "Policy" }),
    satelliteId: z.string().trim().min(1).max(80).optional().meta({ label: "Satellite" }),
    labels: z
      .record(z.string().trim().min(1).max(63), z.string().trim().min(1).max(200))
      .optional()
      .meta({ label: "Label selector" }),
    reason: z
      .string()
      .trim()
      .min(10, "must say why, in at least 10 characters")
      .max(500)
      .meta({ label: "Reason" }),
    expiresAt: z.coerce.date().meta({ label: "Expires" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const hasLabels = Object.keys(v.labels ?? {}).length > 0;
    if (!v.satelliteId === !hasLabels) {
      ctx.addIssue({
        code: "custom",
        path: ["satelliteId"],
        message: "name one satellite or a label selector, not both",
      });
    }
  });
export type CreateWaiverInput = z.input<typeof CreateWaiverInput>;

/** Waives a policy for one satellite or a label selector until `expiresAt` (at most 180 days ahead). */
export async function createWaiver(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  authorize(ctx, "policies.manage");
  const parsed = CreateWaiverInput.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const { policyId, satelliteId, labels, reason, expiresAt } = parsed.data;
  const fail = (field: string, message: string) =>
    new AppError("VALIDATION", `${field}: ${message}`, { fields: { [field]: message } });
  if (expiresAt.getTime() <= now.getTime()) throw fail("expiresAt", "must be in the future");
  if (expiresAt.getTime() > now.getTime() + MAX_WAIVER_DAYS * DAY)
    throw fail("expiresAt", `must be within ${MAX_WAIVER_DAYS} days`);
  return transaction(async (tx) => {
    const policy = await tx.policy.findUnique({ where: { id: policyId }, select: { archivedAt: true } });
    if (!policy || policy.archivedAt) throw fail("policyId", `no active policy ${policyId}`);
    let slug: string | null = null;
    if (satelliteId) {
      const sat = await tx.satellite.findFirst({
        where: { OR: [{ id: satelliteId }, { slug: satelliteId }] },
        select: { id: true, slug: true },
      });
      if (!sat) throw fail("satelliteId", `no satellite ${satelliteId}`);
      slug = sat.slug;
      parsed.data.satelliteId = sat.id;
    }
    const labelSelector = labels ? selectorText(labels) : "";
    const row = await tx.policyWaiver.create({
      data: {
        policyId,
        satelliteId: parsed.data.satelliteId ?? null,
        labelSelector,
        reason,
        expiresAt,
        createdById: personOf(ctx.actor),
      },
    });
    const target = slug ?? `satellites labelled ${labelPairsOf(labelSelector).join(", ")}`;
    await recordAudit(tx, ctx, {
      action: "policy.waiver-create",
      targetType: "policy-waiver",
      targetId: row.id,
      summary: `Waived ${policyId} for ${target} until ${expiresAt.toISOString().slice(0, 10)}: ${reason}`,
      data: {
        policyId,
        satelliteId: row.satelliteId,
        labelSelector,
        reason,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { id: row.id, expiresAt };
  });
}

/** Ends a waiver now; the policy counts against its satellites again at once. */
export async function revokeWaiver(ctx: Ctx, id: unknown, now = new Date()): Promise<void> {
  authorize(ctx, "policies.manage");
  const parsedId = z.string().trim().min(1).max(80).safeParse(id);
  if (!parsedId.success) throw validationError(parsedId.error, "id");
  await transaction(async (tx) => {
    const w = await tx.policyWaiver.findUnique({ where: { id: parsedId.data } });
    if (!w) throw new AppError("NOT_FOUND", `No waiver ${parsedId.data}.`);
    if (w.revokedAt) throw new AppError("CONFLICT", "This waiver was already revoked.");
    if (w.expiresAt <= now) throw new AppError("CONFLICT", "This waiver has already expired.");
    await tx.policyWaiver.update({ where: { id: w.id }, data: { revokedAt: now } });
    await recordAudit(tx, ctx, {
      action: "policy.waiver-revoke",
      targetType: "policy-waiver",
      targetId: w.id,
      summary: `Revoked the waiver of ${w.policyId}`,
      data: { policyId: w.policyId, satelliteId: w.satelliteId, labelSelector: w.labelSelector },
    });
  });
}
