import { z } from "zod";
import { ROLES } from "../../auth/policy";
import { ListApiTokensInput, RevokeApiTokenInput, CreateApiTokenInput } from "../../tokens/schemas";
import type { ApiTokenView, CreatedApiToken } from "../../tokens/schemas";
import { CreateUserInput, UpdateUserInput } from "../../users/schemas";
import type { UserView } from "../../users/users";
import { pageQuery } from "../pagination";

const time = () => z.string().meta({ format: "date-time" });

export const userSchema: z.ZodType<UserView> = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    regionIds: z
      .array(z.string())
      .meta({ description: "The regions the user may act in; empty for every region." }),
    isDisabled: z.boolean(),
    lastLoginAt: time().nullable(),
    createdAt: time(),
  })
  .meta({ id: "User" });

export const createUserBody = CreateUserInput.meta({ id: "CreateUser" });
export const updateUserBody = UpdateUserInput.omit({ id: true }).meta({ id: "UpdateUser" });

export const apiTokenSchema: z.ZodType<ApiTokenView> = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "`orr_` and the secret's next 8 characters, to recognise it." }),
    owner: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    createdBy: z.string().nullable(),
    role: z.enum(ROLES),
    regionIds: z
      .array(z.string())
      .nullable()
      .meta({ description: "null: every region its owner may act in." }),
    expiresAt: time(),
    lastUsedAt: time().nullable(),
    lastUsedIp: z.string().nullable(),
    revokedAt: time().nullable(),
    revokedReason: z.string().nullable(),
    createdAt: time(),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ApiToken" });

export const createdApiTokenSchema: z.ZodType<CreatedApiToken> = z
  .object({
    token: apiTokenSchema,
    secret: z.string().meta({ description: "The whole secret, answered this once; only its hash is kept." }),
  })
  .meta({ id: "CreatedApiToken" });

export const createApiTokenBody = CreateApiTokenInput.meta({ id: "CreateApiToken" });
/** The tokens' own filter; the page's size and cursor are the API's. */
export const apiTokenListQuery = ListApiTokensInput.omit({ limit: true }).extend(pageQuery.shape);
export const revokeApiTokenQuery = RevokeApiTokenInput.pick({ reason: true });
