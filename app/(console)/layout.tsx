import Link from "next/link";
import { redirect } from "next/navigation";
import { QueryProvider } from "@/components/query-provider";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Nav } from "@/components/shell/nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getCtx();
  // A cookie that no longer maps to an enabled user (signed out, disabled, role changed) starts over.
  if (!ctx.actor) redirect("/login");
  const items = NAV_ITEMS.filter((item) => mayDo(ctx, item.permission)).map(({ href, label, icon }) => ({
    href,
    label,
    icon,
  }));
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/" className="brand">
          <Logo />
          <span>
            Orrery
            <small>Distributed cloud console</small>
          </span>
        </Link>
        <Nav items={items} />
        <div className="sidebar-foot">
          <div className="who">
            <strong title={ctx.actor.email}>{ctx.actor.name}</strong>
            <span>
              {ctx.actor.email} · <span data-testid="role">{ctx.actor.role}</span>
              {ctx.actor.regionIds ? ` · ${ctx.actor.regionIds.join(", ")}` : ""}
            </span>
          </div>
          <div className="row">
            <SignOutButton />
            <ThemeToggle />
          </div>
        </div>
      </aside>
      <div className="main">
        <QueryProvider>{children}</QueryProvider>
      </div>
    </div>
  );
}
