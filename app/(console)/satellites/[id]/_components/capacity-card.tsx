import { offlineAfterSec, staleAfterSec } from "@/lib/connectivity";
import { formatDateTime, formatMbps, formatNumber, formatSeconds } from "@/lib/format";
import type { SatelliteDetail } from "@/server/satellites/get";
import styles from "../satellite.module.css";

/** What the satellite has and how it is heard from: capacity, the contracted link, the heartbeat. */
export function CapacityCard({ s }: { s: SatelliteDetail }) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>Capacity and link</h2>
      </div>
      <div className="card-body">
        <dl className={`facts ${styles.facts}`}>
          <dt>Compute</dt>
          <dd>{formatNumber(s.cpuCores)} cores</dd>
          <dt>Memory</dt>
          <dd>{formatNumber(s.memoryGb, 1)} GB</dd>
          <dt>Storage</dt>
          <dd>{formatNumber(s.storageTb, 1)} TB</dd>
          <dt>Uplink (contracted)</dt>
          <dd>{formatMbps(s.uplinkMbps)}</dd>
          <dt>Downlink (contracted)</dt>
          <dd>{formatMbps(s.downlinkMbps)}</dd>
          <dt>Current traffic</dt>
          <dd>
            {s.rxMbps !== null && s.txMbps !== null ? (
              <>
                <span className="nowrap">{formatMbps(s.rxMbps)} in</span> ·{" "}
                <span className="nowrap">{formatMbps(s.txMbps)} out</span>
              </>
            ) : (
              "no current report"
            )}
          </dd>
          <dt>Heartbeat</dt>
          <dd>
            <span className="nowrap">every {s.heartbeatIntervalSec} s</span> ·{" "}
            <span className="nowrap">stale after {formatSeconds(staleAfterSec(s.heartbeatIntervalSec))}</span>{" "}
            ·{" "}
            <span className="nowrap">
              offline after {formatSeconds(offlineAfterSec(s.heartbeatIntervalSec))}
            </span>
          </dd>
          <dt>Last seen</dt>
          <dd className="nowrap">{formatDateTime(s.lastSeenAt)}</dd>
        </dl>
      </div>
    </section>
  );
}
