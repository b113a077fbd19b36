import type { Metadata } from "next";
import styles from "@/components/status/status.module.css";
import type { ComponentChoice } from "@/components/status/subscribe-form";
import { ManageForm, TokenButton } from "@/components/status/subscription-forms";
import { isAppError } from "@/server/errors";
import { readSubscription, type SubscriptionView } from "@/server/subscribers/manage";
import { resubscribeAction, unsubscribeAction, updateSubscriptionAction } from "./actions";
import { manageHref, statusPageHref } from "./back-link";
import own from "./subscription.module.css";

export const metadata: Metadata = { title: "Manage subscription", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Regions with their sites beneath, from the flat "region:…"/"satellite:…" list. */
function grouped(choices: SubscriptionView["choices"]): ComponentChoice[] {
  const out: ComponentChoice[] = [];
  for (const c of choices) {
    if (c.id.startsWith("region:")) out.push({ ...c, children: [] });
    else out.at(-1)?.children.push(c);
  }
  return out;
}

function stateOf(view: SubscriptionView): string {
  if (view.unsubscribed) return "unsubscribed";
  if (view.confirmed) return "active";
  return view.kind === "email"
    ? "waiting for confirmation: follow the link in the email we sent"
    : "waiting for the verification ping to get through";
}

/** Where the messages go, and the subscription's state. */
function AddressLine({ view }: { view: SubscriptionView }) {
  return (
    <p className={own.line}>
      {view.kind === "email" ? "Email to" : "Webhook to"} <strong>{view.address}</strong> · {stateOf(view)}
    </p>
  );
}

/** Whom the leave question names: the masked address, or the webhook's host. */
function target(view: SubscriptionView): string {
  if (view.kind === "email") return view.address;
  const host = /^https?:\/\/([^/]+)/.exec(view.address)?.[1];
  return host ? `the webhook at ${host}` : "this webhook";
}

/**
 * Reached from every message's manage link: change what to follow, or leave. The unsubscribe link lands
 * here with `leave=1`, and then the question it came for is asked first.
 */
export default async function ManageSubscriptionPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const token = typeof search.token === "string" ? search.token : "";
  const leave = search.leave === "1";
  const view = await readSubscription(token).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
  const href = statusPageHref(view?.slug ?? slug, search);
  const back = { href, title: view ? `the ${view.pageTitle} status page` : "the status page" };
  const unsubscribeButton = (
    <TokenButton
      action={unsubscribeAction}
      token={token}
      label="Unsubscribe"
      pendingLabel="Unsubscribing…"
      doneText="You are unsubscribed: nothing more will be sent."
      back={back}
      isDanger
      refresh
      autoFocus={leave}
    />
  );
  const form = view && (
    <ManageForm
      action={updateSubscriptionAction}
      token={token}
      choices={grouped(view.choices)}
      wholePage={view.wholePage}
      chosen={view.components}
    />
  );
  return (
    <main className={styles.wrap}>
      <section className={styles.section}>
        <a className={own.back} href={href}>
          ← {view ? `${view.pageTitle} status` : "Status page"}
        </a>
        <h2>{view ? `${view.pageTitle} · your subscription` : "Your subscription"}</h2>
        {!view ? (
          <div className={styles.card}>
            <div className={own.block}>
              <p>
                This link is not valid any more. <a href={href}>Subscribe again on the status page</a>.
              </p>
            </div>
          </div>
        ) : view.unsubscribed ? (
          <div className={styles.card}>
            <AddressLine view={view} />
            <div className={own.block}>
              <p className={own.question}>You are unsubscribed: nothing more will be sent.</p>
              {!view.confirmed && (
                <p className={own.note}>
                  {view.kind === "email"
                    ? "Subscribing again sends a new confirmation link first; nothing is sent before you confirm."
                    : "Subscribing again sends a new verification ping; nothing else is sent before it gets through."}
                </p>
              )}
              <TokenButton
                action={resubscribeAction}
                token={token}
                label="Subscribe again"
                pendingLabel="Subscribing…"
                doneText="Subscribed again."
                back={back}
                // Once subscribed again, the page is the plain manage page: the leave question is answered.
                refresh={leave ? manageHref(slug, token, search) : true}
              />
            </div>
          </div>
        ) : leave ? (
          <div className={styles.card}>
            <div className={own.block}>
              <p className={own.question}>Stop all messages to {target(view)}?</p>
              {unsubscribeButton}
            </div>
            <div className={`${own.block} ${own.lead}`}>
              <p className={own.note}>
                Or keep the subscription ({stateOf(view)}) and change what it follows:
              </p>
            </div>
            {form}
          </div>
        ) : (
          <div className={styles.card}>
            <AddressLine view={view} />
            {form}
            <div className={own.block} id="leave">
              {unsubscribeButton}
            </div>
          </div>
        )}
      </section>
    </main>
  );
}
