import "server-only";
import { z } from "zod";
import { ACTOR_KINDS } from "./auth/actor";
import { decodeCursor, encodeCursor } from "./api/pagination";
import { authorize, type Ctx } from "./auth/context";
import { db, Prisma } from "./db";
import { validationError } from "./errors";
import { csvCell } from "./http/csv";

// A query string may repeat a key: the first value counts, and an empty field means "no filter".
function param(value: unknown): unknown {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" && v.trim() === "" ? undefined : v;
}
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(param, schema.optional());
const whole = (what: string, max: number, fallback: number) =>
  z.preprocess(
    param,
    z.coerce
      .number({ error: `${what} must be a whole number` })
      .int(`${what} must be a whole number`)
      .min(1, `${what} must be at least 1`)
      .max(max, `${what} must be at most ${max.toLocaleString("en")}`)
      .default(fallback),
  );

/** A moment in UTC and the end of the precision it was written in: "2026-05-01" covers that whole day. */
export type UtcSpan = { start: Date; end: Date };

const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?Z?$/;

/** Reads what a datetime-local input sends ("2026-05-01T14:30") as UTC; null for anything else. */
export function parseUtc(text: string): UtcSpan | null {
  const m = UTC_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const ms = Number((m[7] ?? "0").padEnd(3, "0"));
  const start = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Date.UTC rolls 2026-02-30 over into March; a day or hour that does not exist is refused instead.
  const back = [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate(), start.getUTCHours()];
  if (back.join() !== [y, mo, d, h].join() || mi > 59 || s > 59) return null;
  const unit = m[7] ? 1 : m[6] ? 1_000 : m[4] ? 60_000 : 86_400_000;
  return { start, end: new Date(start.getTime() + unit) };
}

export const UtcTime = z
  .string()
  .max(40, "is not a date and time")
  .transform((text, ctx) => {
    const span = parseUtc(text);
    if (span) return span;
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not a UTC date and time such as 2026-05-01T14:30`,
    });
    return z.NEVER;
  });

// "release." or "release" match every release action; "release.create" matches only itself.
const ActionFilter = z
  .string()
  .trim()
  .toLowerCase()
  .max(60, "must be at most 60 characters")
  .regex(/^[a-z0-9][a-z0-9.-]*\*?$/, 'use an action such as "release.create" or a prefix such as "release."')
  .transform((a) => {
    if (a.endsWith("*")) return { prefix: a.slice(0, -1) };
    if (a.endsWith(".")) return { prefix: a };
    return a.includes(".") ? { exact: a } : { prefix: `${a}.` };
  });

// "system" is every system actor; an email is one person; anything else is an agent's satellite slug or
// a system actor's name ("reconciler"), matched exactly, or any actor's id.
const ActorFilter = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .transform((a) => (a === "system" ? { system: true as const } : { label: a }));

/** The filters alone: the console's list adds its page number, the API its cursor. */
export const AuditFilterFields = z.object({
  actor: optional(ActorFilter),
  actorType: optional(z.enum(ACTOR_KINDS, { error: `must be ${ACTOR_KINDS.join(", ")}` })),
  action: optional(ActionFilter),
  targetType: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(40)
      .regex(/^[a-z0-9-]+$/, "use a target type such as satellite"),
  ),
  target: optional(z.string().trim().max(200, "must be at most 200 characters")),
  from: optional(UtcTime),
  to: optional(UtcTime),
  q: optional(z.string().trim().max(100, "must be at most 100 characters")),
});

/** `to` must end after `from` starts; the issue names the field as the caller spelled it. */
export function checkSpan(
  from: UtcSpan | undefined,
  to: UtcSpan | undefined,
  ctx: z.RefinementCtx,
  names: [from: string, to: string] = ["from", "to"],
): void {
  if (from && to && from.start >= to.end) {
    ctx.addIssue({ code: "custom", path: [names[1]], message: `must be later than ${names[0]}` });
  }
}

export const AuditQuery = AuditFilterFields.extend({
  /** Where a deeper page starts: the `next` of the page before, so no page is read by offset. */
  cursor: optional(z.string().max(1000)),
  /** A shallow page by number, for callers without a cursor; `cursor` wins when both are given. */
  page: whole("page", 100_000, 1),
  limit: whole("limit", 200, 50),
}).superRefine((q, ctx) => checkSpan(q.from, q.to, ctx));
export type AuditQuery = z.infer<typeof AuditQuery>;

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
    and.push(
      "system" in q.actor
        ? { actorType: "system" }
        : { OR: [{ actorLabel: q.actor.label }, { actorId: q.actor.label }] },
    );
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

export type AuditPage = {
  /** How many events match, counted up to TOTAL_CAP: past it, `isTotalAtLeast` says "at least". */
  total: number;
  isTotalAtLeast: boolean;
  page: number;
  limit: number;
  items: AuditRow[];
  /** The cursor of the next (older) page, null on the last. */
  next: string | null;
};

/** Counting stops here: a count of every match would read the whole log on each request. */
export const TOTAL_CAP = 1000;

const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

export async function listAuditEvents(ctx: Ctx, input: unknown): Promise<AuditPage> {
  authorize(ctx, "audit.read");
  const q = parse(input);
  const where = await auditWhere(q);
  const after = decodeCursor(q.cursor, cursorKey);
  const below: Prisma.AuditEventWhereInput | undefined = after && {
    // The bound alone is what PostgreSQL can seek the index to; the OR then settles the ties.
    at: { lte: new Date(after[0]) },
    OR: [{ at: { lt: new Date(after[0]) } }, { at: new Date(after[0]), id: { lt: after[1] } }],
  };
  const [counted, events] = await Promise.all([
    // Ids in the list's own order, so the count walks the index the page does (count() would add
    // ORDER BY id, which SQLite serves by scanning the primary key past every row a rare filter skips).
    db.auditEvent
      .findMany({ where, select: { id: true }, orderBy: NEWEST_FIRST, take: TOTAL_CAP + 1 })
      .then((ids) => ids.length),
    db.auditEvent.findMany({
      where: below ? { AND: [where, below] } : where,
      orderBy: NEWEST_FIRST,
      skip: after ? 0 : (q.page - 1) * q.limit,
      take: q.limit + 1,
    }),
  ]);
  const page = events.slice(0, q.limit);
  const last = page.at(-1);
  return {
    total: Math.min(counted, TOTAL_CAP),
    isTotalAtLeast: counted > TOTAL_CAP,
    page: q.page,
    limit: q.limit,
    items: await toRows(page),
    next: events.length > q.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
  };
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
