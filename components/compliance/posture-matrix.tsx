import Link from "next/link";
import { formatNumber } from "@/lib/format";
import { cellTotal, percentCompliant, type MatrixCellView, type MatrixView } from "./types";
import styles from "./compliance.module.css";

const EMPTY = { compliant: 0, violation: 0, unknown: 0, waived: 0 };

/** Green only at 100 %, amber from 80 %, red below; no satellite in scope is plain. */
function tone(pct: number | null): string {
  if (pct === null) return styles.none;
  if (pct === 100) return styles.good;
  return pct >= 80 ? styles.fair : styles.poor;
}

const cellHref = (policyId: string, regionId: string) =>
  `/compliance/policies/${encodeURIComponent(policyId)}?region=${encodeURIComponent(regionId)}`;

function Counts({ cell }: { cell: MatrixCellView }) {
  const parts = [
    cell.violation && `${formatNumber(cell.violation)} violating`,
    cell.unknown && `${formatNumber(cell.unknown)} unknown`,
    cell.waived && `${formatNumber(cell.waived)} waived`,
  ].filter(Boolean);
  return <span className={styles.counts}>{parts.length ? parts.join(" · ") : `all ${cellTotal(cell)}`}</span>;
}

function Cell({ policyId, cell }: { policyId: string; cell: MatrixCellView | undefined }) {
  if (!cell || cellTotal(cell) === 0) return <span className={`${styles.cell} ${styles.none}`}>—</span>;
  const pct = percentCompliant(cell);
  return (
    <Link
      href={cellHref(policyId, cell.regionId)}
      className={`${styles.cell} ${tone(pct)}`}
      title={`${cell.compliant} of ${cellTotal(cell)} compliant in ${cell.regionId}`}
    >
      <strong>{pct} %</strong>
      <Counts cell={cell} />
    </Link>
  );
}

/**
 * Policies down, regions across, each cell the share compliant with what is not. On a phone the same data
 * is a card per policy with its regions listed, so nothing needs sideways scrolling to be read.
 */
export function PostureMatrix({ matrix }: { matrix: MatrixView }) {
  const cellOf = (row: MatrixView["rows"][number], regionId: string) =>
    row.cells.find((c) => c.regionId === regionId);
  return (
    <>
      <div className={styles.tableWrap}>
        <table className={styles.matrix} data-testid="posture-matrix">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              {matrix.regions.map((r) => (
                <th key={r.id} scope="col">
                  <span className="swatch" style={{ background: r.color }} />
                  <span title={r.name}>{r.id}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.policyId}>
                <th scope="row">
                  <Link href={`/compliance/policies/${encodeURIComponent(row.policyId)}`}>{row.name}</Link>
                  <div className="cell-sub">
                    {row.severity} · {row.mode === "enforce" ? "enforced" : "audit"}
                  </div>
                </th>
                {matrix.regions.map((r) => (
                  <td key={r.id}>
                    <Cell policyId={row.policyId} cell={cellOf(row, r.id)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className={styles.cards} data-testid="posture-cards">
        {matrix.rows.map((row) => {
          const inScope = matrix.regions.filter((r) => cellTotal(cellOf(row, r.id) ?? EMPTY) > 0);
          const clean = inScope.filter((r) => percentCompliant(cellOf(row, r.id) ?? EMPTY) === 100);
          const open = inScope.filter((r) => !clean.includes(r));
          return (
            <li key={row.policyId} className={styles.policyCard}>
              <div className={styles.policyHead}>
                <Link href={`/compliance/policies/${encodeURIComponent(row.policyId)}`}>{row.name}</Link>
                <span className="cell-sub">
                  {row.severity} · {row.mode === "enforce" ? "enforced" : "audit"}
                </span>
              </div>
              {open.length > 0 && (
                <ul className={styles.regionList}>
                  {open.map((r) => (
                    <li key={r.id}>
                      <span className={styles.regionName}>
                        <span className="swatch" style={{ background: r.color }} />
                        {r.id}
                      </span>
                      <Cell policyId={row.policyId} cell={cellOf(row, r.id)} />
                    </li>
                  ))}
                </ul>
              )}
              <p className={styles.clean}>
                {inScope.length === 0
                  ? "No satellite in scope."
                  : clean.length === 0
                    ? "No region fully compliant."
                    : `${clean.length === inScope.length ? "Every region" : `${clean.length} more`} fully compliant: ${clean.map((r) => r.id).join(", ")}`}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
