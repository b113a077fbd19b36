"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./tabs.module.css";

export type TabItem = {
  href: string;
  label: string;
  /** Whether the tab is the current one; by default, when the path starts with its href. */
  isCurrent?: boolean;
};

/**
 * A section's tabs, rendered by its layout above the page so they sit in the same place on every page that
 * has them. A tab is current by path prefix unless the caller says otherwise (a tab per list of one path).
 */
export function Tabs({ label, items }: { label: string; items: TabItem[] }) {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label={label}>
      {items.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={(t.isCurrent ?? pathname.startsWith(t.href)) ? "page" : undefined}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
