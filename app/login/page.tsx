import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCtx, pendingEnrolment } from "@/server/auth/session";
import { env } from "@/server/env";
import { breakGlassEmail, isSsoOnly, ssoProviderViews } from "@/server/sso/providers";
import demoAccounts from "@/prisma/seed-data/demo-accounts.json";
import { LoginForm } from "./login-form";
import styles from "./login.module.css";
import { signInErrorMessage } from "./sign-in-errors";
import { SsoButtons } from "./sso-buttons";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{
    next?: string | string[];
    callbackUrl?: string | string[];
    error?: string | string[];
  }>;
}) {
  const ctx = await getCtx();
  const { next, callbackUrl, error } = await searchParams;
  // next-auth names the destination callbackUrl when it sends someone back here.
  const target = safeRedirectPath(next ?? callbackUrl);
  if (ctx.actor) redirect(target);
  if (await pendingEnrolment()) redirect(`/login/two-factor?next=${encodeURIComponent(target)}`);
  const providers = ssoProviderViews().map(({ id, name }) => ({ id, name }));
  const ssoOnly = isSsoOnly();
  const failure = signInErrorMessage(typeof error === "string" ? error : undefined);
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
        {failure && (
          <div role="alert" className="alert error">
            {failure}
          </div>
        )}
        {providers.length > 0 && <SsoButtons providers={providers} next={target} />}
        {!ssoOnly ? (
          <>
            {providers.length > 0 && <div className={styles.or}>or with a local account</div>}
            <LoginForm next={target} />
          </>
        ) : (
          breakGlassEmail() && (
            <details className={styles.breakGlass}>
              <summary>Break-glass account</summary>
              <LoginForm next={target} />
            </details>
          )
        )}
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
