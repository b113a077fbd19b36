"use client";

import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fetchJson } from "@/lib/fetch-json";
import { formatMbps, formatMbpsShort, formatTime } from "@/lib/format";
import styles from "./satellite-panel.module.css";

type Series = {
  capacity: { rxMbps: number; txMbps: number };
  points: { t: number; rx: number | null; tx: number | null }[];
};

const fetchSeries = (id: string) =>
  fetchJson<Series>(`/api/v1/satellites/${encodeURIComponent(id)}/telemetry?range=1h`, {
    fallback: "Telemetry could not be loaded",
  });

/** The side panel's small rx/tx chart for the last hour, from raw samples; times in UTC like the console. */
export default function PanelChart({ id }: { id: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: ["panel-telemetry", id],
    queryFn: () => fetchSeries(id),
    refetchInterval: 15_000,
  });
  if (isPending) return <div className={`${styles.chart} skeleton`} />;
  if (error) return <p className="muted small">Telemetry unavailable: {error.message}</p>;
  if (!data.points.some((p) => p.rx !== null || p.tx !== null)) {
    return <p className="muted small">No telemetry in the last hour.</p>;
  }
  return (
    <div className={styles.chart} aria-label="Traffic in the last hour, UTC">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => formatTime(t)}
            tickCount={4}
            tick={{ fontSize: 10, fill: "var(--text-3)" }}
            stroke="var(--border)"
          />
          <YAxis
            width={40}
            tick={{ fontSize: 10, fill: "var(--text-3)" }}
            tickFormatter={formatMbpsShort}
            stroke="var(--border)"
          />
          <Tooltip
            labelFormatter={(t) => `${formatTime(Number(t))} UTC`}
            formatter={(v, name) => [formatMbps(Number(v)), name]}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
          />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} />
          <Line
            name="down (rx)"
            type="monotone"
            dataKey="rx"
            stroke="var(--accent)"
            strokeWidth={1.6}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            name="up (tx)"
            type="monotone"
            dataKey="tx"
            stroke="var(--ok)"
            strokeWidth={1.6}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
