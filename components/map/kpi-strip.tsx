import Link from "next/link";
import { formatMbps, formatNumber } from "@/lib/format";
import { HOT_LINK_PCT, type FleetMapPayload } from "@/lib/fleet-map";
import styles from "./kpi-strip.module.css";

// The plain "kpi-cell" name is what the end-to-end tests find each figure by.
const CELL = `${styles.cell} kpi-cell`;

/** The fleet's figures above the map, for the same filters as the map. */
export function KpiStrip({
  kpis: k,
  isPending,
}: {
  kpis: FleetMapPayload["kpis"] | undefined;
  isPending: boolean;
}) {
  const capacity = k ? k.downlinkMbps + k.uplinkMbps : 0;
  const used = k ? k.rxMbps + k.txMbps : 0;
  return (
    <section className={styles.strip} aria-label="Fleet figures" aria-busy={isPending}>
      <Kpi label="Satellites" value={k?.total} />
      <Kpi label="Healthy" value={k?.byStatus.healthy} tone="ok" />
      <Kpi label="Degraded" value={k?.byStatus.degraded} tone="warn" />
      <Kpi label="Critical" value={k?.byStatus.critical} tone="bad" />
      <Kpi label="Stale" value={k?.byStatus.stale} tone="warn" />
      <Kpi label="Offline" value={k?.byStatus.offline} tone="bad" />
      <Kpi label="Never seen" value={k?.byStatus.never_seen} />
      <div className={`${CELL} ${styles.wide}`}>
        <span className={styles.label}>Traffic against links</span>
        <span className={styles.value}>
          {k ? `↓ ${formatMbps(k.rxMbps)}  ↑ ${formatMbps(k.txMbps)}` : "—"}
        </span>
        <span className={styles.sub}>
          {k ? `${capacity ? Math.round((used / capacity) * 100) : 0} % of ${formatMbps(capacity)}` : ""}
        </span>
      </div>
      <Kpi
        label="Hot links"
        title={`Satellites using more than ${HOT_LINK_PCT} % of their contracted link`}
        value={k?.hotLinks}
        tone={k?.hotLinks ? "warn" : undefined}
      />
      <Kpi label="Rollouts" title="Active rollouts" value={k?.activeRollouts} href="/rollouts" />
      <Kpi
        label="Incidents"
        title="Open incidents"
        value={k?.openIncidents}
        href="/incidents"
        tone={k?.openIncidents ? "bad" : undefined}
      />
    </section>
  );
}

function Kpi({
  label,
  title,
  value,
  tone,
  href,
}: {
  label: string;
  title?: string;
  value: number | undefined;
  tone?: "ok" | "warn" | "bad";
  href?: string;
}) {
  const body = (
    <>
      <span className={styles.label}>{label}</span>
      <span className={`${styles.value}${tone && value ? ` ${styles[tone]}` : ""}`}>
        {value === undefined ? "—" : formatNumber(value)}
      </span>
    </>
  );
  return href ? (
    <Link href={href} className={`${CELL} ${styles.link}`} title={title}>
      {body}
    </Link>
  ) : (
    <div className={CELL} title={title}>
      {body}
    </div>
  );
}
