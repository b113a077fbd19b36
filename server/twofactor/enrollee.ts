import "server-only";
import type { Ctx } from "../auth/context";
import { AppError } from "../errors";
import { pendingEnrolment } from "../auth/session";
import type { Enrollee } from "./enrolment";

/**
 * Who a two-factor action acts for: the signed-in person, or the one half-way through signing in who
 * must enrol first. Each acts only on their own account.
 */
export async function enrolleeOf(ctx: Ctx): Promise<Enrollee> {
  if (ctx.actor?.kind === "user") return { userId: ctx.actor.id, ip: ctx.ip };
  const pending = await pendingEnrolment();
  if (pending) return { userId: pending.userId, ip: ctx.ip };
  throw new AppError("UNAUTHORIZED", "Sign in again.");
}
