import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import styles from "./data-table.module.css";

export type SortDir = "asc" | "desc";

export type Column<Row> = {
  /** Unique within the table; also the React key. */
  id: string;
  /** The header's text, which is also the column's accessible name. */
  header: ReactNode;
  /** The server-side sort this column's header switches to; sorting lives in the URL. */
  sort?: string;
  /** Numbers line up on the right, and so do their headings. */
  isNumeric?: boolean;
  /** A class for the column's `<col>`, which fixes its width when the table is `isFixed`. */
  width?: string;
  /** The cell's content; unused when the table's `renderRow` draws whole rows. */
  cell?: (row: Row) => ReactNode;
  cellClassName?: string;
  cellTitle?: (row: Row) => string | undefined;
  /** A whole `<th>` of the caller's own, e.g. a select-all checkbox. */
  headerCell?: ReactNode;
  /** A whole `<td>` of the caller's own, e.g. a row checkbox that carries its own state. */
  renderCell?: (row: Row) => ReactNode;
  /**
   * Its place when the list becomes cards at phone width: "lead" cells open the card side by side (status
   * pills; a caller's own `renderCell` cells sit there too), "title" heads it (default: the first column),
   * "hidden" is left out; every other column is a line labelled with its header.
   */
  card?: "lead" | "title" | "hidden";
  /** The label of its line in a card, when `header` is not plain text. */
  cardLabel?: string;
};

export type SortState = {
  by: string;
  dir: SortDir;
  /** The URL that sorts by `by` in `dir`, keeping every other parameter. */
  href: (by: string, dir: SortDir) => string;
};

export type EmptyState = { title?: string; body?: ReactNode };

const CARD_CLASS = { lead: styles.cardLead, title: styles.cardTitle, hidden: styles.cardHidden } as const;

/**
 * Every list in the console: a sticky header, optional server-side sorting through the URL, an empty state
 * and room for a pager below. At phone width each row becomes a card (columns' `card`), and the sortable
 * headers a row of sort links above them. Rendered on the server; interactive cells bring their own client
 * components.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowLabel,
  label,
  sort,
  empty,
  isFixed = false,
  className,
  footer,
  renderRow,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** The row's accessible name, when its cells alone would not say which row it is. */
  rowLabel?: (row: Row) => string;
  /** The table's accessible name. */
  label?: string;
  sort?: SortState;
  /** Shown instead of the table when there are no rows; without it an empty table renders nothing. */
  empty?: EmptyState;
  /** Fixed layout: widths come from the columns, so paging and sorting never move them. */
  isFixed?: boolean;
  className?: string;
  /** Below the table, e.g. a pager; shown with the empty state too. */
  footer?: ReactNode;
  /** A whole `<tr>` per row, for rows that are forms with their own state; the columns then give only headers. */
  renderRow?: (row: Row) => ReactNode;
}) {
  // Without a column named the title, the first one that DataTable draws itself heads the card.
  const titleId =
    columns.find((c) => c.card === "title")?.id ?? columns.find((c) => !c.renderCell && !c.card)?.id;
  const cellClass = (c: Column<Row>) => {
    const card = c.card ?? (c.id === titleId ? "title" : undefined);
    return [c.isNumeric && styles.num, card && CARD_CLASS[card], c.cellClassName].filter(Boolean).join(" ");
  };
  const cardLabel = (c: Column<Row>) => c.cardLabel ?? (typeof c.header === "string" ? c.header : "");
  if (rows.length === 0) {
    return (
      <>
        {empty && (
          <div className="empty">
            {empty.title && <h2>{empty.title}</h2>}
            {empty.body && <p>{empty.body}</p>}
          </div>
        )}
        {footer}
      </>
    );
  }
  return (
    <>
      <div className={styles.wrap}>
        <table
          className={[styles.table, styles.cards, isFixed && styles.fixed, className]
            .filter(Boolean)
            .join(" ")}
          aria-label={label}
        >
          {isFixed && (
            <colgroup>
              {columns.map((c) => (
                <col key={c.id} className={c.width} />
              ))}
            </colgroup>
          )}
          <thead>
            <tr>{columns.map((c) => c.headerCell ?? <HeaderCell key={c.id} column={c} sort={sort} />)}</tr>
          </thead>
          <tbody className={renderRow ? styles.ownRows : undefined}>
            {rows.map((row) =>
              renderRow ? (
                <Fragment key={rowKey(row)}>{renderRow(row)}</Fragment>
              ) : (
                <tr key={rowKey(row)} aria-label={rowLabel?.(row)}>
                  {columns.map((c) =>
                    c.renderCell ? (
                      <Fragment key={c.id}>{c.renderCell(row)}</Fragment>
                    ) : (
                      <td
                        key={c.id}
                        className={cellClass(c) || undefined}
                        title={c.cellTitle?.(row)}
                        data-label={cardLabel(c)}
                      >
                        {c.cell?.(row)}
                      </td>
                    ),
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {footer}
    </>
  );
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort?: SortState }) {
  const isSorted = !!sort && column.sort === sort.by;
  if (!sort || !column.sort) {
    const className = column.isNumeric ? styles.num : undefined;
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const next: SortDir = isSorted && sort.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      className={[column.isNumeric && styles.num, styles.sortable].filter(Boolean).join(" ")}
      aria-sort={isSorted ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link className={styles.sortLink} href={sort.href(column.sort, next)}>
        {column.header}
        {isSorted ? (sort.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    </th>
  );
}

/** What a list shows while its page loads: the same frame, grey bars for rows. */
export function DataTableSkeleton({ columns, rows = 8 }: { columns: string[]; rows?: number }) {
  return (
    <div className={styles.wrap} aria-busy="true">
      <table className={styles.table}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {columns.map((c, i) => (
                <td key={c}>
                  <div
                    className={`skeleton ${styles.skeletonBar}`}
                    style={{ width: `${90 - ((r + i) % 3) * 20}%` }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The list frame around a small table written by hand (a detail page's few rows), styled like the lists. */
export function TableFrame({
  label,
  className,
  children,
}: {
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={styles.wrap}>
      <table className={[styles.table, className].filter(Boolean).join(" ")} aria-label={label}>
        {children}
      </table>
    </div>
  );
}

/** The bar under a table, for a footer that is not a page-by-page pager (e.g. "Show 50 more"). */
export function TableFooter({ children }: { children: ReactNode }) {
  return <div className={styles.pager}>{children}</div>;
}
