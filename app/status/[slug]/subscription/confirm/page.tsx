import type { Metadata } from "next";
import styles from "@/components/status/status.module.css";
import { TokenButton } from "@/components/status/subscription-forms";
import { readLink } from "@/server/subscribers/links";
import { confirmAction } from "../actions";

export const metadata: Metadata = { title: "Confirm subscription", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The confirmation link's page. Confirming takes a click: mail systems fetch links to scan them, and a
 * fetch must not subscribe anyone.
 */
export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const valid = readLink(token, "confirm") !== null;
  return (
    <main className={styles.wrap}>
      <section className={styles.section}>
        <h2>Confirm your subscription</h2>
        <div className={styles.card} style={{ padding: "16px 18px" }}>
          {valid ? (
            <>
              <p>You will be told by email of incidents and status changes on this page.</p>
              <TokenButton
                action={confirmAction}
                token={token}
                label="Confirm subscription"
                pendingLabel="Confirming…"
                doneText="Subscribed."
              />
            </>
          ) : (
            <p>This link is not valid any more: it may have expired. Subscribe again on the status page.</p>
          )}
        </div>
      </section>
    </main>
  );
}
