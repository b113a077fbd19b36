import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { Time } from "@/components/ui/time";
import { OutcomePill } from "./outcome-pill";
import type { ReportSatelliteView } from "./types";
import styles from "./report.module.css";

/**
 * Satellites' results against one policy: the policy page's list and each policy of the evidence report.
 * `now` shows since-times relative to it (the console); without it they are absolute UTC (the printout).
 */
export function SatelliteResultsTable({
  rows,
  now,
  testId,
}: {
  rows: readonly ReportSatelliteView[];
  now?: Date;
  testId?: string;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Satellite</th>
            <th scope="col">Region</th>
            <th scope="col">Result</th>
            <th scope="col">Reason</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.satelliteId} data-outcome={r.outcome}>
              <td>
                <Link className="mono" href={`/satellites/${r.satelliteId}#compliance`}>
                  {r.slug}
                </Link>
              </td>
              <td className="mono">{r.regionId}</td>
              <td>
                <OutcomePill value={r.outcome} />
              </td>
              <td className={styles.reason}>{r.reason || "—"}</td>
              <td className="nowrap">
                {!r.since ? "—" : now ? <Time at={r.since} now={now} /> : formatDateTime(r.since)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
