import "server-only";
import { qrSvg } from "./qr";
import { z } from "zod";
import { recordAudit } from "../audit";
import type { UserActor } from "../auth/actor";
import { verifyPassword } from "../auth/password";
import { db, transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import { newRecoveryCodes } from "./recovery-codes";
import { hashRecoveryCode, openSecret, sealSecret } from "./secret-box";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

/** Who is enrolling: the signed-in person, or one half-way through signing in who must enrol first. */
export type Enrollee = { userId: string; ip?: string };

/** `qrSvg`: the `uri` as an SVG QR code, for the enrolment page to show beside the key. */
export type EnrolmentStart = { secret: string; uri: string; email: string; qrSvg: string };
export type TwoFactorState = {
  isEnabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  isSso: boolean;
};

const CodeInput = z.object({ code: z.string().trim().min(1, "is required").max(20) });
const PasswordInput = z.object({ password: z.string().min(1, "is required").max(200) });

async function userOf(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt) throw new AppError("UNAUTHORIZED", "Sign in again.");
  return user;
}

const actorOf = (u: { id: string; email: string; name: string; role: UserActor["role"] }): UserActor => ({
  kind: "user",
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  regionIds: null,
});

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

export async function twoFactorState(userId: string): Promise<TwoFactorState> {
  const [user, left] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, ssoProvider: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return {
    isEnabled: !!user.totpEnabledAt,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.totpEnabledAt ? left : 0,
    isSso: !!user.ssoProvider,
  };
}

/**
 * Shows the secret to enrol (the same one until it is confirmed, so a reload keeps the QR code the app
 * already scanned). Nothing is on until a first code confirms it.
 */
export async function startEnrolment({ userId }: Enrollee): Promise<EnrolmentStart> {
  const start = await transaction(async (tx) => {
    const user = await userOf(tx, userId);
    if (user.ssoProvider)
      throw new AppError("PRECONDITION_FAILED", "Your identity provider handles two-factor.");
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor is already on.");
    let secret = user.totpSecret ? openSecret(user.totpSecret) : null;
    if (!secret) {
      secret = newTotpSecret();
      await tx.user.update({
        where: { id: userId },
        data: { totpSecret: sealSecret(secret), totpLastStep: null },
      });
    }
    return { secret, uri: totpUri(secret, user.email), email: user.email };
  });
  return { ...start, qrSvg: await qrSvg(start.uri) };
}

/** Turns two-factor on with a first valid code, and answers the 10 recovery codes, shown this once. */
export async function confirmEnrolment(who: Enrollee, input: unknown, now = new Date()): Promise<string[]> {
  const { code } = parseInput(CodeInput, input);
  return transaction(async (tx) => {
    const user = await userOf(tx, who.userId);
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor is already on.");
    const secret = user.totpSecret ? openSecret(user.totpSecret) : null;
    if (!secret) throw new AppError("PRECONDITION_FAILED", "Start again: the enrolment has expired.");
    const check = checkTotp(secret, code, null, now.getTime());
    if (!check.isValid) {
      const message = "is not the current code of your authenticator app";
      throw new AppError("VALIDATION", `code: ${message}`, { fields: { code: message } });
    }
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: now, totpLastStep: check.step } });
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(
      tx,
      { actor: actorOf(user), ip: who.ip },
      {
        action: "user.two-factor-on",
        targetType: "user",
        targetId: user.id,
        summary: `${user.email} turned on two-factor`,
      },
    );
    return codes;
  });
}

/** New recovery codes (the old ones stop working), after the person re-enters their password. */
export async function regenerateRecoveryCodes(who: Enrollee, input: unknown): Promise<string[]> {
  const { password } = parseInput(PasswordInput, input);
  const user = await userOf(db, who.userId);
  if (!user.totpEnabledAt) throw new AppError("PRECONDITION_FAILED", "Two-factor is off.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    const message = "is not your password";
    throw new AppError("VALIDATION", `password: ${message}`, { fields: { password: message } });
  }
  return transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(
      tx,
      { actor: actorOf(user), ip: who.ip },
      {
        action: "user.recovery-codes",
        targetType: "user",
        targetId: user.id,
        summary: `${user.email} made new recovery codes`,
      },
    );
    return codes;
  });
}

/** For sessions that were told to enrol: whether they have since. */
export async function hasTwoFactor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return !!user?.totpEnabledAt;
}
