import "server-only";
import type { Actor } from "../auth/actor";
import { authorize, type AuthorizedCtx, type Ctx } from "../auth/context";
import type { Role } from "../auth/policy";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { labelFor } from "@/lib/form-messages";
import type { z } from "zod";
import { scopeOf } from "./scope";

/** A person or a person's token: the callers that own API tokens. Agents and the reconciler own none. */
export type PersonActor = Extract<Actor, { kind: "user" | "apiToken" }>;
export type PersonCtx = AuthorizedCtx & { actor: PersonActor };

/** Self-service needs only a signed-in person; who may act on others' tokens is `tokens.manage`. */
export function requirePerson(ctx: Ctx): asserts ctx is PersonCtx {
  if (!ctx.actor) authorize(ctx, "satellites.read");
  const kind = ctx.actor?.kind;
  if (kind !== "user" && kind !== "apiToken") {
    throw new AppError("FORBIDDEN", "API tokens belong to people; this caller cannot manage them.");
  }
}

/** The user a person actor stands for. */
export function userIdOf(actor: PersonActor): string {
  return actor.kind === "user" ? actor.id : actor.userId;
}

export type Owner = {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: string[] | null;
  disabledAt: Date | null;
};

export async function loadOwner(tx: Tx, id: string): Promise<Owner | null> {
  const user = await tx.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      regionScope: { select: { regionId: true } },
    },
  });
  if (!user) return null;
  const { regionScope, ...rest } = user;
  return { ...rest, scope: scopeOf(regionScope.map((r) => r.regionId)) };
}

/** A VALIDATION error for one field, worded with the field's label from `schema`: "Role cannot be above…". */
export function fieldRefusal(schema: z.ZodType, field: string, fragment: string): AppError {
  const sentence = `${labelFor([field], schema)} ${fragment}`;
  return new AppError("VALIDATION", `${field}: ${fragment}`, {
    fields: { [field]: fragment },
    readable: { message: `${sentence}.`, fields: { [field]: sentence } },
  });
}

export const listText = (ids: readonly string[]) => ids.join(", ");
