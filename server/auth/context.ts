import { AppError } from "../errors";
import type { Actor } from "./actor";
import type { Permission } from "./policy";
import { refusal, type Refusal, type ScopeTargets } from "./refusal";

export type { Actor } from "./actor";
export { systemActor } from "./actor";

/** What every domain verb receives: who is asking, and from where. */
export type Ctx = {
  actor: Actor | null;
  ip?: string;
  requestId?: string;
};

export type AuthorizedCtx = Ctx & { actor: Actor };

/** A refusal as thrown: an AppError, so the action and route wrappers answer its code and message. */
export class RefusedError extends AppError {
  readonly refusal: Refusal;

  constructor(refused: Refusal, suffix = "") {
    super(refused.code, suffix ? `${refused.message} ${suffix}` : refused.message);
    this.refusal = refused;
  }
}

/**
 * `refusal` as a guard: UNAUTHORIZED for an anonymous call, FORBIDDEN when the role or region scope forbids
 * it. `suffix` adds what the refusal means for this verb ("Nothing was sent.").
 */
export function authorize(
  ctx: Ctx,
  permission: Permission,
  targets?: ScopeTargets,
  suffix?: string,
): asserts ctx is AuthorizedCtx {
  const refused = refusal(ctx, permission, targets);
  if (refused) throw new RefusedError(refused, suffix);
}

/** For pages: whether to offer something, asked of the same decision the verb will make. */
export function mayDo(ctx: Ctx, permission: Permission, targets?: ScopeTargets): boolean {
  return refusal(ctx, permission, targets) === null;
}
