import "server-only";
import { transaction, type Tx } from "../db";
import { looksLikeRecoveryCode } from "./recovery-codes";
import { hashRecoveryCode, openSecret } from "./secret-box";
import { checkTotp } from "./totp";

export type SecondFactor = { isValid: true; via: "totp" | "recovery-code" } | { isValid: false };

/**
 * Checks an authenticator code or an unused recovery code for a user with two-factor on. The accepted step
 * is stored with a guard on the previous one, so two requests racing with one code cannot both pass.
 */
export async function checkSecondFactor(
  userId: string,
  code: string,
  now = new Date(),
): Promise<SecondFactor> {
  return transaction((tx) => checkSecondFactorIn(tx, userId, code, now));
}

export async function checkSecondFactorIn(
  tx: Tx,
  userId: string,
  code: string,
  now: Date,
): Promise<SecondFactor> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return { isValid: false };
  if (looksLikeRecoveryCode(code) && !/^\d+$/.test(code.trim())) {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: now },
    });
    return count === 1 ? { isValid: true, via: "recovery-code" } : { isValid: false };
  }
  const secret = openSecret(user.totpSecret);
  if (!secret) return { isValid: false };
  const check = checkTotp(secret, code, user.totpLastStep, now.getTime());
  if (!check.isValid) return { isValid: false };
  const { count } = await tx.user.updateMany({
    where: {
      id: userId,
      OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.step } }],
    },
    data: { totpLastStep: check.step },
  });
  return count === 1 ? { isValid: true, via: "totp" } : { isValid: false };
}
