import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import type { Role } from "../auth/policy";
import { db, transaction } from "../db";
import { parseInput } from "../errors";

export const TWO_FACTOR_REQUIREMENTS = ["off", "admins", "all"] as const;
export type TwoFactorRequirement = (typeof TWO_FACTOR_REQUIREMENTS)[number];
const KEY = "twofactor.required";

export const SetTwoFactorRequirementInput = z.object({
  required: z.enum(TWO_FACTOR_REQUIREMENTS, { error: "must be off, admins or all" }),
});

/** Whether an account of this role must use two-factor (single sign-on accounts leave it to their IdP). */
export function mustUseTwoFactor(role: Role, requirement: TwoFactorRequirement): boolean {
  return requirement === "all" || (requirement === "admins" && role === "admin");
}

export async function twoFactorRequirement(): Promise<TwoFactorRequirement> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = z.enum(TWO_FACTOR_REQUIREMENTS).safeParse(row?.value);
  return parsed.success ? parsed.data : "off";
}

export async function setTwoFactorRequirement(ctx: Ctx, input: unknown): Promise<TwoFactorRequirement> {
  authorize(ctx, "users.manage");
  const { required } = parseInput(SetTwoFactorRequirementInput, input);
  return transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: KEY } });
    await tx.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: required },
      update: { value: required },
    });
    await recordAudit(tx, ctx, {
      action: "settings.two-factor",
      targetType: "setting",
      targetId: KEY,
      summary: `Two-factor required for ${required === "off" ? "nobody" : required === "admins" ? "admins" : "every local account"} (was ${before?.value ?? "off"})`,
    });
    return required;
  });
}
