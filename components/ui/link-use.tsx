import { formatMbps } from "@/lib/format";
import { HOT_LINK_PCT, linkUtilisationPct } from "@/lib/fleet-map";
import styles from "./link-use.module.css";

/** A satellite's traffic against its contracted link, as a bar with the figure beside it. */
export function LinkUse({
  rxMbps,
  txMbps,
  downlinkMbps,
  uplinkMbps,
}: {
  rxMbps: number | null;
  txMbps: number | null;
  downlinkMbps: number;
  uplinkMbps: number;
}) {
  const pct = linkUtilisationPct(rxMbps, txMbps, downlinkMbps, uplinkMbps);
  if (pct === null) return <span className="muted">—</span>;
  const tone = pct > 100 ? "bad" : pct > HOT_LINK_PCT ? "warn" : "ok";
  const title = `↓ ${formatMbps(rxMbps ?? 0)} of ${formatMbps(downlinkMbps)} · ↑ ${formatMbps(txMbps ?? 0)} of ${formatMbps(uplinkMbps)}`;
  return (
    // The plain "link-use" name lets a table size the bar for its column.
    <span className={`${styles.linkUse} link-use`} title={title}>
      <span className={`bar ${tone} ${styles.meter}`} role="img" aria-label={`${pct} % of link`}>
        <span style={{ width: `${Math.min(100, pct)}%` }} />
      </span>
      <span className={styles.pct}>{pct} %</span>
    </span>
  );
}
