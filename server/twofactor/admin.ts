import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction } from "../db";
import { AppError, parseInput } from "../errors";

export type TwoFactorUser = { id: string; email: string; name: string; role: string; enabledAt: string };

/** Local accounts with two-factor on, for the admin who may reset it. */
export async function listTwoFactorUsers(ctx: Ctx): Promise<TwoFactorUser[]> {
  authorize(ctx, "users.manage");
  const rows = await db.user.findMany({
    where: { totpEnabledAt: { not: null } },
    select: { id: true, email: true, name: true, role: true, totpEnabledAt: true },
    orderBy: { email: "asc" },
  });
  return rows.map((u) => ({ ...u, enabledAt: u.totpEnabledAt!.toISOString() }));
}

/**
 * Turns a person's two-factor off (a lost phone and lost recovery codes) and ends their sessions; they
 * enrol again at their next sign-in if two-factor is required of them.
 */
export async function resetTwoFactor(ctx: Ctx, input: unknown): Promise<void> {
  authorize(ctx, "users.manage");
  const { id } = parseInput(z.object({ id: z.string().min(1).max(40) }), input);
  if (id === personOf(ctx.actor)) {
    throw new AppError("PRECONDITION_FAILED", "You cannot reset your own two-factor; ask another admin.");
  }
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await tx.user.update({
      where: { id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, ctx, {
      action: "user.two-factor-reset",
      targetType: "user",
      targetId: id,
      summary: `Reset the two-factor of ${user.email}`,
    });
  });
}
