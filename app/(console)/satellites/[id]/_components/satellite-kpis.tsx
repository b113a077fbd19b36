import { ConnectivityPill, HealthPill, LifecyclePill } from "@/components/ui/pills";
import { Time } from "@/components/ui/time";
import { describeConnectivity } from "@/lib/connectivity";
import { formatDateTime } from "@/lib/format";
import type { SatelliteDetail } from "@/server/satellites/get";
import styles from "../satellite.module.css";

/** The four facts an operator looks for first: reachable, healthy, in service, which versions. */
export function SatelliteKpis({ s, now }: { s: SatelliteDetail; now: Date }) {
  return (
    <div className="kpis">
      <div className="card kpi">
        <div className="label">Connectivity</div>
        <div className={styles.kpiPill}>
          <ConnectivityPill value={s.connectivity} />
        </div>
        <div className={`sub ${styles.kpiSub}`}>
          {describeConnectivity(
            s.connectivity,
            s.lastSeenAt ? new Date(s.lastSeenAt) : null,
            s.heartbeatIntervalSec,
            now,
          )}
        </div>
      </div>
      <div className="card kpi">
        <div className="label">Health</div>
        <div className={styles.kpiPill}>
          <HealthPill value={s.health} />
        </div>
        <div className={`sub ${styles.kpiSub}`}>
          {s.health === "unknown" ? (
            "No current report from the agent"
          ) : s.healthChangedAt ? (
            <>
              As reported by the agent, since <Time at={s.healthChangedAt} now={now} />
            </>
          ) : (
            "As reported by the agent"
          )}
        </div>
      </div>
      <div className="card kpi">
        <div className="label">Lifecycle</div>
        <div className={styles.kpiPill}>
          <LifecyclePill value={s.lifecycle} />
        </div>
        <div className={`sub ${styles.kpiSub}`}>
          {s.decommissionedAt
            ? `since ${formatDateTime(s.decommissionedAt)}`
            : `registered ${formatDateTime(s.createdAt)}`}
        </div>
      </div>
      <div className="card kpi">
        <div className="label">Stack / agent</div>
        <div className={`value mono ${styles.versions}`}>{s.stackVersion ?? "—"}</div>
        <div className="sub">agent {s.agentVersion ?? "not enrolled"}</div>
      </div>
    </div>
  );
}
