import Link from "next/link";
import type { ReactNode } from "react";
import { formatRange } from "@/lib/format";
import styles from "./data-table.module.css";

/**
 * Previous / next over a server-paged list. `summary` defaults to "51–100 of 2,450"; time-ordered logs
 * name their directions "Newer" and "Older". A list that fits one page shows no pager unless `isAlwaysShown`.
 */
export function Pager({
  page,
  limit,
  total,
  href,
  label = "Pages",
  summary,
  prevText = "← Previous",
  nextText = "Next →",
  isAlwaysShown = false,
}: {
  page: number;
  limit: number;
  total: number;
  href: (page: number) => string;
  label?: string;
  summary?: ReactNode;
  prevText?: string;
  nextText?: string;
  isAlwaysShown?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (!isAlwaysShown && pages === 1 && page === 1) return null;
  const link = (to: number, text: string, rel: "prev" | "next", isEnabled: boolean) =>
    isEnabled ? (
      <Link className="btn small" rel={rel} href={href(to)}>
        {text}
      </Link>
    ) : (
      <span className={`btn small ${styles.disabled}`} aria-disabled="true">
        {text}
      </span>
    );
  return (
    <nav className={styles.pager} aria-label={label}>
      <span>{summary ?? formatRange(page, limit, total)}</span>
      <span className={styles.pagerLinks}>
        {link(page - 1, prevText, "prev", page > 1)}
        <span className={styles.pageOf}>
          Page {page} of {pages}
        </span>
        {link(page + 1, nextText, "next", page < pages)}
      </span>
    </nav>
  );
}
