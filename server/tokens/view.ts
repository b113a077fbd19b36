import "server-only";
import type { db } from "../db";
import type { ApiTokenView } from "./schemas";
import { scopeOf, statusOf } from "./scope";

export const tokenInclude = {
  user: { select: { id: true, email: true, name: true } },
  createdBy: { select: { email: true } },
  regionScope: { select: { regionId: true } },
} as const;

type TokenRow = Awaited<ReturnType<typeof db.apiToken.findFirstOrThrow<{ include: typeof tokenInclude }>>>;

/** The hash stays in the database: a view is built field by field, never by spreading the row. */
export function toTokenView(row: TokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: row.user,
    createdBy: row.createdBy?.email ?? null,
    role: row.role,
    regionIds: scopeOf(row.regionScope.map((r) => r.regionId)),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    createdAt: row.createdAt.toISOString(),
    status: statusOf(row, now),
  };
}
