import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmButton, SendTestButton } from "@/components/alerts/buttons";
import styles from "@/components/alerts/alerts.module.css";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { listChannels, type ChannelView } from "@/server/alerts/channels";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { deleteChannelAction, sendTestAction } from "../actions";

export const metadata: Metadata = { title: "Alerts · Channels" };

function columns(canManage: boolean, now: Date): Column<ChannelView>[] {
  const cols: Column<ChannelView>[] = [
    {
      id: "channel",
      header: "Channel",
      cell: (c) => (
        <>
          <strong>{canManage ? <Link href={`/alerts/channels/${c.id}`}>{c.name}</Link> : c.name}</strong>
          <div className="cell-sub">{c.kindLabel}</div>
        </>
      ),
    },
    { id: "target", header: "Sends to", cellClassName: "mono", cell: (c) => c.target },
    {
      id: "secret",
      header: "Secret",
      cell: (c) =>
        c.kind === "webhook" || c.kind === "pagerduty" ? (
          c.hasSecret ? (
            <span className="pill ok">set</span>
          ) : (
            <span className="pill warn">not set</span>
          )
        ) : (
          <span className="muted">—</span>
        ),
    },
    { id: "rules", header: "Rules", isNumeric: true, cell: (c) => c.ruleCount },
    {
      id: "last",
      header: "Last delivery",
      cell: (c) => {
        const failedLast = c.lastErrorAt && (!c.lastSuccessAt || c.lastErrorAt > c.lastSuccessAt);
        if (!c.lastSuccessAt && !c.lastErrorAt) return <span className="muted">nothing sent yet</span>;
        return failedLast ? (
          <span title={c.lastError ?? ""}>
            <span className="pill bad">failed</span> <Time at={c.lastErrorAt} now={now} />
            <div className={`cell-sub ${styles.error}`}>{c.lastError}</div>
          </span>
        ) : (
          <>
            <span className="pill ok">delivered</span> <Time at={c.lastSuccessAt} now={now} />
          </>
        );
      },
    },
    { id: "state", header: "State", cell: (c) => (c.enabled ? "on" : <span className="pill">off</span>) },
  ];
  if (!canManage) return cols;
  return [
    ...cols,
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (c) => (
        <div className={styles.actions}>
          <SendTestButton action={sendTestAction} id={c.id} name={c.name} />
          <ConfirmButton
            action={deleteChannelAction}
            id={c.id}
            label="Delete"
            ariaLabel={`Delete channel ${c.name}`}
            confirm={`Delete the channel "${c.name}"? Rules stop telling it, and messages waiting for it are dropped.`}
          />
        </div>
      ),
    },
  ];
}

export default async function ChannelsPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.read"));
  if (denied) return denied;
  const channels = await listChannels(ctx);
  const canManage = mayDo(ctx, "alerts.manage");
  return (
    <div className="page">
      <PageHead
        title="Notification channels"
        description="Where alerts go: email, Slack, a signed webhook, PagerDuty or Microsoft Teams. Secrets are write-only; a failed delivery is retried for up to a day."
        actions={
          canManage && (
            <Link className="btn primary" href="/alerts/channels/new">
              New channel
            </Link>
          )
        }
      />
      <section className="card">
        <DataTable
          label="Notification channels"
          columns={columns(canManage, new Date())}
          rows={channels}
          rowKey={(c) => c.id}
          empty={{
            title: "No channels yet",
            body: canManage ? (
              <>
                <Link href="/alerts/channels/new">Add a channel</Link> — a Slack webhook or an email list is
                the quickest — then send it a test.
              </>
            ) : (
              "An admin adds the channels alerts are sent to."
            ),
          }}
        />
      </section>
    </div>
  );
}
