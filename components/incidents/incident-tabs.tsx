"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "../shell/tabs.module.css";

const TABS = [
  { href: "/incidents", label: "Open" },
  { href: "/incidents/resolved", label: "History" },
  { href: "/incidents/maintenance", label: "Maintenance" },
];

/**
 * Each tab is one list and is current only on that list. The shell's tabs match by prefix, which would
 * mark "Open" on every incident page; the forms and detail pages under it are not its list, so none is.
 */
export function IncidentTabs({
  counts,
}: {
  counts: { open: number; proposed: number; maintenance: number };
}) {
  const pathname = usePathname();
  const badge: Record<string, string> = {
    "/incidents": counts.open + counts.proposed ? ` (${counts.open + counts.proposed})` : "",
    "/incidents/maintenance": counts.maintenance ? ` (${counts.maintenance})` : "",
  };
  return (
    <nav className={styles.tabs} aria-label="Incidents">
      {TABS.map((t) => (
        <Link key={t.href} href={t.href} aria-current={pathname === t.href ? "page" : undefined}>
          {t.label}
          {badge[t.href] ?? ""}
        </Link>
      ))}
    </nav>
  );
}
