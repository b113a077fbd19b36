import { Tabs } from "@/components/shell/tabs";
import { denyPage } from "@/components/ui/forbidden";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";

const TABS = [
  { href: "/admin/satellites", label: "Satellites" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/sso", label: "Single sign-on" },
  { href: "/admin/tokens", label: "Tokens" },
  { href: "/admin/releases", label: "Releases" },
  { href: "/admin/status-pages", label: "Status pages" },
  { href: "/admin/regions", label: "Regions" },
  { href: "/admin/windows", label: "Deployment windows" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Convenience only: every admin page and action authorizes again in server/.
  const denied = denyPage(refusal(await getCtx(), "users.manage"));
  if (denied) return denied;
  return (
    <>
      <Tabs label="Admin" items={TABS} />
      {children}
    </>
  );
}
