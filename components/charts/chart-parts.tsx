"use client";

// Shared pieces of the telemetry charts: colours, rows, axes, legend and tooltip.
import type { ReactNode } from "react";
import {
  ResponsiveContainer,
  type DotItemDotProps,
  type DotType,
  type LegendProps,
  type TooltipContentProps,
  type XAxisProps,
} from "recharts";
import type { TelemetryPoint, TelemetrySeries } from "@/lib/telemetry";
import { formatNumber } from "@/lib/format";
import styles from "./charts.module.css";
import type { TimeFormats } from "./time-axis";

export const CHART_HEIGHT = 240;

// Theme variables, so the same strokes follow html[data-theme] without a re-render. Series that share a
// chart take hues far apart (indigo, green, amber), never accent beside info, which read as one blue.
export const COLOR = {
  rx: "var(--accent)",
  tx: "var(--ok)",
  rtt: "var(--info)",
  loss: "var(--bad)",
  cpu: "var(--accent)",
  mem: "var(--ok)",
  disk: "var(--warn)",
  uptime: "var(--ok)",
  degraded: "var(--warn)",
  critical: "var(--bad)",
  grid: "var(--border)",
  axis: "var(--text-2)",
};

export type ChartRow = TelemetryPoint & {
  rxCap: number;
  txCap: number;
  degradedPct: number | null;
  criticalPct: number | null;
};

export function toChartRows(series: TelemetrySeries): ChartRow[] {
  const pct = (n: number | null, of: number) =>
    n === null || of === 0 ? null : Math.round((n / of) * 1000) / 10;
  return series.points.map((p) => ({
    ...p,
    rxCap: series.capacity.rxMbps,
    txCap: series.capacity.txMbps,
    degradedPct: pct(p.degraded, p.samples),
    criticalPct: pct(p.critical, p.samples),
  }));
}

export type PanelData = {
  series: TelemetrySeries;
  rows: ChartRow[];
  byTime: Map<number, ChartRow>;
  ticks: number[];
  formats: TimeFormats;
};

export const show = (value: number | null, unit: string) =>
  value === null ? "—" : `${formatNumber(value, 1)} ${unit}`;

export type TooltipLine = { label: string; color: string; value: string };

export function renderTooltip(
  { active, label }: TooltipContentProps,
  data: PanelData,
  lines: (row: ChartRow) => TooltipLine[],
): ReactNode {
  const row = active && typeof label === "number" ? data.byTime.get(label) : undefined;
  if (!row) return null;
  return (
    <div className={styles.tooltip}>
      <div className={styles.tooltipTitle}>{data.formats.bucket(row.t, data.series.bucketSec)}</div>
      {row.samples === 0 ? (
        <div className="muted">No samples: the agent did not report</div>
      ) : (
        <table>
          <tbody>
            {lines(row).map((line) => (
              <tr key={line.label}>
                <td>
                  <span className={styles.swatch} style={{ background: line.color }} />
                  {line.label}
                </td>
                <td className={styles.tooltipValue}>{line.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function xAxis(data: PanelData): XAxisProps {
  return {
    dataKey: "t",
    type: "number",
    domain: [data.series.from, data.series.to],
    ticks: data.ticks,
    tickFormatter: (t: number) => data.formats.tick(t),
    stroke: COLOR.grid,
    tick: { fill: COLOR.axis, fontSize: 11 },
    minTickGap: 16,
  };
}

export const yTick = { fill: COLOR.axis, fontSize: 11 };
export const yLabel = (value: string, side: "left" | "right" = "left") => ({
  value,
  angle: -90,
  position: side === "left" ? ("insideLeft" as const) : ("insideRight" as const),
  fill: COLOR.axis,
  fontSize: 11,
  style: { textAnchor: "middle" as const },
});
export const MARGIN = { top: 8, right: 12, bottom: 0, left: 4 };
/** Legend above the plot, in the order the series are listed (Recharts would sort it alphabetically). */
export function legend(order: string[]): LegendProps {
  return {
    position: "top",
    height: 28,
    iconType: "plainline",
    wrapperStyle: { fontSize: 12 },
    itemSorter: (item) => order.indexOf(String(item.value)),
    formatter: (value: string) => <span className={styles.legendText}>{value}</span>,
  };
}
// Redrawing every poll would animate the whole line again; values are meant to be read, not watched.
export const line = { dot: false, isAnimationActive: false, connectNulls: false, strokeWidth: 1.75 } as const;

type SeriesKey = { [K in keyof ChartRow]: ChartRow[K] extends number | null ? K : never }[keyof ChartRow];

/**
 * A bucket with a value between two without one has no neighbour to draw a line to, so the line alone
 * would leave it invisible: such buckets get a dot, every other bucket stays a plain line. `skipZero` is for
 * the stacked health areas, where 0 % is the unremarkable baseline and a dot on it would read as an alarm.
 */
export function isolatedDots(
  rows: ChartRow[],
  key: SeriesKey,
  color: string,
  { skipZero = false }: { skipZero?: boolean } = {},
): DotType {
  const has = (i: number) => i >= 0 && i < rows.length && rows[i][key] !== null;
  const isolated = new Set(
    rows.flatMap((row, i) =>
      has(i) && !has(i - 1) && !has(i + 1) && !(skipZero && row[key] === 0) ? [i] : [],
    ),
  );
  if (isolated.size === 0) return false;
  return function isolatedDot({ index, cx, cy }: DotItemDotProps) {
    if (!isolated.has(index) || cx === undefined || cy === undefined) return null;
    return <circle cx={cx} cy={cy} r={2.5} fill={color} stroke="none" />;
  };
}

export function Frame({ title, unit, children }: { title: string; unit: string; children: ReactNode }) {
  return (
    <section className="card">
      <div className="card-head">
        <h3>{title}</h3>
        <span className="muted">{unit}</span>
      </div>
      <div className={styles.chartBody}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          {children}
        </ResponsiveContainer>
      </div>
    </section>
  );
}
