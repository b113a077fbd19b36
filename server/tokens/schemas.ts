import { z } from "zod";
import { ROLES, type Role } from "../auth/policy";
import type { TokenStatus } from "./scope";

export const DEFAULT_EXPIRY_DAYS = 90;
export const MAX_EXPIRY_DAYS = 365;
/** What the console's expiry select offers; the API takes any whole number of days up to 365. */
export const EXPIRY_CHOICES = [30, 90, 180, 365] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Region ids as an array (API, repeated checkboxes) or separated by commas; none means "as wide as allowed". */
const RegionIds = z.preprocess(
  (v) =>
    v === undefined || v === null || v === "" ? undefined : Array.isArray(v) ? v : String(v).split(","),
  z
    .array(z.string().trim().min(1, "has an empty entry").max(40, "has an entry that is not a region id"))
    .max(50, "may have at most 50 entries")
    .transform((ids) => [...new Set(ids)])
    .optional(),
);

export const CreateApiTokenInput = z.object({
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(80, "must be at most 80 characters")
    .meta({ label: "Name" }),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }).meta({ label: "Role" }),
  regionIds: RegionIds.meta({ label: "Regions" }),
  // Left out: 90 days, or up to the expiry of the token making this one (see createApiToken).
  expiresInDays: z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a number of days" })
        .int("must be a whole number of days")
        .min(1, "must be at least 1 day")
        .max(MAX_EXPIRY_DAYS, `must be at most ${MAX_EXPIRY_DAYS} days`)
        .optional(),
    )
    .meta({ label: "Valid for" }),
  userId: z
    .preprocess(blankToUndefined, z.string().trim().max(64, "is not a user id").optional())
    .meta({ label: "Owner" }),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenInput>;

export const ListApiTokensInput = z.object({
  userId: z
    .preprocess(blankToUndefined, z.string().trim().max(64, "is not a user id").optional())
    .meta({ label: "Owner" }),
  /** Every user's tokens (admins). */
  all: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
  limit: z.coerce.number().int().min(1).max(500).default(200).meta({ label: "Limit" }),
});
export type ListApiTokensInput = z.input<typeof ListApiTokensInput>;

export const RevokeApiTokenInput = z.object({
  id: z.string({ error: "is required" }).trim().min(1, "is required").max(64).meta({ label: "Token" }),
  reason: z
    .preprocess(blankToUndefined, z.string().trim().max(200, "must be at most 200 characters").optional())
    .meta({ label: "Reason" }),
});
export type RevokeApiTokenInput = z.input<typeof RevokeApiTokenInput>;

/** A token as every list shows it: never its hash, and its secret only in the answer that created it. */
export type ApiTokenView = {
  id: string;
  name: string;
  /** `orr_` and the secret's next 8 characters. */
  prefix: string;
  owner: { id: string; email: string; name: string };
  createdBy: string | null;
  role: Role;
  /** null: every region the owner may act in. */
  regionIds: string[] | null;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  createdAt: string;
  status: TokenStatus;
};

export type CreatedApiToken = {
  token: ApiTokenView;
  /** The whole secret, shown this once; only its SHA-256 is kept. */
  secret: string;
};
