"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPointView } from "./types";
import styles from "./compliance.module.css";

const dayLabel = (day: string) => day.slice(5);

/** The compliant share of all results at the end of each UTC day, replayed from the change history. */
export function PostureTrend({ points }: { points: TrendPointView[] }) {
  if (!points.some((p) => p.total > 0)) {
    return (
      <div className="empty" data-testid="trend-empty">
        <h2>No history yet</h2>
        <p>The trend starts once policies have been evaluated.</p>
      </div>
    );
  }
  return (
    <div
      className={styles.chart}
      role="img"
      aria-label="Percent of policy results compliant at the end of each day, UTC"
      data-testid="posture-trend"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={dayLabel}
            minTickGap={24}
            tick={{ fontSize: 11, fill: "var(--text-3)" }}
            stroke="var(--border)"
          />
          <YAxis
            width={52}
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v} %`}
            tick={{ fontSize: 11, fill: "var(--text-3)" }}
            stroke="var(--border)"
          />
          <Tooltip
            labelFormatter={(d) => `${String(d)} (end of day, UTC)`}
            formatter={(v, _name, item) => {
              const p = item.payload as TrendPointView;
              return [
                v === null ? "no results" : `${String(v)} % (${p.compliant} of ${p.total})`,
                "compliant",
              ];
            }}
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--border-strong)",
              color: "var(--text)",
              fontSize: 12,
            }}
          />
          <Line
            type="stepAfter"
            dataKey="percent"
            name="compliant"
            stroke="var(--ok)"
            strokeWidth={2}
            // A history of a few days would be an invisible sliver without its points.
            dot={points.filter((p) => p.percent !== null).length < 8 ? { r: 3 } : false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
