import { formatUptimePct, type DailyUptime } from "@/lib/status/uptime";
import { formatDay } from "@/lib/format";
import styles from "./status.module.css";

const WIDTH = 3;
const GAP = 1;

// Theme-aware colours from status.module.css, so the bars read in light and dark alike.
function tone(pct: number | null): string {
  if (pct === null) return "var(--up-none)";
  if (pct >= 99.9) return "var(--up-full)";
  if (pct >= 99) return "var(--up-high)";
  if (pct >= 95) return "var(--up-mid)";
  return "var(--up-low)";
}

const dayLabel = (date: string) => formatDay(`${date}T00:00:00Z`);

/**
 * 90 days as one SVG. Runs of identical perfect (or empty) days share one rectangle, so a healthy
 * satellite's bar is a few hundred bytes; every day with downtime is its own rectangle, whose tooltip gives
 * the day's uptime, minutes down and the incidents of that day.
 */
export function UptimeBar({
  days,
  incidentsByDay,
  label,
}: {
  days: DailyUptime[];
  incidentsByDay?: Map<string, string[]>;
  label: string;
}) {
  if (days.length === 0) {
    // Seen for the first time since the figures were last computed: no history yet.
    return (
      <svg
        className={styles.bar}
        viewBox="0 0 359 24"
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        <rect width={359} height={24} rx={1} style={{ fill: tone(null) }}>
          <title>No data yet</title>
        </rect>
      </svg>
    );
  }
  const rects: React.ReactNode[] = [];
  let i = 0;
  while (i < days.length) {
    const d = days[i];
    const incidents = incidentsByDay?.get(d.date) ?? [];
    const plain = incidents.length === 0 && (d.uptimePct === null || d.uptimePct >= 99.995);
    let j = i + 1;
    if (plain) {
      while (
        j < days.length &&
        (incidentsByDay?.get(days[j].date)?.length ?? 0) === 0 &&
        (days[j].uptimePct === null) === (d.uptimePct === null) &&
        (days[j].uptimePct === null || (days[j].uptimePct as number) >= 99.995)
      ) {
        j++;
      }
    }
    const span = j - i;
    const title =
      span > 1
        ? `${dayLabel(d.date)} – ${dayLabel(days[j - 1].date)}: ${d.uptimePct === null ? "no data" : "100 % uptime"}`
        : [
            `${dayLabel(d.date)}: ${formatUptimePct(d.uptimePct)}`,
            d.downMinutes > 0 ? `${Math.round(d.downMinutes)} min down` : null,
            d.maintenanceMinutes > 0 ? `${Math.round(d.maintenanceMinutes)} min maintenance` : null,
            ...incidents.map((t) => `Incident: ${t}`),
          ]
            .filter(Boolean)
            .join("\n");
    rects.push(
      <rect
        key={d.date}
        x={i * (WIDTH + GAP)}
        width={span * (WIDTH + GAP) - GAP}
        height={24}
        rx={1}
        style={{
          fill:
            incidents.length && d.uptimePct !== null && d.uptimePct >= 99.995
              ? tone(99.5)
              : tone(d.uptimePct),
        }}
      >
        <title>{title}</title>
      </rect>,
    );
    i = j;
  }
  return (
    <svg
      className={styles.bar}
      viewBox={`0 0 ${days.length * (WIDTH + GAP) - GAP} 24`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {rects}
    </svg>
  );
}
