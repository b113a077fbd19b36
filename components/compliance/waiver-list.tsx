import type { ReactNode } from "react";
import { Time } from "@/components/ui/time";
import type { WaiverView } from "@/server/policies/read";
import styles from "./report.module.css";

const STATE_TONE = { live: "accent", expired: "", revoked: "" } as const;

/** A policy's waivers, live first, each with its reason, who granted it and when it ends. */
export function WaiverList({
  waivers,
  now,
  revoke,
}: {
  waivers: WaiverView[];
  now: Date;
  /** The revoke button for a live waiver, for those who may manage policies. */
  revoke?: (waiver: WaiverView) => ReactNode;
}) {
  const ordered = [...waivers].sort((a, b) => Number(b.state === "live") - Number(a.state === "live"));
  return (
    <section className="card" aria-labelledby="waivers-title">
      <div className="card-head">
        <h2 id="waivers-title">Waivers</h2>
      </div>
      {ordered.length === 0 ? (
        <p className={`muted ${styles.pad}`}>No waivers: every result counts.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="waivers">
            <thead>
              <tr>
                <th scope="col">Waived for</th>
                <th scope="col">Reason</th>
                <th scope="col">State</th>
                <th scope="col">By</th>
                <th scope="col">Ends</th>
                {revoke && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {ordered.map((w) => (
                <tr key={w.id}>
                  <td className="mono">{w.satelliteSlug ?? w.labels.join(", ")}</td>
                  <td className={styles.reason}>{w.reason}</td>
                  <td>
                    <span className={`pill ${STATE_TONE[w.state]}`}>{w.state}</span>
                  </td>
                  <td>{w.createdBy ?? "—"}</td>
                  <td className="nowrap">
                    <Time at={w.revokedAt ?? w.expiresAt} now={now} />
                  </td>
                  {revoke && <td>{w.state === "live" ? revoke(w) : null}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
