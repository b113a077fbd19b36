import { formatCount, formatDateTime, formatNumber } from "@/lib/format";
import { SatelliteResultsTable } from "./satellite-results-table";
import type { ReportPolicyView, ReportView } from "./types";
import styles from "./report.module.css";

const utc = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

function PolicySection({ p }: { p: ReportPolicyView }) {
  const n = p.counts;
  return (
    <section className={`card ${styles.policy}`} data-testid={`report-policy-${p.policyId}`}>
      <div className="card-head">
        <h2>
          {p.name} <span className="muted">v{p.version}</span>
        </h2>
        <span className="cell-sub">
          {p.severity} · {p.mode === "enforce" ? "enforced" : "audit only"}
          {p.frameworks.length > 0 && ` · ${p.frameworks.join(", ")}`}
        </span>
      </div>
      <p className={styles.tally}>
        {formatCount(n.total, "satellite")} in scope: {formatNumber(n.compliant)} compliant,{" "}
        {formatNumber(n.violation)} violating, {formatNumber(n.unknown)} unknown, {formatNumber(n.waived)}{" "}
        waived.
        {p.more > 0 &&
          ` The first ${formatNumber(p.satellites.length)} are listed, violations first; the CSV lists all.`}
      </p>
      {n.total === 0 ? (
        <p className={`muted ${styles.pad}`}>No satellite was in this policy&apos;s scope.</p>
      ) : (
        <SatelliteResultsTable rows={p.satellites} />
      )}
    </section>
  );
}

/** The evidence as it stood at one moment: each policy with its satellites, the waivers, and who changed what. */
export function EvidenceReport({ report }: { report: ReportView }) {
  return (
    <div className={styles.report} data-testid="evidence-report">
      <p className={styles.stamp}>
        Posture at <strong>{utc(report.at)}</strong>
        {report.region && (
          <>
            {" "}
            · region <strong className="mono">{report.region}</strong>
          </>
        )}
        {report.framework && (
          <>
            {" "}
            · framework <strong>{report.framework}</strong>
          </>
        )}
        . Changes listed from {utc(report.from)}.
      </p>
      {report.policies.length === 0 ? (
        <section className="card empty">
          <h2>No policy matches</h2>
          <p>
            No policy {report.framework ? `evidencing “${report.framework}” ` : ""}existed at this moment.
          </p>
        </section>
      ) : (
        report.policies.map((p) => <PolicySection key={p.policyId} p={p} />)
      )}
      <section className="card" aria-labelledby="waivers-title">
        <div className="card-head">
          <h2 id="waivers-title">Waivers in force</h2>
        </div>
        {report.waivers.length === 0 ? (
          <p className={`muted ${styles.pad}`}>No waiver was in force.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="report-waivers">
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">Waived for</th>
                  <th scope="col">Reason</th>
                  <th scope="col">By</th>
                  <th scope="col">From</th>
                  <th scope="col">Expires</th>
                </tr>
              </thead>
              <tbody>
                {report.waivers.map((w) => (
                  <tr key={w.id}>
                    <td className="mono">{w.policyId}</td>
                    <td className="mono">{w.target}</td>
                    <td className={styles.reason}>{w.reason}</td>
                    <td>{w.createdBy ?? "—"}</td>
                    <td className="nowrap">{utc(w.createdAt)}</td>
                    <td className="nowrap">
                      {utc(w.expiresAt)}
                      {w.revokedAt && <div className="cell-sub">revoked {utc(w.revokedAt)}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="changes-title">
        <div className="card-head">
          <h2 id="changes-title">Changes to policies and waivers</h2>
        </div>
        {report.audit.length === 0 ? (
          <p className={`muted ${styles.pad}`}>Nothing was changed in this period.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="report-audit">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What happened</th>
                </tr>
              </thead>
              <tbody>
                {report.audit.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{utc(e.at)}</td>
                    <td>{e.actor}</td>
                    <td className="mono">{e.action}</td>
                    <td className={styles.reason}>{e.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
