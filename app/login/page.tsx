import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCtx } from "@/server/auth/session";
import { isProduction } from "@/server/env";
import { LoginForm } from "./login-form";
import styles from "./login.module.css";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const ctx = await getCtx();
  const { next } = await searchParams;
  const target = safeRedirectPath(next);
  if (ctx.actor) redirect(target);
  return (
    <main className={styles.login}>
      <div className={`card ${styles.box}`}>
        <div className={`row ${styles.title}`}>
          <Logo size={34} />
          <div>
            <h1>Orrery</h1>
            <div className="muted">Sign in to the fleet console</div>
          </div>
        </div>
        <LoginForm next={target} />
        {!isProduction && (
          <div className={styles.demo}>
            Demo logins: <code>admin@orrery.local</code>, <code>operator@orrery.local</code>,{" "}
            <code>viewer@orrery.local</code> — password <code>orrery-demo</code> unless DEMO_PASSWORD was set.
          </div>
        )}
      </div>
    </main>
  );
}
