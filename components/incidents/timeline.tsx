import { Time } from "@/components/ui/time";
import type { TimelineEntry } from "@/server/incidents/read";
import styles from "./incidents.module.css";
import { ImpactPill, IncidentStatusPill } from "./pills";

/** An incident's updates, newest first, each with its status, impact, author and time. */
export function Timeline({ updates, now }: { updates: TimelineEntry[]; now: Date }) {
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <div className="card-head">
        <h2 id="timeline-heading">Timeline</h2>
        <span className="muted">
          {updates.length} {updates.length === 1 ? "update" : "updates"}, newest first
        </span>
      </div>
      <ol className={styles.timeline} aria-label="Updates">
        {updates.map((u) => (
          <li key={u.id} className={styles.entry}>
            <div className={styles.entryHead}>
              <IncidentStatusPill value={u.status} />
              <ImpactPill value={u.impact} />
              <span>
                by <strong>{u.author ?? "the reconciler"}</strong>
              </span>
              <Time at={u.createdAt} now={now} />
            </div>
            <p className={styles.entryBody}>{u.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
