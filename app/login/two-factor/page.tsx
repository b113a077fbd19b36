import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCtx, pendingEnrolment } from "@/server/auth/session";
import { startEnrolment } from "@/server/twofactor/enrolment";
import styles from "../login.module.css";
import { confirmEnrolmentAction } from "./actions";
import { EnrolForm } from "./enrol-form";

export const metadata: Metadata = { title: "Set up two-factor" };

/** Where a person who must use two-factor lands after the password step, until they have enrolled. */
export default async function EnrolOnSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const target = safeRedirectPath((await searchParams).next);
  const [ctx, pending] = await Promise.all([getCtx(), pendingEnrolment()]);
  if (!pending) redirect(ctx.actor ? target : "/login");
  const { secret, uri, qrSvg } = await startEnrolment({ userId: pending.userId });
  return (
    <main className={styles.login}>
      <div className={`card ${styles.box}`}>
        <div className={`row ${styles.title}`}>
          <Logo size={34} />
          <div>
            <h1>Set up two-factor</h1>
            <div className="muted">Required for {pending.email}</div>
          </div>
        </div>
        <p className="muted">Orrery asks for a code from your phone at every sign-in to this account.</p>
        <EnrolForm
          secret={secret}
          uri={uri}
          qrSvg={qrSvg}
          action={confirmEnrolmentAction}
          continueHref={target}
        />
      </div>
    </main>
  );
}
