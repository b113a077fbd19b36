import Link from "next/link";
import { DataTable, type Column, type EmptyState } from "@/components/tables/data-table";
import { Time } from "@/components/ui/time";
import type { CommandState, CommandView } from "@/server/commands/list";
import { CancelCommandButton } from "./cancel-command-button";
import { CommandResult } from "./command-result";
import { describePayload } from "./command-spec";
import styles from "./commands.module.css";

const STATE_TONE: Record<CommandState, string> = {
  queued: "info",
  delivered: "accent",
  running: "accent",
  succeeded: "ok",
  failed: "bad",
  expired: "warn",
  cancelled: "",
};

export function CommandStatePill({ state }: { state: CommandState }) {
  return <span className={`pill ${STATE_TONE[state]}`}>{state}</span>;
}

function issuer(c: CommandView): React.ReactNode {
  if (c.issuedBy) {
    return (
      <>
        {c.issuedBy.name}
        <div className="cell-sub">{c.issuedBy.email}</div>
      </>
    );
  }
  if (c.rollout) {
    return (
      <>
        rollout
        <div className="cell-sub">{c.rollout.name}</div>
      </>
    );
  }
  return <span className="muted">system</span>;
}

/** Commands with their delivery and outcome; `showSatellite` is off on a satellite's own page. */
export function CommandsTable({
  items,
  showSatellite = true,
  now,
  empty,
  footer,
}: {
  items: CommandView[];
  showSatellite?: boolean;
  /** The moment relative times are counted from until the browser's clock takes over. */
  now?: Date;
  empty?: EmptyState;
  footer?: React.ReactNode;
}) {
  const hasActions = items.some((c) => c.canCancel);
  const columns: (Column<CommandView> | false)[] = [
    { id: "state", header: "State", cell: (c) => <CommandStatePill state={c.state} /> },
    {
      id: "command",
      header: "Command",
      cell: (c) => {
        const payload = describePayload(c.payload);
        return (
          <>
            <span className="mono">{c.type}</span>
            {payload && <div className={styles.payload}>{payload}</div>}
            {c.reason && <div className={styles.reason}>Reason: {c.reason}</div>}
          </>
        );
      },
    },
    showSatellite && {
      id: "satellite",
      header: "Satellite",
      cell: (c) => (
        <>
          <Link className="cell-main mono nowrap" href={`/satellites/${c.satellite.slug}`}>
            {c.satellite.slug}
          </Link>
          <div className="cell-sub">{c.satellite.regionId}</div>
        </>
      ),
    },
    { id: "deliveries", header: "Deliveries", isNumeric: true, cell: (c) => c.deliveries },
    { id: "issuer", header: "Issued by", cell: issuer },
    {
      id: "issued",
      header: "Issued",
      cellClassName: "nowrap",
      cell: (c) => <Time at={c.issuedAt} now={now} />,
    },
    {
      id: "finished",
      header: "Finished",
      cellClassName: "nowrap",
      cell: (c) => (
        <>
          <Time at={c.finishedAt} now={now} />
          {c.state === "queued" && c.notBefore && (
            <div className="cell-sub">
              held for its window until <Time at={c.notBefore} now={now} />
            </div>
          )}
          {!c.finishedAt && (
            <div className="cell-sub">
              expires <Time at={c.expiresAt} now={now} />
            </div>
          )}
        </>
      ),
    },
    {
      id: "result",
      header: "Result",
      cellClassName: styles.result,
      cell: (c) => (
        <>
          {c.message ?? (c.result === null ? <span className="muted">—</span> : null)}
          <CommandResult result={c.result} />
        </>
      ),
    },
    hasActions && {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      isNumeric: true,
      cell: (c) =>
        c.canCancel && <CancelCommandButton id={c.id} label={`${c.type} for ${c.satellite.slug}`} />,
    },
  ];
  return (
    <DataTable
      columns={columns.filter((c) => c !== false)}
      rows={items}
      rowKey={(c) => c.id}
      rowLabel={(c) => `${c.type} for ${c.satellite.slug}`}
      empty={empty}
      footer={footer}
    />
  );
}
