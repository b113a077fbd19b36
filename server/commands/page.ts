import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import {
  commandInclude,
  commandWhere,
  CommandFilter,
  NEWEST_FIRST,
  resolvedCommandWhere,
  toCommandViews,
  type CommandView,
} from "./list";
import { MAX_TARGETS } from "./targets";

/** Where a page starts: below the command issued at `issuedAt` with this id. */
export type CommandPageKey = { issuedAt: string; id: string };

/**
 * The Commands list's filters (the same `commandWhere` as the console's list), newest first, read as a
 * keyset page of `limit + 1` commands below `after`, so commands issued meanwhile never shift a page.
 */
export async function listCommandPage(
  ctx: Ctx,
  filter: unknown,
  page: { limit: number; after?: CommandPageKey },
): Promise<CommandView[]> {
  authorize(ctx, "commands.read");
  const where = await resolvedCommandWhere(parseInput(CommandFilter, filter ?? {}));
  const after = page.after && new Date(page.after.issuedAt);
  const below = after && {
    // The bound alone is what PostgreSQL can seek the index to; the OR then settles the ties.
    issuedAt: { lte: after },
    OR: [{ issuedAt: { lt: after } }, { issuedAt: after, id: { lt: page.after!.id } }],
  };
  const rows = await db.command.findMany({
    where: below ? { AND: [where, below] } : where,
    include: commandInclude,
    orderBy: NEWEST_FIRST,
    take: page.limit + 1,
  });
  return toCommandViews(ctx, rows);
}

/** One command as the list shows it. */
export async function getCommand(ctx: Ctx, id: string): Promise<CommandView> {
  authorize(ctx, "commands.read");
  const row =
    typeof id === "string" && id.length > 0 && id.length <= 200
      ? await db.command.findUnique({ where: { id }, include: commandInclude })
      : null;
  if (!row) throw new AppError("NOT_FOUND", `No command ${String(id).slice(0, 200)}.`);
  return toCommandViews(ctx, [row])[0];
}

/** The ids of the commands one issue request queued under `key`, in satellite order of their keys. */
export async function commandIdsOfBatch(ctx: Ctx, key: string): Promise<string[]> {
  authorize(ctx, "commands.read");
  const { batch } = parseInput(CommandFilter, { batch: key });
  if (!batch) return [];
  const rows = await db.command.findMany({
    where: commandWhere({ batch }),
    select: { id: true },
    orderBy: { idempotencyKey: "asc" },
    take: MAX_TARGETS,
  });
  return rows.map((r) => r.id);
}
