import "server-only";
import { z } from "zod";
import { authorize, type Ctx } from "./auth/context";
import { db, type Prisma } from "./db";
import { parseInput } from "./errors";
import {
  AuditFilterFields,
  auditWhere,
  checkSpan,
  NEWEST_FIRST,
  optional,
  toRows,
  UtcTime,
  type AuditRow,
} from "./audit-log";

/**
 * The audit list's filters, with `since` and `until` as the names scripts reach for: each the same as
 * `from` and `to`, so only one of each pair may be given.
 */
export const AuditFilterShape = AuditFilterFields.extend({
  since: optional(UtcTime).meta({ description: "Events at or after this UTC time; the same as `from`." }),
  until: optional(UtcTime).meta({ description: "Events before the end of this UTC time; the same as `to`." }),
});

export const AuditFilter = AuditFilterShape.superRefine((q, ctx) => {
  if (q.from && q.since)
    ctx.addIssue({ code: "custom", path: ["since"], message: "give since or from, not both" });
  if (q.to && q.until)
    ctx.addIssue({ code: "custom", path: ["until"], message: "give until or to, not both" });
  checkSpan(q.from ?? q.since, q.to ?? q.until, ctx, [q.from ? "from" : "since", q.to ? "to" : "until"]);
});

/** Where a page starts: below the event recorded at `at` with this id. */
export type AuditPageKey = { at: string; id: string };

/**
 * The audit log's filters (the same `auditWhere` as the console's list), newest first, read as a keyset
 * page of `limit + 1` events below `after`: events recorded meanwhile never shift a page.
 */
export async function listAuditPage(
  ctx: Ctx,
  filter: unknown,
  page: { limit: number; after?: AuditPageKey },
): Promise<AuditRow[]> {
  authorize(ctx, "audit.read");
  const { since, until, ...q } = parseInput(AuditFilter, filter ?? {});
  const where = await auditWhere({ ...q, from: q.from ?? since, to: q.to ?? until });
  const at = page.after && new Date(page.after.at);
  const below: Prisma.AuditEventWhereInput | undefined = at && {
    // The bound alone is what PostgreSQL can seek the index to; the OR then settles the ties.
    at: { lte: at },
    OR: [{ at: { lt: at } }, { at, id: { lt: page.after!.id } }],
  };
  const events = await db.auditEvent.findMany({
    where: below ? { AND: [where, below] } : where,
    orderBy: NEWEST_FIRST,
    take: page.limit + 1,
  });
  return toRows(events);
}

export type AuditFilter = z.input<typeof AuditFilter>;
