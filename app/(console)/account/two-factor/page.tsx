import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHead } from "@/components/ui/page-head";
import { EnrolForm } from "@/app/login/two-factor/enrol-form";
import { confirmEnrolmentAction } from "@/app/login/two-factor/actions";
import { getCtx } from "@/server/auth/session";
import { startEnrolment, twoFactorState } from "@/server/twofactor/enrolment";

export const metadata: Metadata = { title: "Set up two-factor" };

export default async function AccountTwoFactorPage() {
  const ctx = await getCtx();
  if (ctx.actor?.kind !== "user") return null;
  const state = await twoFactorState(ctx.actor.id);
  if (state.isEnabled || state.isSso) redirect("/account");
  const { secret, uri, qrSvg } = await startEnrolment({ userId: ctx.actor.id });
  return (
    <div className="page">
      <PageHead title="Set up two-factor" crumbs={[{ href: "/account", label: "Your account" }]} />
      <section className="card" style={{ maxWidth: 560 }}>
        <div className="card-body">
          <EnrolForm
            secret={secret}
            uri={uri}
            qrSvg={qrSvg}
            action={confirmEnrolmentAction}
            continueHref="/account"
          />
        </div>
      </section>
    </div>
  );
}
