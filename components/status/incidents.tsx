import { formatDateTime, formatDay, formatDuration } from "@/lib/format";
import type { PublicIncident, PublicMaintenance } from "@/server/status/snapshot";
import styles from "./incidents.module.css";

const IMPACT_LABEL: Record<string, string> = {
  none: "No impact",
  minor: "Minor",
  major: "Major",
  critical: "Critical",
};

/** Region ids as the names the page shows; an id the page does not show stays as it is. */
export type RegionNames = Map<string, string>;
const regionList = (ids: string[], names: RegionNames) => ids.map((id) => names.get(id) ?? id).join(", ");

function Updates({ incident }: { incident: PublicIncident }) {
  return (
    <ol className={styles.updates}>
      {incident.updates.map((u) => (
        <li key={u.at}>
          <strong>{u.status}</strong>
          <p>{u.body}</p>
          <time dateTime={u.at}>{formatDateTime(u.at)}</time>
        </li>
      ))}
    </ol>
  );
}

/** An open incident: everything it says, newest update first. */
export function ActiveIncident({ incident, names }: { incident: PublicIncident; names: RegionNames }) {
  return (
    <article id={`incident-${incident.id}`} className={styles.incident} data-impact={incident.impact}>
      <header>
        <h3>{incident.title}</h3>
        <span className={styles.impact}>{IMPACT_LABEL[incident.impact] ?? incident.impact}</span>
      </header>
      <div className={styles.meta}>
        Since {formatDateTime(incident.startedAt)}
        {incident.regions.length > 0 && ` · ${regionList(incident.regions, names)}`}
      </div>
      <Updates incident={incident} />
    </article>
  );
}

/** Planned work, in progress or ahead. */
export function Maintenance({ window, names }: { window: PublicMaintenance; names: RegionNames }) {
  return (
    <article id={`maintenance-${window.id}`} className={`${styles.incident} ${styles.maintenance}`}>
      <header>
        <h3>{window.title}</h3>
        <span className={styles.impact}>{window.active ? "In progress" : "Scheduled"}</span>
      </header>
      <div className={styles.meta}>
        {formatDateTime(window.startsAt)} – {formatDateTime(window.endsAt)}
        {window.regions.length > 0 && ` · ${regionList(window.regions, names)}`}
      </div>
      {window.description && <p className={styles.description}>{window.description}</p>}
    </article>
  );
}

/** A resolved incident in one line: what, when, how long; its updates open on demand. */
export function PastIncident({ incident, names }: { incident: PublicIncident; names: RegionNames }) {
  return (
    <details id={`incident-${incident.id}`} className={styles.past} data-impact={incident.impact}>
      <summary>
        <span className={styles.pastTitle}>{incident.title}</span>
        <span className={styles.meta}>
          {formatDay(incident.startedAt)} {new Date(incident.startedAt).getUTCFullYear()}
          {incident.resolvedAt && ` · lasted ${formatDuration(incident.startedAt, incident.resolvedAt)}`}
          {` · ${IMPACT_LABEL[incident.impact] ?? incident.impact} impact`}
          {incident.regions.length > 0 && ` · ${regionList(incident.regions, names)}`}
        </span>
      </summary>
      <Updates incident={incident} />
    </details>
  );
}
