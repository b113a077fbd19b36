import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { breakGlassEmail, isSsoOnly } from "../sso/providers";
import { TWO_FACTOR_NEEDED, TWO_FACTOR_WRONG } from "../twofactor/messages";
import { mustUseTwoFactor, twoFactorRequirement } from "../twofactor/policy";
import { checkSecondFactor } from "../twofactor/verify";
import { dummyVerify, verifyPassword } from "./password";
import { addressBucket } from "../http/client-address";
import { releaseAttempt, reserveAttempt } from "./throttle";

const Credentials = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
  // The second step, for accounts with two-factor on: an authenticator code or a recovery code.
  code: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((c) => c || undefined),
});

export type SignedIn = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
  /** Two-factor is required of this account and it has none yet: it may only enrol. */
  mustEnrol: boolean;
};

const MINUTE_MS = 60_000;

/**
 * Failed sign-ins go to the audit log in bounded form: one entry per address (an IPv6 client by its /64),
 * account and minute, counting the attempts, so guessing cannot flood the log. The entry's id is derived
 * from those three, so two replicas add to the same row instead of writing two.
 */
async function auditFailure(
  ip: string,
  email: string,
  userId: string | null,
  reason: "wrong-password" | "wrong-code" | "throttled",
  now: Date,
) {
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  const key = `${addressBucket(ip)}\n${email}\n${minute.toISOString()}`;
  const id = `signin-failed-${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
  const summary = (count: number) =>
    `${count} failed sign-in${count === 1 ? "" : "s"} for ${email} from ${ip} in the minute from ${minute.toISOString().slice(11, 16)} UTC`;
  await transaction(async (tx) => {
    const seen = await tx.auditEvent.findUnique({ where: { id }, select: { data: true } });
    const before = (seen?.data as { count?: number; throttled?: number } | null) ?? {};
    const data = {
      count: (before.count ?? 0) + 1,
      throttled: (before.throttled ?? 0) + (reason === "throttled" ? 1 : 0),
    };
    await tx.auditEvent.upsert({
      where: { id },
      create: {
        id,
        at: now,
        actorType: "system",
        actorLabel: "sign-in",
        action: "user.sign-in-failed",
        targetType: "user",
        targetId: userId,
        summary: summary(1),
        data,
        ip,
      },
      update: { summary: summary(data.count), data },
    });
  });
}

/**
 * Checks a password, slowing down repeated failures; returns null for any wrong email or password. The
 * attempt is counted before the password is checked, so a burst cannot outrun the throttle.
 */
export async function signInWithPassword(
  input: unknown,
  ip: string,
  now = new Date(),
): Promise<SignedIn | null> {
  const parsed = Credentials.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  // Single sign-on only: the one break-glass account keeps its password, for when the IdP is down.
  if (isSsoOnly() && email !== breakGlassEmail()) {
    throw new AppError("FORBIDDEN", "Password sign-in is off: use single sign-on.");
  }
  const throttle = await reserveAttempt(ip, email, now);
  if (throttle.isBlocked) {
    await auditFailure(ip, email, null, "throttled", now);
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-ins. Try again in ${throttle.retryAfterSec} s.`,
      {
        retryAfterSec: throttle.retryAfterSec,
      },
    );
  }
  const user = await db.user.findUnique({ where: { email } });
  const isValid = user ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password);
  // An account made by single sign-on has no password (its hash never verifies); refused all the same.
  if (!user || !isValid || user.disabledAt || user.ssoProvider) {
    await auditFailure(ip, email, user?.id ?? null, "wrong-password", now);
    return null;
  }
  // The password step alone stays counted until the code step succeeds, so alternating the two steps
  // cannot reset the throttle; a wrong code is a failure like a wrong password.
  let via = "";
  if (user.totpEnabledAt) {
    if (!code) throw new AppError("UNAUTHORIZED", TWO_FACTOR_NEEDED);
    const factor = await checkSecondFactor(user.id, code, now);
    if (!factor.isValid) {
      await auditFailure(ip, email, user.id, "wrong-code", now);
      throw new AppError("UNAUTHORIZED", TWO_FACTOR_WRONG);
    }
    via = factor.via === "recovery-code" ? " with a recovery code" : " with two-factor";
  }
  const mustEnrol = !user.totpEnabledAt && mustUseTwoFactor(user.role, await twoFactorRequirement());
  await transaction(async (tx) => {
    await releaseAttempt(tx, throttle.reservation);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(
      tx,
      {
        actor: {
          kind: "user",
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          regionIds: null,
        },
        ip,
      },
      {
        action: "user.sign-in",
        targetType: "user",
        targetId: user.id,
        summary: `${user.email} signed in${via}${mustEnrol ? ", to enrol in two-factor" : ""}`,
      },
    );
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    mustEnrol,
  };
}
