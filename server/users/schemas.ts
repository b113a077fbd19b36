import { z } from "zod";
import { ROLES } from "../auth/policy";

const regionIds = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : String(v).split(",")),
  z.array(z.string().trim().min(1).max(40)).max(50),
);

export const Email = z.string().trim().toLowerCase().pipe(z.email("is not a valid email address").max(254));

export const Password = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200, "must be at most 200 characters");

export const CreateUserInput = z.object({
  email: Email,
  name: z.string().trim().min(1, "is required").max(100),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  regionIds: regionIds.optional(),
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  id: z.string().min(1, "is required"),
  name: z.string().trim().min(1, "is required").max(100).optional(),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }).optional(),
  regionIds: regionIds.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const SetUserDisabledInput = z.object({
  id: z.string().min(1, "is required"),
  isDisabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});
export type SetUserDisabledInput = z.infer<typeof SetUserDisabledInput>;
