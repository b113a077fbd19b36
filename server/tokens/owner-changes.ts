import "server-only";
import { recordAudit } from "../audit";
import type { Ctx } from "../auth/context";
import type { Role } from "../auth/policy";
import type { Tx } from "../db";
import { isRoleAbove, isWithinScope, scopeOf, type Scope } from "./scope";
import { tokenLabel } from "./secret";

type Who = Parameters<typeof recordAudit>[1];
/** What the owner now is: a disabled owner's tokens all go; otherwise those above the role or outside the scope. */
export type OwnerNow = { id: string; email: string } & (
  { isDisabled: true } | { isDisabled: false; role: Role; scope: Scope }
);

/**
 * Revokes, inside the caller's transaction, the owner's live tokens that the owner could no longer make,
 * each with a reason a person reads and its own `apiToken.revoke` audit row. Answers the revoked tokens'
 * labels, for the user change's own audit summary.
 */
export async function revokeTokensBeyondOwner(
  tx: Tx,
  who: Ctx | Who,
  owner: OwnerNow,
  now = new Date(),
): Promise<string[]> {
  const live = await tx.apiToken.findMany({
    where: { userId: owner.id, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, name: true, prefix: true, role: true, regionScope: { select: { regionId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const revoked: string[] = [];
  for (const token of live) {
    const reason = reasonToRevoke(owner, token.role, scopeOf(token.regionScope.map((r) => r.regionId)));
    if (!reason) continue;
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason },
    });
    if (count === 0) continue;
    await recordAudit(tx, who, {
      action: "apiToken.revoke",
      targetType: "apiToken",
      targetId: token.id,
      summary: `Revoked API token ${tokenLabel(token)} of ${owner.email}: ${reason}`,
      data: { prefix: token.prefix, reason },
    });
    revoked.push(tokenLabel(token));
  }
  return revoked;
}

export function reasonToRevoke(owner: OwnerNow, role: Role, scope: Scope): string | null {
  if (owner.isDisabled) return "owner disabled";
  if (isRoleAbove(role, owner.role)) return `owner's role lowered to ${owner.role}`;
  if (!isWithinScope(scope, owner.scope)) return `owner's scope narrowed to ${owner.scope?.join(", ")}`;
  return null;
}

/** "; revoked 2 API tokens: a (orr_…), b (orr_…)" for a user change's audit summary, or nothing. */
export function revokedSummary(labels: string[]): string {
  if (labels.length === 0) return "";
  return `; revoked ${labels.length} API token${labels.length === 1 ? "" : "s"}: ${labels.join(", ")}`;
}
