import { Time } from "@/components/ui/time";
import type { SubscriberAdminRow } from "@/server/subscribers/admin";
import styles from "./delivery-log.module.css";

/** One subscription's attempts, newest first, folded until opened. */
export function DeliveryLog({ subscriber, now }: { subscriber: SubscriberAdminRow; now: string }) {
  const failed = subscriber.log.filter((a) => !a.ok).length;
  return (
    <details className={styles.log}>
      <summary>
        <span className={styles.who}>{subscriber.address}</span>
        <span className="muted small">
          {subscriber.log.length} {subscriber.log.length === 1 ? "attempt" : "attempts"}
          {failed ? `, ${failed} failed` : ""}
        </span>
      </summary>
      {subscriber.log.length === 0 ? (
        <p className="muted small">Nothing has been sent yet.</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>When</th>
                <th>Event</th>
                <th>Result</th>
                <th className={styles.num}>Latency</th>
                <th>Delivery id</th>
              </tr>
            </thead>
            <tbody>
              {subscriber.log.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Time at={a.at.toISOString()} now={now} />
                  </td>
                  <td>{a.topic}</td>
                  <td className={a.ok ? styles.ok : styles.bad}>
                    {a.ok ? "Delivered" : "Failed"}
                    {a.httpStatus !== null && ` · HTTP ${a.httpStatus}`}
                    {a.error && <span className={styles.error}>{a.error}</span>}
                  </td>
                  <td className={styles.num}>{a.latencyMs} ms</td>
                  <td className={styles.id}>{a.deliveryId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
