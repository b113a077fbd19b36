import Link from "next/link";
import { redirect } from "next/navigation";
import { QueryProvider } from "@/components/query-provider";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Nav } from "@/components/shell/nav";
import { ShellMenu } from "@/components/shell/shell-menu";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { actorLabel } from "@/server/auth/actor";
import { canOf } from "@/server/auth/can";
import { getCtx } from "@/server/auth/session";
import styles from "./layout.module.css";

function Brand() {
  return (
    <Link href="/" className={styles.brand}>
      <Logo />
      <span>
        Orrery
        <small>Distributed cloud console</small>
      </span>
    </Link>
  );
}

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getCtx();
  // A cookie that no longer maps to an enabled user (signed out, disabled, role changed) starts over.
  if (!ctx.actor) redirect("/login");
  const can = canOf(ctx);
  const items = NAV_ITEMS.filter((item) => can[item.permission]).map(({ href, label, icon }) => ({
    href,
    label,
    icon,
  }));
  return (
    <div className={styles.shell}>
      {/* The first thing a keyboard reaches: past the navigation, straight to the page. */}
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <ShellMenu brand={<Brand />} className={styles.sidebar}>
        <div className={styles.sidebarBrand}>
          <Brand />
        </div>
        <Nav items={items} />
        <div className={styles.foot}>
          <div className={styles.who}>
            <strong title={actorLabel(ctx.actor)}>
              {ctx.actor.kind === "user" ? <Link href="/account">{ctx.actor.name}</Link> : ctx.actor.name}
            </strong>
            <span>
              {actorLabel(ctx.actor)} · <span data-testid="role">{ctx.actor.role}</span>
              {ctx.actor.regionIds ? ` · ${ctx.actor.regionIds.join(", ")}` : ""}
            </span>
            <Link href="/settings/tokens" className="small">
              API tokens
            </Link>
          </div>
          <div className="row">
            <SignOutButton />
            <ThemeToggle />
          </div>
        </div>
      </ShellMenu>
      <main id="main" tabIndex={-1} className={styles.main}>
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
