import { formatUptimePct, overallUptime, type DailyUptime } from "@/lib/status/uptime";
import { formatDay } from "@/lib/format";
import styles from "./uptime.module.css";

const WIDTH = 3;
const GAP = 1;
/** Days a phone shows: the bar keeps its 90 days, and a narrow screen sees the newest 30 of them. */
export const PHONE_DAYS = 30;

// Theme-aware colours from uptime.module.css, so the bars read in light and dark alike.
function tone(pct: number | null): string {
  if (pct === null) return "var(--up-none)";
  if (pct >= 99.9) return "var(--up-full)";
  if (pct >= 99) return "var(--up-high)";
  if (pct >= 95) return "var(--up-mid)";
  return "var(--up-low)";
}

const dayLabel = (date: string) => formatDay(`${date}T00:00:00Z`);

/**
 * Days of uptime as one SVG. Runs of identical perfect (or empty) days share one rectangle, so a healthy
 * region's bar is a few hundred bytes; every day with downtime is its own rectangle, whose tooltip gives
 * the day's uptime, minutes down and the incidents of that day. On a phone the bar is drawn three times as
 * wide inside a clipping box, so the newest 30 days fill the screen with bars wide enough to tap.
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
  const scale = Math.max(1, days.length / PHONE_DAYS);
  const svg = (viewWidth: number, children: React.ReactNode) => (
    <span className={styles.clip} style={{ "--bar-scale": scale } as React.CSSProperties}>
      <svg
        className={styles.bar}
        viewBox={`0 0 ${viewWidth} 24`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        {children}
      </svg>
    </span>
  );
  if (days.length === 0) {
    // Seen for the first time since the figures were last computed: no history yet.
    return svg(
      359,
      <rect width={359} height={24} rx={1} style={{ fill: tone(null) }}>
        <title>No data yet</title>
      </rect>,
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
  return svg(days.length * (WIDTH + GAP) - GAP, rects);
}

/** The labels under a bar: its first day, its uptime, today; a phone names its own shorter span. */
export function UptimeScale({ days }: { days: DailyUptime[] }) {
  const span = days.length || 90;
  const recent = Math.min(span, PHONE_DAYS);
  return (
    <div className={styles.scale} aria-hidden="true">
      <span className={styles.wide}>{span} days ago</span>
      <span className={styles.wide}>{formatUptimePct(overallUptime(days))} uptime</span>
      <span className={styles.narrow}>{recent} days ago</span>
      <span className={styles.narrow}>{formatUptimePct(overallUptime(days.slice(-recent)))} uptime</span>
      <span>Today</span>
    </div>
  );
}
