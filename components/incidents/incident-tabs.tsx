"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/incidents", label: "Open", match: (p: string) => p === "/incidents" || p === "/incidents/new" },
  {
    href: "/incidents/resolved",
    label: "History",
    match: (p: string) => p.startsWith("/incidents/resolved"),
  },
  {
    href: "/incidents/maintenance",
    label: "Maintenance",
    match: (p: string) => p.startsWith("/incidents/maintenance"),
  },
];

/** The shell's tabs match by prefix; every incident page shares the /incidents prefix, so these match exactly. */
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
    <nav className="tabs" aria-label="Incidents">
      {TABS.map((t) => (
        <Link key={t.href} href={t.href} aria-current={t.match(pathname) ? "page" : undefined}>
          {t.label}
          {badge[t.href] ?? ""}
        </Link>
      ))}
    </nav>
  );
}
