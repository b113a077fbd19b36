import "server-only";
import { z } from "zod";
import { authorize, mayDo, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { logPage, type LogPage } from "../api/log-page";
import { validationError } from "../errors";
import { cancelRefusal, COMMAND_STATES, type CommandState } from "./lifecycle";
import { COMMAND_TYPES, isCommandType } from "./types";

export { COMMAND_STATES, type CommandState } from "./lifecycle";

// Query strings send strings: an empty parameter means "not given".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const whole = (max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

export const CommandQuery = z.object({
  state: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() ? v.split(",").map((s) => s.trim()) : undefined) : v),
    z.array(z.enum(COMMAND_STATES, { error: `must be one of ${COMMAND_STATES.join(", ")}` })).optional(),
  ),
  type: optional(z.string().refine(isCommandType, `must be one of ${COMMAND_TYPES.join(", ")}`)),
  /** A satellite's slug. */
  satellite: optional(z.string().trim().max(100)),
  /** The email of the person who issued the command. */
  issuer: optional(z.string().trim().toLowerCase().max(254)),
  rollout: optional(z.string().trim().max(100)),
  /** Where a deeper page starts: the `next` of the page before, so no page is read by offset. */
  cursor: optional(z.string().max(1000)),
  /** A shallow page by number, for callers without a cursor; `cursor` wins when both are given. */
  page: whole(100_000, 1),
  limit: whole(200, 50),
});
export type CommandQuery = z.infer<typeof CommandQuery>;

export type CommandView = {
  id: string;
  type: string;
  state: CommandState;
  payload: Record<string, unknown>;
  satellite: { id: string; slug: string; name: string; regionId: string };
  deliveries: number;
  issuedBy: { email: string; name: string } | null;
  rollout: { id: string; name: string } | null;
  issuedAt: string;
  deliveredAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
  /** Held for the satellite's deployment window until then. */
  notBefore: string | null;
  message: string | null;
  /** Why it was sent, as the operator said. */
  reason: string | null;
  /**
   * What the agent reported back, as its JSON value (components/commands/result-fields.ts shows its fields);
   * a value too large for a list arrives as the start of its JSON text.
   */
  result: unknown;
  /** Whether the caller may cancel it now: queued, never delivered, and in their region scope. */
  canCancel: boolean;
};

export type CommandPage = Omit<LogPage<unknown>, "rows"> & { items: CommandView[] };

export { TOTAL_CAP } from "../api/log-page";

const MAX_RESULT_CHARS = 8000;

export const commandInclude = {
  satellite: { select: { id: true, slug: true, name: true, regionId: true } },
  issuedBy: { select: { email: true, name: true } },
  rollout: { select: { id: true, name: true } },
} as const;

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? { ...value } : {};
}

function boundedResult(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length > MAX_RESULT_CHARS ? `${text.slice(0, 499)}…` : value;
}

/** Commands, newest first, filtered and paginated on the server (by cursor, or by number for shallow pages). */
export async function listCommands(ctx: Ctx, input: unknown): Promise<CommandPage> {
  authorize(ctx, "commands.read");
  const parsed = CommandQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const q = parsed.data;
  const where = await resolvedCommandWhere(q);
  const { rows, ...page } = await logPage(q, {
    timeField: "issuedAt",
    ids: (take) => db.command.findMany({ where, select: { id: true }, orderBy: NEWEST_FIRST, take }),
    rows: (older, skip, take) =>
      db.command.findMany({
        where: older ? { AND: [where, older as Prisma.CommandWhereInput] } : where,
        include: commandInclude,
        orderBy: NEWEST_FIRST,
        skip,
        take,
      }),
    timeOf: (c) => c.issuedAt,
    idOf: (c) => c.id,
  });
  return { ...page, items: toCommandViews(ctx, rows) };
}

/** The list's filters alone, for a list paged by cursor; `batch` is the key one issue request answered. */
export const CommandFilter = CommandQuery.omit({ page: true, limit: true, cursor: true }).extend({
  batch: optional(
    z
      .string()
      .trim()
      .max(90, "must be at most 90 characters")
      .regex(/^[A-Za-z0-9.:-]+$/, "is not an idempotency key")
      .meta({ description: "The idempotencyKey an issue answered: the commands that one request queued." }),
  ),
});
export type CommandFilter = z.infer<typeof CommandFilter>;

export const NEWEST_FIRST = [
  { issuedAt: "desc" },
  { id: "desc" },
] satisfies Prisma.CommandOrderByWithRelationInput[];

export function commandWhere(q: CommandFilter): Prisma.CommandWhereInput {
  return {
    AND: [
      q.state ? { state: { in: q.state } } : {},
      q.type ? { type: q.type } : {},
      q.satellite ? { satellite: { slug: q.satellite } } : {},
      q.issuer ? { issuedBy: { email: q.issuer } } : {},
      q.rollout ? { rolloutId: q.rollout } : {},
      // Each satellite's command of one request is keyed `<key>/<satellite id>` (issue.ts).
      q.batch ? { idempotencyKey: { startsWith: `${q.batch}/` } } : {},
    ],
  };
}

/**
 * `commandWhere` with the satellite's slug and the issuer's email looked up first: the list then filters on
 * their ids, which the indexes serve, instead of joining every command to its satellite and issuer.
 */
export async function resolvedCommandWhere(q: CommandFilter): Promise<Prisma.CommandWhereInput> {
  const [satellite, issuer] = await Promise.all([
    q.satellite ? db.satellite.findUnique({ where: { slug: q.satellite }, select: { id: true } }) : null,
    q.issuer ? db.user.findUnique({ where: { email: q.issuer }, select: { id: true } }) : null,
  ]);
  const nothing = { id: { in: [] } };
  return {
    AND: [
      commandWhere({ ...q, satellite: undefined, issuer: undefined }),
      q.satellite ? (satellite ? { satelliteId: satellite.id } : nothing) : {},
      q.issuer ? (issuer ? { issuedById: issuer.id } : nothing) : {},
    ],
  };
}

type CommandRow = Prisma.CommandGetPayload<{ include: typeof commandInclude }>;

/** Commands as the list shows them, each with whether this caller may cancel it now. */
export function toCommandViews(ctx: Ctx, rows: readonly CommandRow[]): CommandView[] {
  const mayWrite = mayDo(ctx, "commands.write");
  return rows.map((c): CommandView => ({
    id: c.id,
    type: c.type,
    state: c.state,
    payload: asObject(c.payload),
    satellite: c.satellite,
    deliveries: c.deliveries,
    issuedBy: c.issuedBy,
    rollout: c.rollout,
    issuedAt: c.issuedAt.toISOString(),
    deliveredAt: c.deliveredAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
    expiresAt: c.expiresAt.toISOString(),
    notBefore: c.notBefore?.toISOString() ?? null,
    message: c.message,
    reason: c.reason,
    result: boundedResult(c.result),
    canCancel:
      mayWrite && cancelRefusal(c) === null && mayDo(ctx, "commands.write", { satellites: [c.satellite] }),
  }));
}
