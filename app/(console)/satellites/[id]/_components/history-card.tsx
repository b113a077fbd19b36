import { TableFrame } from "@/components/tables/data-table";
import { ConnectivityPill } from "@/components/ui/pills";
import { Time } from "@/components/ui/time";
import type { ConnectivityChange } from "@/server/satellites/history";
import styles from "../satellite.module.css";

/** The satellite's last connectivity changes, newest first. */
export function HistoryCard({ history }: { history: ConnectivityChange[] }) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>Connectivity history</h2>
        <span className="muted">newest first</span>
      </div>
      {history.length === 0 ? (
        <div className="card-body muted">No changes recorded yet.</div>
      ) : (
        <TableFrame className={styles.history}>
          <tbody>
            {history.map((h) => (
              <tr key={h.at + h.to}>
                <td className="nowrap">
                  <Time at={h.at} />
                </td>
                <td className="nowrap">
                  <ConnectivityPill value={h.from} /> → <ConnectivityPill value={h.to} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </section>
  );
}
