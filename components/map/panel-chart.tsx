"use client";

import { useQuery } from "@tanstack/react-query";
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Series = {
  capacity: { rxMbps: number; txMbps: number };
  points: { t: number; rx: number | null; tx: number | null }[];
};

async function fetchSeries(id: string): Promise<Series> {
  const res = await fetch(`/api/v1/satellites/${encodeURIComponent(id)}/telemetry?range=1h`, {
    cache: "no-store",
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body as Series;
}

const time = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** The side panel's small rx/tx chart for the last hour, from raw samples. */
export default function PanelChart({ id }: { id: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: ["panel-telemetry", id],
    queryFn: () => fetchSeries(id),
    refetchInterval: 15_000,
  });
  if (isPending) return <div className="panel-chart skeleton" />;
  if (error) return <p className="muted small">Telemetry unavailable: {error.message}</p>;
  if (!data.points.some((p) => p.rx !== null || p.tx !== null)) {
    return <p className="muted small">No telemetry in the last hour.</p>;
  }
  return (
    <div className="panel-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data.points} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={time} hide />
          <YAxis width={36} tick={{ fontSize: 10 }} tickFormatter={(v: number) => `${v}`} />
          <Tooltip
            labelFormatter={(t) => time(Number(t))}
            formatter={(v, name) => [`${Number(v).toFixed(1)} Mbps`, name === "rx" ? "down (rx)" : "up (tx)"]}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
          />
          <Area
            type="monotone"
            dataKey="rx"
            stroke="var(--accent)"
            fill="var(--accent)"
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Area
            type="monotone"
            dataKey="tx"
            stroke="var(--ok)"
            fill="var(--ok)"
            fillOpacity={0.12}
            isAnimationActive={false}
            connectNulls={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
