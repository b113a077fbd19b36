import { z } from "zod";
import { decodeCursor, pageFrom, type ListPage } from "../pagination";

const key = z.tuple([z.string().max(300)]);

/**
 * A cursor page of a short list a verb answers whole (status pages, users, tokens), ordered here by a unique
 * `keyOf` (ascending, or descending for newest first): the items after the cursor's key, paged as `pageFrom`
 * pages a keyset query, so a page never repeats or skips an item when others are added.
 */
export function pageOfAll<T>(
  all: readonly T[],
  query: { limit: number; cursor?: string },
  keyOf: (item: T) => string,
  url: string,
  order: "asc" | "desc" = "asc",
): ListPage<T> {
  const after = decodeCursor(query.cursor, key)?.[0];
  const beyond = (k: string, than: string) => (order === "asc" ? k > than : k < than);
  const sorted = [...all].sort((a, b) => (beyond(keyOf(a), keyOf(b)) ? 1 : keyOf(a) === keyOf(b) ? 0 : -1));
  const rest = after === undefined ? sorted : sorted.filter((item) => beyond(keyOf(item), after));
  return pageFrom(rest.slice(0, query.limit + 1), query.limit, (item) => [keyOf(item)], url);
}
