import Link from "next/link";
import { OutcomePill } from "@/components/compliance/outcome-pill";
import type { PostureRowView } from "@/components/compliance/types";
import { Time } from "@/components/ui/time";
import type { SatelliteFactsView } from "@/server/facts/get";
import { HostFacts } from "./host-facts";
import styles from "./compliance-card.module.css";

/** The satellite's Compliance section: each policy's result, why and since when, then the host facts. */
export function ComplianceCard({
  rows,
  facts,
  now,
  waiveAs,
}: {
  rows: PostureRowView[] | null;
  facts: SatelliteFactsView | null;
  now: Date;
  /** The satellite's slug when the reader may grant waivers: each violation offers one. */
  waiveAs: string | null;
}) {
  return (
    <section className="card" id="compliance" aria-labelledby="compliance-title">
      <div className="card-head">
        <h2 id="compliance-title">Compliance</h2>
        <Link href="/compliance" className="small">
          Fleet posture
        </Link>
      </div>
      <div className={`card-body ${styles.body}`}>
        {rows === null ? (
          <p className="muted">Policy results for this satellite are outside your compliance regions.</p>
        ) : rows.length === 0 ? (
          <p className="muted" data-testid="posture-empty">
            No policy applies to this satellite.
          </p>
        ) : (
          <ul className={styles.rows} data-testid="satellite-posture">
            {rows.map((r) => (
              <li key={r.policyId} className={styles.row} data-outcome={r.outcome}>
                <div className={styles.what}>
                  <Link href={`/compliance/policies/${r.policyId}`}>{r.name}</Link>
                  <span className="cell-sub">
                    v{r.version} · {r.severity} · {r.mode === "enforce" ? "enforced" : "audit only"}
                  </span>
                </div>
                <div className={styles.outcome}>
                  <OutcomePill value={r.outcome} />
                  {r.since && (
                    <span className="cell-sub">
                      since <Time at={r.since} now={now} />
                    </span>
                  )}
                  {waiveAs && r.outcome === "violation" && (
                    <Link
                      className="small"
                      href={`/compliance/policies/${encodeURIComponent(r.policyId)}/waive?satellite=${encodeURIComponent(waiveAs)}`}
                    >
                      Waive…
                    </Link>
                  )}
                </div>
                <div className={styles.reason}>
                  {r.reason || <span className="muted">—</span>}
                  {r.outcome === "waived" && r.waiverReason && (
                    <div className="cell-sub">
                      Waived: {r.waiverReason}
                      {r.waiverExpiresAt && (
                        <>
                          {" "}
                          · expires <Time at={r.waiverExpiresAt} now={now} />
                        </>
                      )}
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <h3 className={styles.sub}>Host facts</h3>
        <HostFacts facts={facts} now={now} />
      </div>
    </section>
  );
}
