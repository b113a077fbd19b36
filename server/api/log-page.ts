import { z } from "zod";
import { decodeCursor, encodeCursor } from "./pagination";

// One page of a log read newest first by (time, id) — the Commands list and the audit log — with a count of
// the matches capped at TOTAL_CAP. A deep page starts from the cursor of the page before it, never by offset.

/** Counting stops here: a count of every match would read the whole log on each request. */
export const TOTAL_CAP = 1000;

const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

export type LogPage<Row> = {
  /** How many rows match, counted up to TOTAL_CAP: past it, `isTotalAtLeast` says "at least". */
  total: number;
  isTotalAtLeast: boolean;
  page: number;
  limit: number;
  rows: Row[];
  /** The cursor of the next (older) page, null on the last. */
  next: string | null;
};

type LogRead<Row> = {
  /** The `where` that keeps rows strictly older than (at, id) on the log's time column `timeField`. */
  timeField: string;
  /** Up to `take` ids of every match, in the log's own order, so the count walks the index the page does. */
  ids: (take: number) => Promise<unknown[]>;
  /** The page's rows: `older` (when a cursor was given) narrows the filter; `skip` is for shallow pages. */
  rows: (older: Record<string, unknown> | undefined, skip: number, take: number) => Promise<Row[]>;
  timeOf: (row: Row) => Date;
  idOf: (row: Row) => string;
};

export async function logPage<Row>(
  q: { cursor?: string; page: number; limit: number },
  read: LogRead<Row>,
): Promise<LogPage<Row>> {
  const after = decodeCursor(q.cursor, cursorKey);
  const t = read.timeField;
  const older = after && {
    // The bound alone is what PostgreSQL can seek the index to; the OR then settles the ties.
    [t]: { lte: new Date(after[0]) },
    OR: [{ [t]: { lt: new Date(after[0]) } }, { [t]: new Date(after[0]), id: { lt: after[1] } }],
  };
  const [counted, rows] = await Promise.all([
    // Ids rather than count(): count() adds ORDER BY id, which SQLite serves by scanning the primary key
    // past every row a rare filter skips.
    read.ids(TOTAL_CAP + 1).then((ids) => ids.length),
    read.rows(older, after ? 0 : (q.page - 1) * q.limit, q.limit + 1),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    total: Math.min(counted, TOTAL_CAP),
    isTotalAtLeast: counted > TOTAL_CAP,
    page: q.page,
    limit: q.limit,
    rows: page,
    next:
      rows.length > q.limit && last ? encodeCursor([read.timeOf(last).toISOString(), read.idOf(last)]) : null,
  };
}
