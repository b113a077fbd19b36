import type { Metadata } from "next";
import styles from "@/components/status/status.module.css";
import { TokenButton } from "@/components/status/subscription-forms";
import { readConfirmation } from "@/server/subscribers/manage";
import { confirmAction } from "../actions";
import { statusPageHref } from "../back-link";
import own from "../subscription.module.css";

export const metadata: Metadata = { title: "Confirm subscription", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The confirmation link's page. Confirming takes a click: mail systems fetch links to scan them, and a
 * fetch must not subscribe anyone.
 */
export default async function ConfirmSubscriptionPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const token = typeof search.token === "string" ? search.token : "";
  const page = await readConfirmation(token);
  const href = statusPageHref(page?.slug ?? slug, search);
  return (
    <main className={styles.wrap}>
      <section className={styles.section}>
        <a className={own.back} href={href}>
          ← {page ? `${page.pageTitle} status` : "Status page"}
        </a>
        <h2>Confirm your subscription</h2>
        <div className={styles.card}>
          <div className={own.block}>
            {page ? (
              <>
                <p>
                  You will be told by email of incidents and status changes on the{" "}
                  <strong>{page.pageTitle}</strong> status page.
                </p>
                <TokenButton
                  action={confirmAction}
                  token={token}
                  label="Confirm subscription"
                  pendingLabel="Confirming…"
                  doneText="Subscribed."
                  back={{ href, title: `the ${page.pageTitle} status page` }}
                />
              </>
            ) : (
              <p>
                This link is not valid any more: it may have expired.{" "}
                <a href={href}>Subscribe again on the status page</a>.
              </p>
            )}
          </div>
        </div>
      </section>
    </main>
  );
}
