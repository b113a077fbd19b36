import { z } from "zod";
import { fieldError } from "./problem";

/** The query every list takes: at most 500 items a page, and the opaque cursor a previous page's `next` held. */
export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .meta({ label: "Limit", description: "Items per page, at most 500." }),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .meta({ label: "Cursor", description: "The `next` value of the previous page." }),
});
export type PageQuery = z.output<typeof pageQuery>;

/** A list answer: the page's items and the link to the next page, null on the last. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next: z
      .string()
      .nullable()
      .meta({ description: "Path and query of the next page, or null on the last page." }),
  });
}
export type ListPage<T> = { items: T[]; next: string | null };

/** A cursor is the last item's sort key, so a page never repeats or skips a row when rows are added. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw fieldError(
      "VALIDATION",
      "cursor",
      "The cursor is not one this list gave out. Start again without it.",
    );
  }
  return parsed.data;
}

/**
 * The page from `rows`, read with `limit + 1` so the extra row says whether there is a next page. `next` is
 * this request's path and query with the cursor of the page's last row.
 */
export function pageFrom<Row, Item = Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => unknown,
  url: string,
  map: (row: Row) => Item = (row) => row as unknown as Item,
): ListPage<Item> {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  let next: string | null = null;
  if (more && page.length > 0) {
    const u = new URL(url);
    u.searchParams.set("cursor", encodeCursor(keyOf(page[page.length - 1])));
    u.searchParams.set("limit", String(limit));
    next = `${u.pathname}?${u.searchParams.toString()}`;
  }
  return { items: page.map(map), next };
}
