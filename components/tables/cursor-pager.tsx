import Link from "next/link";
import type { ReactNode } from "react";
import styles from "@/components/tables/data-table.module.css";

/**
 * Newest / older over a log read by cursor: an older page starts below the last row shown, so no page is
 * read by offset and rows written meanwhile never shift one. Going back is the browser's Back or the newest
 * page; the Audit log uses the same pager.
 */
export function CursorPager({
  summary,
  newestHref,
  olderHref,
  label = "Pages",
}: {
  summary: ReactNode;
  /** The first page, or null when this is it. */
  newestHref: string | null;
  /** The next older page, or null on the last. */
  olderHref: string | null;
  label?: string;
}) {
  const link = (href: string | null, text: string, rel: "prev" | "next") =>
    href ? (
      <Link className="btn small" rel={rel} href={href}>
        {text}
      </Link>
    ) : (
      <span className={`btn small ${styles.disabled}`} aria-disabled="true">
        {text}
      </span>
    );
  return (
    <nav className={styles.pager} aria-label={label}>
      <span>{summary}</span>
      <span className={styles.pagerLinks}>
        {link(newestHref, "← Newest", "prev")}
        {link(olderHref, "Older →", "next")}
      </span>
    </nav>
  );
}

/** "1,000+ commands" when the count stopped at its cap, "12 commands" otherwise. */
export function cappedCount(total: number, isAtLeast: boolean, singular: string): string {
  const n = total.toLocaleString("en");
  return `${n}${isAtLeast ? "+" : ""} ${total === 1 && !isAtLeast ? singular : `${singular}s`}`;
}
