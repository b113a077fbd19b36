"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable, type Column } from "@/components/tables/data-table";
import { LiveError } from "@/components/ui/live-error";
import { Time } from "@/components/ui/time";
import { etagFetcher, isSignedOut, retryUnlessSignedOut } from "@/lib/fetch-json";
import { formatCount, formatDuration } from "@/lib/format";
import type { AlertList, AlertView } from "@/server/alerts/list";
import styles from "./alerts.module.css";
import { SeverityPill } from "./severity-pill";

const POLL_MS = 5_000;
const fetchAlerts = etagFetcher<AlertList>({ fallback: "The alerts could not be refreshed" });

function silenceHref(a: AlertView): string {
  const params = new URLSearchParams({ ruleId: a.rule.id });
  if (a.satelliteSlug) params.set("satellite", a.satelliteSlug);
  return `/alerts/silences?${params.toString()}#new-silence`;
}

const summaryColumn: Column<AlertView> = {
  id: "alert",
  header: "Alert",
  cell: (a) => (
    <>
      <div className={styles.summary}>
        <Link href={a.path}>{a.summary}</Link>
      </div>
      <div className={styles.sub}>
        {a.rule.name} · {a.rule.kindLabel}
      </div>
    </>
  ),
};

function firingColumns(canSilence: boolean): Column<AlertView>[] {
  return [
    { id: "severity", header: "Severity", cell: (a) => <SeverityPill severity={a.severity} /> },
    summaryColumn,
    { id: "scope", header: "Scope", cell: (a) => a.scope },
    { id: "since", header: "Since", cellClassName: "nowrap", cell: (a) => <Time at={a.firedAt} /> },
    {
      id: "notified",
      header: "Last notified",
      cellClassName: "nowrap",
      cell: (a) =>
        a.lastNotifiedAt ? (
          <>
            <Time at={a.lastNotifiedAt} />
            {a.notifications > 1 && <div className={styles.sub}>{formatCount(a.notifications, "time")}</div>}
          </>
        ) : (
          <span className="muted">not sent</span>
        ),
    },
    {
      id: "silence",
      header: "Silenced",
      cell: (a) =>
        a.silence ? (
          <span title={a.silence.reason}>
            <span className="pill plain">silenced</span>
            <div className={styles.sub}>
              until <Time at={a.silence.expiresAt} />
            </div>
          </span>
        ) : canSilence ? (
          <Link href={silenceHref(a)} className="btn small ghost" aria-label={`Silence ${a.summary}`}>
            Silence…
          </Link>
        ) : (
          <span className="muted">no</span>
        ),
    },
  ];
}

const resolvedColumns: Column<AlertView>[] = [
  { id: "severity", header: "State", cell: (a) => <SeverityPill severity={a.severity} isResolved /> },
  summaryColumn,
  { id: "scope", header: "Scope", cell: (a) => a.scope },
  { id: "resolved", header: "Resolved", cellClassName: "nowrap", cell: (a) => <Time at={a.resolvedAt} /> },
  {
    id: "lasted",
    header: "Lasted",
    cellClassName: "nowrap",
    cell: (a) => (a.resolvedAt ? formatDuration(a.firedAt, a.resolvedAt) : "—"),
  },
];

/** Firing alerts first, then the last day's resolved ones, refreshed every 5 s while the tab is open. */
export function AlertsLive({ initial, canSilence }: { initial: AlertList; canSilence: boolean }) {
  const { data, error } = useQuery({
    queryKey: ["alerts"],
    queryFn: () => fetchAlerts("/api/v1/alerts"),
    initialData: initial,
    staleTime: POLL_MS / 2,
    refetchInterval: (query) => (isSignedOut(query.state.error) ? false : POLL_MS),
    refetchIntervalInBackground: false,
    retry: retryUnlessSignedOut,
  });
  return (
    <>
      {error && <LiveError error={error} />}
      <section className="card" aria-labelledby="firing-heading">
        <div className="card-head">
          <h2 id="firing-heading">
            Firing{data.counts.firing ? ` (${data.counts.firing})` : ""}
            {data.counts.silenced ? <span className="muted"> · {data.counts.silenced} silenced</span> : null}
          </h2>
          <span className={`${styles.live} muted`} title="Refreshed every 5 s while this tab is open">
            <span className="live-dot" aria-hidden="true" /> Live
          </span>
        </div>
        <DataTable
          label="Firing alerts"
          columns={firingColumns(canSilence)}
          rows={data.firing}
          rowKey={(a) => a.id}
          empty={{
            title: "Nothing is firing",
            body:
              data.counts.rules > 0 ? (
                "Every rule's condition is clear. Alerts appear here the moment one holds."
              ) : (
                <>
                  No rule watches the fleet yet. <Link href="/alerts/rules">Add a rule</Link> and a{" "}
                  <Link href="/alerts/channels">channel</Link> to be told when something breaks.
                </>
              ),
          }}
        />
      </section>
      <section className="card" aria-labelledby="resolved-heading">
        <div className="card-head">
          <h2 id="resolved-heading">Resolved in the last 24 hours</h2>
        </div>
        <DataTable
          label="Resolved alerts"
          columns={resolvedColumns}
          rows={data.resolved}
          rowKey={(a) => a.id}
          empty={{ body: "No alert resolved in the last 24 hours." }}
        />
      </section>
    </>
  );
}
