import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RowActionButton } from "@/components/forms/row-action-button";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import {
  DELIVERY_LOG_SIZE,
  listSubscribers,
  type SubscriberAdminRow,
  type SubscriberState,
} from "@/server/subscribers/admin";
import { removeSubscriberAction } from "./actions";
import { DeliveryLog } from "./delivery-log";

export const metadata: Metadata = { title: "Subscribers" };

const STATE: Record<SubscriberState, { label: string; tone: string }> = {
  pending: { label: "Waiting for confirmation", tone: "info" },
  active: { label: "Active", tone: "ok" },
  failing: { label: "Failing", tone: "bad" },
  unsubscribed: { label: "Unsubscribed", tone: "" },
};

type Props = { params: Promise<{ id: string }> };

/** A status page's subscribers, their state and each one's delivery log; admins may remove any. */
export default async function SubscribersPage({ params }: Props) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "status-pages.manage"));
  if (denied) return denied;
  const { id } = await params;
  const view = await listSubscribers(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const now = new Date().toISOString();
  const remove = removeSubscriberAction.bind(null, view.page.id);
  const columns: Column<SubscriberAdminRow>[] = [
    {
      id: "state",
      header: "State",
      card: "lead",
      cell: (s) => <span className={`pill ${STATE[s.state].tone}`}>{STATE[s.state].label}</span>,
    },
    {
      id: "address",
      header: "Subscriber",
      card: "title",
      cell: (s) => (
        <div style={{ wordBreak: "break-all" }}>
          {s.address}
          <div className="cell-sub">{s.kind === "email" ? "Email" : "Webhook"}</div>
        </div>
      ),
    },
    {
      id: "follows",
      header: "Follows",
      cell: (s) => (s.wholePage ? "The whole page" : s.follows.join(", ")),
    },
    {
      id: "since",
      header: "Subscribed",
      cell: (s) => (
        <>
          <Time at={s.createdAt.toISOString()} now={now} />
          {s.failingSince && (
            <span className="cell-sub" style={{ color: "var(--bad)" }}>
              failing since <Time at={s.failingSince.toISOString()} now={now} />
            </span>
          )}
        </>
      ),
    },
    {
      id: "actions",
      header: "",
      cardLabel: "Actions",
      cell: (s) => (
        <RowActionButton
          id={s.id}
          action={remove}
          label="Remove"
          pendingLabel="Removing…"
          ariaLabel={`Remove the subscriber ${s.address}`}
          isDanger
        />
      ),
    },
  ];
  const c = view.counts;
  return (
    <div className="page">
      <PageHead
        crumbs={[
          { href: "/admin/status-pages", label: "Admin · Status pages" },
          { href: `/admin/status-pages/${view.page.id}`, label: view.page.title },
        ]}
        title="Subscribers"
        description={`/status/${view.page.slug} · ${c.active} active, ${c.pending} waiting for confirmation, ${c.failing} failing, ${c.unsubscribed} unsubscribed`}
      />
      {c.failing > 0 && (
        <div className="alert error" role="alert">
          {c.failing === 1 ? "One subscription is" : `${c.failing} subscriptions are`} failing: deliveries
          were retried for a day and gave up. Check the delivery log below; the subscriber may need to fix
          their receiver, or you may remove them.
        </div>
      )}
      <section className="card">
        <div className="card-body">
          <DataTable
            label="Subscribers"
            columns={columns}
            rows={view.subscribers}
            rowKey={(s) => s.id}
            empty={{
              title: "No subscribers yet",
              body: "People subscribe on the public page, by email (when SMTP is configured) or webhook.",
            }}
          />
        </div>
      </section>
      {view.subscribers.length > 0 && (
        <section className="card">
          <div className="card-head">
            <h2>Delivery log</h2>
            <span className="muted small">the last {DELIVERY_LOG_SIZE} attempts of each subscription</span>
          </div>
          <div className="card-body grid" style={{ gap: 8 }}>
            {view.subscribers.map((s) => (
              <DeliveryLog key={s.id} subscriber={s} now={now} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
