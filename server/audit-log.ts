import "server-only";
import { z } from "zod";
import { authorize, type Ctx } from "./auth/context";
import { db, type Prisma } from "./db";
import { validationError } from "./errors";

export const AuditQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  actorType: z.enum(["user", "agent", "system"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  limit: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export type AuditRow = {
  id: string;
  at: string;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  ip: string | null;
};

export async function listAuditEvents(ctx: Ctx, input: unknown) {
  authorize(ctx, "audit.read");
  const parsed = AuditQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const q = parsed.data;
  const and: Prisma.AuditEventWhereInput[] = [];
  if (q.action) and.push({ action: { startsWith: q.action } });
  if (q.actorType) and.push({ actorType: q.actorType });
  if (q.q) and.push({ OR: [{ summary: { contains: q.q } }, { actorLabel: { contains: q.q } }] });
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.limit,
      take: q.limit,
    }),
  ]);
  const items: AuditRow[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    summary: r.summary,
    ip: r.ip,
  }));
  return { total, page: q.page, limit: q.limit, items };
}

export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  authorize(ctx, "audit.read");
  const rows = await db.auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
