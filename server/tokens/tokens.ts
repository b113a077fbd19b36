import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction } from "../db";
import { AppError, parseInput } from "../errors";
import { requirePerson, userIdOf } from "./people";
import { ListApiTokensInput, RevokeApiTokenInput, type ApiTokenView } from "./schemas";
import { tokenLabel } from "./secret";
import { tokenInclude, toTokenView } from "./view";

export { createApiToken } from "./create";

/**
 * API tokens, newest first. Everyone lists their own; an admin (`tokens.manage`) lists one user's with
 * `userId`, or every user's with `all`.
 */
export async function listApiTokens(
  ctx: Ctx,
  input: unknown = {},
  now = new Date(),
): Promise<ApiTokenView[]> {
  requirePerson(ctx);
  const query = parseInput(ListApiTokensInput, input ?? {});
  const self = userIdOf(ctx.actor);
  const userId = query.all ? undefined : (query.userId ?? self);
  if (userId !== self) authorize(ctx, "tokens.manage", undefined, "You can list only your own API tokens.");
  const rows = await db.apiToken.findMany({
    where: userId ? { userId } : {},
    include: tokenInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return rows.map((row) => toTokenView(row, now));
}

/** Revokes at once: the next request with the token is refused, on every process. Its owner or an admin. */
export async function revokeApiToken(
  ctx: Ctx,
  id: unknown,
  reason?: unknown,
  now = new Date(),
): Promise<ApiTokenView> {
  requirePerson(ctx);
  const parsed = parseInput(RevokeApiTokenInput, { id, reason });
  const self = userIdOf(ctx.actor);
  return transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: parsed.id }, include: tokenInclude });
    if (!row) throw new AppError("NOT_FOUND", "No such API token.");
    if (row.userId !== self) {
      authorize(ctx, "tokens.manage", undefined, "Only the token's owner or an admin may revoke it.");
    }
    if (row.revokedAt) return toTokenView(row, now);
    const revokedReason =
      parsed.reason || (row.userId === self ? "revoked by its owner" : "revoked by an admin");
    const updated = await tx.apiToken.update({
      where: { id: row.id },
      data: { revokedAt: now, revokedReason },
      include: tokenInclude,
    });
    await recordAudit(tx, ctx, {
      action: "apiToken.revoke",
      targetType: "apiToken",
      targetId: row.id,
      summary: `Revoked API token ${tokenLabel(row)} of ${row.user.email}: ${revokedReason}`,
      data: { prefix: row.prefix, reason: revokedReason },
    });
    return toTokenView(updated, now);
  });
}
