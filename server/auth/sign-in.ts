import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { dummyVerify, verifyPassword } from "./password";
import { releaseAttempt, reserveAttempt } from "./throttle";

const Credentials = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

export type SignedIn = { id: string; email: string; name: string; role: string; sessionVersion: number };

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
  const { email, password } = parsed.data;
  const throttle = await reserveAttempt(ip, email, now);
  if (throttle.isBlocked) {
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
  if (!user || !isValid || user.disabledAt) return null;
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
      { action: "user.sign-in", targetType: "user", targetId: user.id, summary: `${user.email} signed in` },
    );
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
