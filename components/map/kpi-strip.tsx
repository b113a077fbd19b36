import Link from "next/link";
import { formatMbps, formatNumber } from "@/lib/format";
import { HOT_LINK_PCT, type FleetMapPayload, type MapStatus } from "@/lib/fleet-map";
import { kpiHref, kpiLinkName } from "./kpi-links";
import styles from "./kpi-strip.module.css";

// The plain "kpi-cell" name is what the end-to-end tests find each figure by.
const CELL = `${styles.cell} kpi-cell`;

type Tone = "ok" | "warn" | "bad";
const STATUS_TILES: { status: MapStatus; label: string; tone?: Tone }[] = [
  { status: "healthy", label: "Healthy", tone: "ok" },
  { status: "degraded", label: "Degraded", tone: "warn" },
  { status: "critical", label: "Critical", tone: "bad" },
  { status: "stale", label: "Stale", tone: "warn" },
  { status: "offline", label: "Offline", tone: "bad" },
  { status: "never_seen", label: "Never seen" },
];

/**
 * The fleet's figures above the map, for the same filters as the map (`query`). Each status figure leads
 * to the Satellites list filtered to it. `isStale`: the figures are older than the map's last poll should
 * be, and are dimmed until it answers again.
 */
export function KpiStrip({
  kpis: k,
  isPending,
  query,
  isStale = false,
}: {
  kpis: FleetMapPayload["kpis"] | undefined;
  isPending: boolean;
  query: string;
  isStale?: boolean;
}) {
  const capacity = k ? k.downlinkMbps + k.uplinkMbps : 0;
  const used = k ? k.rxMbps + k.txMbps : 0;
  return (
    <section
      className={`${styles.strip}${isStale ? ` ${styles.stale}` : ""}`}
      aria-label="Fleet figures"
      aria-busy={isPending}
      data-stale={isStale ? "true" : undefined}
    >
      <Kpi
        label="Satellites"
        value={k?.total}
        href={kpiHref(query)}
        name={k ? kpiLinkName(k.total, null) : undefined}
      />
      {STATUS_TILES.map(({ status, label, tone }) => (
        <Kpi
          key={status}
          label={label}
          value={k?.byStatus[status]}
          tone={tone}
          href={kpiHref(query, status)}
          name={k ? kpiLinkName(k.byStatus[status], label.toLowerCase()) : undefined}
        />
      ))}
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
  name,
}: {
  label: string;
  title?: string;
  value: number | undefined;
  tone?: Tone;
  href?: string | null;
  /** The link's accessible name, which says what it leads to. */
  name?: string;
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
    <Link href={href} className={`${CELL} ${styles.link}`} title={title} aria-label={name}>
      {body}
    </Link>
  ) : (
    <div className={CELL} title={title}>
      {body}
    </div>
  );
}
