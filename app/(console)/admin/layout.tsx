import Link from "next/link";
import { denyPage } from "@/components/ui/forbidden";
import { getCtx } from "@/server/auth/session";

const TABS = [
  { href: "/admin/satellites", label: "Satellites" },
  { href: "/admin/users", label: "Users" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Convenience only: every admin page and action authorizes again in server/.
  const denied = denyPage(await getCtx(), "users.manage");
  if (denied) return denied;
  return (
    <>
      <nav className="row" aria-label="Admin" style={{ padding: "14px 28px 0", gap: 4 }}>
        {TABS.map((t) => (
          <Link key={t.href} className="btn small ghost" href={t.href}>
            {t.label}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}
