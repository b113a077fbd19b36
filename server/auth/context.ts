import { AppError } from "../errors";
import { can, REGION_SCOPED, type Permission, type Role } from "./policy";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** null: every region. Otherwise the compliance regions this user may act in. */
  regionIds: string[] | null;
};

/** What every domain verb receives: who is asking, and from where. */
export type Ctx = {
  actor: Actor | null;
  ip?: string;
  requestId?: string;
};

export type AuthorizedCtx = Ctx & { actor: Actor };

/** Fails with UNAUTHORIZED for an anonymous call and FORBIDDEN when the role or region scope forbids it. */
export function authorize(
  ctx: Ctx,
  permission: Permission,
  target?: { regionId: string; label?: string },
): asserts ctx is AuthorizedCtx {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", `The ${actor.role} role does not have the "${permission}" permission.`);
  }
  if (target && actor.regionIds && REGION_SCOPED.has(permission)) {
    if (!actor.regionIds.includes(target.regionId)) {
      throw new AppError(
        "FORBIDDEN",
        `${target.label ?? "This satellite"} is in ${target.regionId}; your region scope allows only ${actor.regionIds.join(", ")}.`,
      );
    }
  }
}

export function mayDo(ctx: Ctx, permission: Permission): boolean {
  return !!ctx.actor && can(ctx.actor.role, permission);
}

export const systemActor = { type: "system" as const, label: "reconciler" };
