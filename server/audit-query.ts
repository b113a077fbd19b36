import "server-only";
import { z } from "zod";
import { ACTOR_KINDS } from "./auth/actor";

// What the audit log may be asked for: the filters of the console, the API and the CSV, parsed in one place.

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
