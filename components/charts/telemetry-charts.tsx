"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { LiveError } from "@/components/ui/live-error";
import { fetchJson, retryUnlessSignedOut } from "@/lib/fetch-json";
import {
  TELEMETRY_RANGES,
  telemetryQueryKey,
  type TelemetryRange,
  type TelemetrySeries,
} from "@/lib/telemetry";
import styles from "./charts.module.css";
import { timeFormats, timeTicks } from "./time-axis";
import { CHART_HEIGHT, toChartRows, type PanelData } from "./chart-parts";
import { LatencyChart, ResourcesChart, ThroughputChart, UptimeChart } from "./telemetry-panels";

const RANGE_LABELS: Record<TelemetryRange, string> = {
  "1h": "1 h",
  "24h": "24 h",
  "7d": "7 d",
  "30d": "30 d",
};
const CHART_TITLES = ["Throughput", "Round trip and loss", "CPU, memory and disk", "Uptime and health"];

/** The route's own JSON, read the way every live view reads it (a 401 offers to sign in again). */
function fetchTelemetry(satelliteId: string, range: TelemetryRange, signal: AbortSignal) {
  const url = `/api/v1/satellites/${encodeURIComponent(satelliteId)}/telemetry?range=${range}`;
  return fetchJson<TelemetrySeries>(url, { fallback: "Telemetry could not be loaded" }, signal);
}

function describeResolution(series: TelemetrySeries): string {
  if (series.resolution === "raw") return `raw samples, ${series.bucketSec}-second averages`;
  return series.resolution === "5m" ? "5-minute averages" : "hourly averages";
}

/**
 * Live telemetry charts for one satellite, polled as compact JSON; 1 h polls faster than the roll-ups.
 * `defaultRange` lets the page open on 1 h for a satellite whose history is shorter than a 24 h chart shows.
 */
export function TelemetryCharts({
  satelliteId,
  defaultRange = "24h",
}: {
  satelliteId: string;
  defaultRange?: TelemetryRange;
}) {
  const titleId = useId();
  const [range, setRange] = useState<TelemetryRange>(defaultRange);
  const query = useQuery({
    queryKey: telemetryQueryKey(satelliteId, range),
    queryFn: ({ signal }) => fetchTelemetry(satelliteId, range, signal),
    refetchInterval: range === "1h" ? 15_000 : 60_000,
    retry: retryUnlessSignedOut,
    // The previous range stays on screen until the new one arrives, instead of a flash of skeletons.
    placeholderData: keepPreviousData,
  });
  const series = query.data;

  const data = useMemo<PanelData | null>(() => {
    if (!series) return null;
    const rows = toChartRows(series);
    return {
      series,
      rows,
      byTime: new Map(rows.map((r) => [r.t, r])),
      ticks: timeTicks(series.from, series.to, series.range),
      formats: timeFormats(series.range),
    };
  }, [series]);
  // An outage after the first report still has an uptime line at 0 %, which is worth drawing.
  const isEmpty = !!series && series.points.every((p) => p.samples === 0 && p.uptimePct === null);

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.head}>
        <div>
          <h2 id={titleId}>Telemetry</h2>
          <div className="muted">
            {series ? `${describeResolution(series)} · times in UTC` : "\u00a0"}
            {query.isPlaceholderData || (query.isFetching && !query.isPending) ? " · updating…" : ""}
          </div>
        </div>
        <div className={styles.segmented} role="group" aria-label="Time range">
          {TELEMETRY_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              className={`btn small ${styles.segment}`}
              aria-pressed={r === range}
              onClick={() => setRange(r)}
            >
              {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
      </div>

      {query.isError && <LiveError error={query.error} />}

      {query.isPending ? (
        <div className={styles.grid} role="status" aria-live="polite">
          {CHART_TITLES.map((title, i) => (
            <section key={title} className="card" aria-hidden={i > 0}>
              <div className="card-head">
                <h3>{title}</h3>
              </div>
              <div className={styles.chartBody}>
                <div className={`skeleton ${styles.skeleton}`} style={{ height: CHART_HEIGHT }}>
                  Loading telemetry…
                </div>
              </div>
            </section>
          ))}
        </div>
      ) : isEmpty ? (
        <div className="card empty">No telemetry in this range yet — the agent has not reported</div>
      ) : data ? (
        <div className={styles.grid}>
          <ThroughputChart data={data} />
          <LatencyChart data={data} />
          <ResourcesChart data={data} />
          <UptimeChart data={data} />
        </div>
      ) : null}
    </section>
  );
}
