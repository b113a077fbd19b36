import type { Metadata } from "next";
import styles from "@/components/status/status.module.css";
import type { ComponentChoice } from "@/components/status/subscribe-form";
import { ManageForm, TokenButton } from "@/components/status/subscription-forms";
import { isAppError } from "@/server/errors";
import { readSubscription, type SubscriptionView } from "@/server/subscribers/manage";
import { unsubscribeAction, updateSubscriptionAction } from "./actions";

export const metadata: Metadata = { title: "Manage subscription", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Regions with their sites beneath, from the flat "region:…"/"satellite:…" list. */
function grouped(choices: SubscriptionView["choices"]): ComponentChoice[] {
  const out: ComponentChoice[] = [];
  for (const c of choices) {
    if (c.id.startsWith("region:")) out.push({ ...c, children: [] });
    else out.at(-1)?.children.push(c);
  }
  return out;
}

/** Reached from every message's manage link: change what to follow, or leave. */
export default async function ManageSubscriptionPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const view = await readSubscription(token).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
  return (
    <main className={styles.wrap}>
      <section className={styles.section}>
        <h2>{view ? `${view.pageTitle} · your subscription` : "Your subscription"}</h2>
        {!view ? (
          <div className={styles.card} style={{ padding: "16px 18px" }}>
            <p>This link is not valid any more. Subscribe again on the status page.</p>
          </div>
        ) : (
          <div className={styles.card}>
            <p style={{ padding: "16px 18px 0", margin: 0 }}>
              {view.kind === "email" ? "Email to" : "Webhook to"} <strong>{view.address}</strong>
              {" · "}
              {view.unsubscribed ? "unsubscribed" : view.confirmed ? "active" : "waiting for confirmation"}
            </p>
            <ManageForm
              action={updateSubscriptionAction}
              token={token}
              choices={grouped(view.choices)}
              wholePage={view.wholePage}
              chosen={view.components}
            />
            {!view.unsubscribed && (
              <div style={{ padding: "0 18px 16px" }} id="leave">
                <TokenButton
                  action={unsubscribeAction}
                  token={token}
                  label="Unsubscribe"
                  pendingLabel="Unsubscribing…"
                  doneText="You are unsubscribed; nothing more will be sent."
                  isDanger
                />
              </div>
            )}
          </div>
        )}
      </section>
    </main>
  );
}
