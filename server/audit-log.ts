import "server-only";
import { z } from "zod";
import { logPage, type LogPage } from "./api/log-page";
import { authorize, type Ctx } from "./auth/context";
import { db, Prisma } from "./db";
import { validationError } from "./errors";
import { csvCell } from "./http/csv";

import { AuditFilterFields, AuditQuery } from "./audit-query";

export {
  AuditFilterFields,
  AuditQuery,
  checkSpan,
  optional,
  parseUtc,
  UtcTime,
  type UtcSpan,
} from "./audit-query";

export type AuditRow = {
  id: string;
  at: string;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** The target's slug, email or version, when it still exists. */
  targetLabel: string | null;
  summary: string;
  ip: string | null;
  requestId: string | null;
};

/** A target filter names a satellite by slug, a user by email or a release by version, or anything by id. */
async function targetIds(type: string | undefined, target: string): Promise<string[]> {
  const wants = (t: string) => !type || type === t;
  const key = target.toLowerCase();
  const found = await Promise.all([
    wants("satellite") ? db.satellite.findMany({ where: { slug: key }, select: { id: true } }) : [],
    wants("user") ? db.user.findMany({ where: { email: key }, select: { id: true } }) : [],
    wants("release") ? db.release.findMany({ where: { version: target }, select: { id: true } }) : [],
  ]);
  return [target, ...found.flat().map((r) => r.id)];
}

export async function auditWhere(
  q: z.output<typeof AuditFilterFields>,
): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (q.actor) {
    if ("system" in q.actor) and.push({ actorType: "system" });
    else {
      // An actor is named by its label (an email, a slug) far more often than by its id. Asking for either
      // makes the database merge two indexes and sort every match (300 ms for an operator with 100,000
      // events), so the id is asked for only when some event has it.
      const label = q.actor.label;
      const byId = await db.auditEvent.findFirst({ where: { actorId: label }, select: { id: true } });
      and.push(byId ? { OR: [{ actorLabel: label }, { actorId: label }] } : { actorLabel: label });
    }
  }
  if (q.actorType) and.push({ actorType: q.actorType });
  if (q.action) {
    and.push("prefix" in q.action ? { action: { startsWith: q.action.prefix } } : { action: q.action.exact });
  }
  if (q.targetType) and.push({ targetType: q.targetType });
  if (q.target) and.push({ targetId: { in: await targetIds(q.targetType, q.target) } });
  if (q.from) and.push({ at: { gte: q.from.start } });
  if (q.to) and.push({ at: { lt: q.to.end } });
  if (q.q) and.push({ summary: { contains: q.q } });
  return { AND: and };
}

export type EventRow = Awaited<ReturnType<typeof db.auditEvent.findMany>>[number];

/** Names the targets of a page of events in one query per target type. */
export async function toRows(events: EventRow[]): Promise<AuditRow[]> {
  const idsOf = (type: string) => [
    ...new Set(events.flatMap((e) => (e.targetType === type && e.targetId ? [e.targetId] : []))),
  ];
  const [satellites, users, releases] = await Promise.all([
    db.satellite.findMany({ where: { id: { in: idsOf("satellite") } }, select: { id: true, slug: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, email: true } }),
    db.release.findMany({ where: { id: { in: idsOf("release") } }, select: { id: true, version: true } }),
  ]);
  const labels = new Map<string, string>([
    ...satellites.map((s): [string, string] => [`satellite:${s.id}`, s.slug]),
    ...users.map((u): [string, string] => [`user:${u.id}`, u.email]),
    ...releases.map((r): [string, string] => [`release:${r.id}`, r.version]),
  ]);
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actorType: e.actorType,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    targetLabel: labels.get(`${e.targetType}:${e.targetId}`) ?? null,
    summary: e.summary,
    ip: e.ip,
    requestId: e.requestId,
  }));
}

function parse(input: unknown): AuditQuery {
  const parsed = AuditQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export const NEWEST_FIRST = [
  { at: "desc" },
  { id: "desc" },
] satisfies Prisma.AuditEventOrderByWithRelationInput[];

export type AuditPage = Omit<LogPage<unknown>, "rows"> & { items: AuditRow[] };

export { TOTAL_CAP } from "./api/log-page";

export async function listAuditEvents(ctx: Ctx, input: unknown): Promise<AuditPage> {
  authorize(ctx, "audit.read");
  const q = parse(input);
  const where = await auditWhere(q);
  const { rows, ...page } = await logPage(q, {
    timeField: "at",
    ids: (take) => db.auditEvent.findMany({ where, select: { id: true }, orderBy: NEWEST_FIRST, take }),
    rows: (older, skip, take) =>
      db.auditEvent.findMany({
        where: older ? { AND: [where, older as Prisma.AuditEventWhereInput] } : where,
        orderBy: NEWEST_FIRST,
        skip,
        take,
      }),
    timeOf: (e) => e.at,
    idOf: (e) => e.id,
  });
  return { ...page, items: await toRows(rows) };
}

/**
 * The distinct values of an indexed column, one index seek each (a loose index scan): a GROUP BY would read
 * every event's index entry, and there are only tens of values among millions of events.
 */
async function distinctValues(column: "action" | "targetType"): Promise<string[]> {
  const col = Prisma.raw(`"${column}"`);
  const rows = await db.$queryRaw<{ v: string | null }[]>`
    WITH RECURSIVE d(v) AS (
      SELECT MIN(${col}) FROM "AuditEvent"
      UNION ALL
      SELECT (SELECT MIN(${col}) FROM "AuditEvent" WHERE ${col} > d.v) FROM d WHERE d.v IS NOT NULL
    )
    SELECT v FROM d WHERE v IS NOT NULL`;
  return rows.map((r) => r.v!);
}

/** The actions and target types recorded so far, to suggest in the filters. */
export async function listAuditFacets(ctx: Ctx): Promise<{ actions: string[]; targetTypes: string[] }> {
  authorize(ctx, "audit.read");
  const [actions, targetTypes] = await Promise.all([distinctValues("action"), distinctValues("targetType")]);
  return { actions, targetTypes };
}

const CSV_COLUMNS: [string, (r: AuditRow) => string | null][] = [
  ["at", (r) => r.at],
  ["actor_type", (r) => r.actorType],
  ["actor", (r) => r.actorLabel],
  ["action", (r) => r.action],
  ["target_type", (r) => r.targetType],
  ["target_id", (r) => r.targetId],
  ["target", (r) => r.targetLabel],
  ["summary", (r) => r.summary],
  ["ip", (r) => r.ip],
  ["request_id", (r) => r.requestId],
];

const BATCH = 2_000;

/**
 * Every event the filters match as CSV lines, newest first, read in batches. Each batch continues below
 * the last row read, so events recorded during the export neither repeat nor shift rows.
 */
export async function* auditCsv(ctx: Ctx, input: unknown): AsyncGenerator<string> {
  authorize(ctx, "audit.read");
  const where = await auditWhere(parse(input));
  yield `${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`;
  let last: EventRow | undefined;
  for (;;) {
    const below: Prisma.AuditEventWhereInput | undefined = last && {
      at: { lte: last.at },
      OR: [{ at: { lt: last.at } }, { at: last.at, id: { lt: last.id } }],
    };
    const events = await db.auditEvent.findMany({
      where: below ? { AND: [where, below] } : where,
      orderBy: NEWEST_FIRST,
      take: BATCH,
    });
    if (events.length === 0) return;
    const rows = await toRows(events);
    yield rows.map((r) => `${CSV_COLUMNS.map(([, get]) => csvCell(get(r))).join(",")}\r\n`).join("");
    if (events.length < BATCH) return;
    last = events[events.length - 1];
  }
}
