import { SubscribeForm, type ComponentChoice } from "@/components/status/subscribe-form";
import styles from "@/components/status/status.module.css";
import { mailConfig } from "@/server/outbox/mail";
import type { StatusSnapshot } from "@/server/status/snapshot";
import { subscribeAction } from "./subscription/actions";

/** The page's subscribe section: email only when this Orrery can send mail, webhooks always. */
export function SubscribeSection({ snapshot }: { snapshot: StatusSnapshot }) {
  const choices: ComponentChoice[] = snapshot.document.regions.map((r) => ({
    id: `region:${r.id}`,
    name: r.name,
    children: (r.components ?? []).map((s) => ({ id: `satellite:${s.id}`, name: s.name })),
  }));
  const key = snapshot.page.visibility === "unlisted" ? snapshot.page.secret : null;
  return (
    <section className={styles.section} id="subscribe" aria-label="Get updates">
      <h2>Get updates</h2>
      <div className={styles.card}>
        <SubscribeForm
          action={subscribeAction}
          slug={snapshot.page.slug}
          pageKey={key}
          emailEnabled={!!mailConfig().smtpUrl}
          choices={choices}
        />
      </div>
    </section>
  );
}
