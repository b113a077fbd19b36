import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction, type Prisma, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { hashToken, JOIN_TOKEN_PREFIX, newToken, tokenHint } from "./tokens";

/** "24h", "7d", "90m" or a number of hours. */
export const Duration = z.preprocess(
  (v) => (typeof v === "number" ? `${v}h` : v),
  z
    .string()
    .trim()
    .regex(/^\d{1,5}\s*[mhd]$/i, 'write a duration such as "90m", "24h" or "7d"')
    .transform((text) => {
      const n = Number(text.slice(0, -1).trim());
      const unit = text.slice(-1).toLowerCase();
      return n * (unit === "m" ? 60_000 : unit === "h" ? 3_600_000 : 86_400_000);
    })
    .refine((ms) => ms >= 60_000 && ms <= 365 * 86_400_000, "must be between 1 minute and 365 days"),
);

export const CreateJoinTokenInput = z.object({
  uses: z.preprocess(
    (v) => (v === "" || v === undefined ? 1 : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100_000, "must be at most 100000"),
  ),
  expiresIn: Duration.default(24 * 3_600_000),
  satelliteId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional()),
  note: z.string().trim().max(200, "must be at most 200 characters").default(""),
});
export type CreateJoinTokenInput = z.input<typeof CreateJoinTokenInput>;

export type JoinTokenView = {
  id: string;
  hint: string;
  note: string;
  maxUses: number;
  uses: number;
  expiresAt: string;
  revokedAt: string | null;
  satellite: { id: string; slug: string } | null;
  createdBy: string | null;
  createdAt: string;
  status: "active" | "expired" | "used up" | "revoked";
};

/** Creates a join token; the token itself is returned this once and only its hash is kept. */
export async function createJoinTokenUnchecked(
  tx: Tx,
  who: Ctx | { type: "system"; label: string },
  input: unknown,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: string }> {
  const parsed = CreateJoinTokenInput.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const { uses, expiresIn, satelliteId, note } = parsed.data;
  let bound: { id: string; slug: string } | null = null;
  if (satelliteId) {
    bound = await tx.satellite.findFirst({
      where: { OR: [{ id: satelliteId }, { slug: satelliteId }] },
      select: { id: true, slug: true, lifecycle: true },
    });
    if (!bound || ("lifecycle" in bound && bound.lifecycle === "decommissioned")) {
      throw new AppError("VALIDATION", `satelliteId: no registered satellite "${satelliteId}"`, {
        fields: { satelliteId: "no such registered satellite" },
      });
    }
  }
  const token = newToken(JOIN_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + expiresIn);
  const row = await tx.joinToken.create({
    data: {
      tokenHash: hashToken(token),
      tokenHint: tokenHint(token),
      note,
      maxUses: uses,
      expiresAt,
      satelliteId: bound?.id ?? null,
      createdById: "actor" in who ? personOf(who.actor) : null,
    },
  });
  await recordAudit(tx, who, {
    action: "join-token.create",
    targetType: "join-token",
    targetId: row.id,
    summary: `Created join token ${row.tokenHint} (${uses} use${uses > 1 ? "s" : ""}, expires ${expiresAt.toISOString()})${bound ? ` bound to ${bound.slug}` : ""}`,
  });
  return { id: row.id, token, expiresAt: expiresAt.toISOString() };
}

export async function createJoinToken(ctx: Ctx, input: unknown, now = new Date()) {
  authorize(ctx, "tokens.manage");
  return transaction((tx) => createJoinTokenUnchecked(tx, ctx, input, now));
}

/** The token list's filters: tokens that can still enroll, the rest (used up, expired or revoked), or all. */
export const JOIN_TOKEN_FILTERS = ["active", "used", "all"] as const;
export type JoinTokenFilter = (typeof JOIN_TOKEN_FILTERS)[number];

/** A bad filter or page in the URL falls back to the default list rather than failing the page. */
export const JoinTokenQuery = z.object({
  filter: z.enum(JOIN_TOKEN_FILTERS).default("active").catch("active"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  limit: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});
export type JoinTokenPage = {
  items: JoinTokenView[];
  /** How many tokens the chosen filter matches, across pages. */
  total: number;
  page: number;
  limit: number;
  counts: Record<JoinTokenFilter, number>;
};

function filterWhere(filter: JoinTokenFilter, now: Date): Prisma.JoinTokenWhereInput {
  if (filter === "all") return {};
  if (filter === "active") {
    return { revokedAt: null, expiresAt: { gt: now }, uses: { lt: db.joinToken.fields.maxUses } };
  }
  return {
    OR: [
      { revokedAt: { not: null } },
      { expiresAt: { lte: now } },
      { uses: { gte: db.joinToken.fields.maxUses } },
    ],
  };
}

/** One page of join tokens, newest first, with how many each filter holds for the filter links. */
export async function listJoinTokens(
  ctx: Ctx,
  input: unknown = {},
  now = new Date(),
): Promise<JoinTokenPage> {
  authorize(ctx, "tokens.manage");
  const query = JoinTokenQuery.parse(input ?? {});
  const [total, active, rows] = await Promise.all([
    db.joinToken.count(),
    db.joinToken.count({ where: filterWhere("active", now) }),
    db.joinToken.findMany({
      where: filterWhere(query.filter, now),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: { satellite: { select: { id: true, slug: true } }, createdBy: { select: { email: true } } },
    }),
  ]);
  const counts = { active, used: total - active, all: total };
  const items: JoinTokenView[] = rows.map((r) => ({
    id: r.id,
    hint: r.tokenHint,
    note: r.note,
    maxUses: r.maxUses,
    uses: r.uses,
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    satellite: r.satellite,
    createdBy: r.createdBy?.email ?? null,
    createdAt: r.createdAt.toISOString(),
    status: r.revokedAt
      ? "revoked"
      : r.expiresAt <= now
        ? "expired"
        : r.uses >= r.maxUses
          ? "used up"
          : "active",
  }));
  return { items, total: counts[query.filter], page: query.page, limit: query.limit, counts };
}

export async function revokeJoinToken(ctx: Ctx, input: unknown, now = new Date()): Promise<void> {
  authorize(ctx, "tokens.manage");
  const parsed = z.object({ id: z.string().min(1, "is required") }).safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  await transaction(async (tx) => {
    const row = await tx.joinToken.findUnique({ where: { id: parsed.data.id } });
    if (!row) throw new AppError("NOT_FOUND", "No such join token.");
    if (row.revokedAt) return;
    await tx.joinToken.update({ where: { id: row.id }, data: { revokedAt: now } });
    await recordAudit(tx, ctx, {
      action: "join-token.revoke",
      targetType: "join-token",
      targetId: row.id,
      summary: `Revoked join token ${row.tokenHint}`,
    });
  });
}
