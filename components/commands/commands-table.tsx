import Link from "next/link";
import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import type { CommandState, CommandView } from "@/server/commands/list";
import { CancelCommandButton } from "./cancel-command-button";
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

/** A moment in the table; the exact instant, seconds included, is in the tooltip. */
function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
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
}: {
  items: CommandView[];
  showSatellite?: boolean;
}) {
  const hasActions = items.some((c) => c.canCancel);
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Command</th>
            {showSatellite && <th scope="col">Satellite</th>}
            <th scope="col" className="num">
              Deliveries
            </th>
            <th scope="col">Issued by</th>
            <th scope="col">Issued</th>
            <th scope="col">Finished</th>
            <th scope="col">Result</th>
            {hasActions && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const payload = describePayload(c.payload);
            return (
              <tr key={c.id} aria-label={`${c.type} for ${c.satellite.slug}`}>
                <td>
                  <CommandStatePill state={c.state} />
                </td>
                <td>
                  <span className="mono">{c.type}</span>
                  {payload && <div className={styles.payload}>{payload}</div>}
                </td>
                {showSatellite && (
                  <td>
                    <Link className="cell-main mono nowrap" href={`/satellites/${c.satellite.slug}`}>
                      {c.satellite.slug}
                    </Link>
                    <div className="cell-sub">{c.satellite.regionId}</div>
                  </td>
                )}
                <td className="num">{c.deliveries}</td>
                <td>{issuer(c)}</td>
                <td className="nowrap">
                  <When iso={c.issuedAt} />
                </td>
                <td className="nowrap">
                  <When iso={c.finishedAt} />
                  {!c.finishedAt && (
                    <div className="cell-sub">
                      expires {formatDay(c.expiresAt)}, {formatTime(c.expiresAt)} UTC
                    </div>
                  )}
                </td>
                <td className={styles.result}>
                  {c.message ?? (c.result ? null : <span className="muted">—</span>)}
                  {c.result && <div className={styles.payload}>{c.result}</div>}
                </td>
                {hasActions && (
                  <td className="num">
                    {c.canCancel && (
                      <CancelCommandButton id={c.id} label={`${c.type} for ${c.satellite.slug}`} />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
