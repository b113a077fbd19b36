import type { SatelliteDetail } from "@/server/satellites/get";
import styles from "../satellite.module.css";

const tone = (status: string) => (status === "ok" ? "ok" : status === "degraded" ? "warn" : "bad");

/** The services the agent last reported, while it is reporting. */
export function ServicesCard({ s }: { s: SatelliteDetail }) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>Services</h2>
      </div>
      <div className="card-body">
        {s.services ? (
          <dl className={`facts ${styles.facts}`}>
            {Object.entries(s.services).map(([name, status]) => (
              <div key={name} className={styles.contents}>
                <dt>{name}</dt>
                <dd>
                  <span className={`pill ${tone(status)}`}>{status}</span>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <span className="muted">
            {s.connectivity === "never_seen"
              ? "The agent has not reported yet."
              : "No current report: services are shown only while the satellite is reporting."}
          </span>
        )}
      </div>
    </section>
  );
}
