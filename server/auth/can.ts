import type { Ctx } from "./context";
import { PERMISSIONS, type Permission } from "./policy";
import { refusal } from "./refusal";

/** What the console may offer a caller, one flag per permission; components receive it, never the role. */
export type Can = Readonly<Record<Permission, boolean>>;

/**
 * Asked of `refusal` on the server, once per permission, with no target (pages add scoped checks).
 * The cast only restores the keys Object.fromEntries forgets: PERMISSIONS lists every one.
 */
export function canOf(ctx: Ctx): Can {
  return Object.fromEntries(PERMISSIONS.map((p) => [p, refusal(ctx, p) === null])) as Record<
    Permission,
    boolean
  >;
}
