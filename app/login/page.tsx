import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCtx } from "@/server/auth/session";
import { env } from "@/server/env";
import demoAccounts from "@/prisma/seed-data/demo-accounts.json";
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
        {env.ORRERY_DEMO === "1" && (
          <section className={styles.demo} aria-label="Demo sign-ins">
            <strong>Demo sign-ins</strong>
            <ul>
              {demoAccounts.map((a) => (
                <li key={a.email}>
                  <code>{a.email}</code>
                  <span>{a.does}</span>
                </li>
              ))}
            </ul>
            <span>
              Password{" "}
              <code>{env.DEMO_PASSWORD === "orrery-demo" ? "orrery-demo" : "the DEMO_PASSWORD set"}</code>
            </span>
          </section>
        )}
      </div>
    </main>
  );
}
