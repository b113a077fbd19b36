"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import {
  COLOR,
  Frame,
  isolatedDots,
  legend,
  line,
  MARGIN,
  renderTooltip,
  show,
  xAxis,
  yLabel,
  yTick,
  type PanelData,
} from "./chart-parts";

export function ThroughputChart({ data }: { data: PanelData }) {
  return (
    <Frame title="Throughput" unit="Mbps, against the contracted link">
      <LineChart data={data.rows} margin={MARGIN}>
        <CartesianGrid stroke={COLOR.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...xAxis(data)} />
        <YAxis tick={yTick} stroke={COLOR.grid} width={56} label={yLabel("Mbps")} />
        <Tooltip
          cursor={{ stroke: "var(--border-strong)" }}
          content={(props) =>
            renderTooltip(props, data, (r) => [
              {
                label: "Received (rx)",
                color: COLOR.rx,
                value: `${show(r.rx, "Mbps")} · peak ${show(r.rxMax, "Mbps")}`,
              },
              {
                label: "Sent (tx)",
                color: COLOR.tx,
                value: `${show(r.tx, "Mbps")} · peak ${show(r.txMax, "Mbps")}`,
              },
              { label: "Downlink", color: COLOR.rx, value: show(r.rxCap, "Mbps") },
              { label: "Uplink", color: COLOR.tx, value: show(r.txCap, "Mbps") },
            ])
          }
        />
        <Legend {...legend(["Received (rx)", "Sent (tx)", "Downlink capacity", "Uplink capacity"])} />
        <Line
          {...line}
          dataKey="rx"
          name="Received (rx)"
          stroke={COLOR.rx}
          dot={isolatedDots(data.rows, "rx", COLOR.rx)}
        />
        <Line
          {...line}
          dataKey="tx"
          name="Sent (tx)"
          stroke={COLOR.tx}
          dot={isolatedDots(data.rows, "tx", COLOR.tx)}
        />
        <Line
          {...line}
          dataKey="rxCap"
          name="Downlink capacity"
          stroke={COLOR.rx}
          strokeDasharray="6 4"
          activeDot={false}
          strokeWidth={1}
        />
        <Line
          {...line}
          dataKey="txCap"
          name="Uplink capacity"
          stroke={COLOR.tx}
          strokeDasharray="2 4"
          activeDot={false}
          strokeWidth={1}
        />
      </LineChart>
    </Frame>
  );
}

export function LatencyChart({ data }: { data: PanelData }) {
  return (
    <Frame title="Round trip and loss" unit="ms · %">
      <LineChart data={data.rows} margin={MARGIN}>
        <CartesianGrid stroke={COLOR.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...xAxis(data)} />
        <YAxis yAxisId="rtt" tick={yTick} stroke={COLOR.grid} width={56} label={yLabel("ms")} />
        <YAxis
          yAxisId="loss"
          orientation="right"
          tick={yTick}
          stroke={COLOR.grid}
          width={44}
          domain={[0, (max: number) => Math.max(1, Math.ceil(max))]}
          label={yLabel("loss %", "right")}
        />
        <Tooltip
          cursor={{ stroke: "var(--border-strong)" }}
          content={(props) =>
            renderTooltip(props, data, (r) => [
              { label: "Round trip", color: COLOR.rtt, value: show(r.rtt, "ms") },
              { label: "Packet loss", color: COLOR.loss, value: show(r.loss, "%") },
            ])
          }
        />
        <Legend {...legend(["Round trip (ms)", "Packet loss (%)"])} />
        <Line
          {...line}
          yAxisId="rtt"
          dataKey="rtt"
          name="Round trip (ms)"
          stroke={COLOR.rtt}
          dot={isolatedDots(data.rows, "rtt", COLOR.rtt)}
        />
        <Line
          {...line}
          yAxisId="loss"
          dataKey="loss"
          name="Packet loss (%)"
          stroke={COLOR.loss}
          dot={isolatedDots(data.rows, "loss", COLOR.loss)}
        />
      </LineChart>
    </Frame>
  );
}

export function ResourcesChart({ data }: { data: PanelData }) {
  return (
    <Frame title="CPU, memory and disk" unit="% used">
      <LineChart data={data.rows} margin={MARGIN}>
        <CartesianGrid stroke={COLOR.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...xAxis(data)} />
        <YAxis tick={yTick} stroke={COLOR.grid} width={56} domain={[0, 100]} label={yLabel("%")} />
        <Tooltip
          cursor={{ stroke: "var(--border-strong)" }}
          content={(props) =>
            renderTooltip(props, data, (r) => [
              { label: "CPU", color: COLOR.cpu, value: show(r.cpu, "%") },
              { label: "Memory", color: COLOR.mem, value: show(r.mem, "%") },
              { label: "Disk", color: COLOR.disk, value: show(r.disk, "%") },
            ])
          }
        />
        <Legend {...legend(["CPU", "Memory", "Disk"])} />
        <Line
          {...line}
          dataKey="cpu"
          name="CPU"
          stroke={COLOR.cpu}
          dot={isolatedDots(data.rows, "cpu", COLOR.cpu)}
        />
        <Line
          {...line}
          dataKey="mem"
          name="Memory"
          stroke={COLOR.mem}
          dot={isolatedDots(data.rows, "mem", COLOR.mem)}
        />
        <Line
          {...line}
          dataKey="disk"
          name="Disk"
          stroke={COLOR.disk}
          dot={isolatedDots(data.rows, "disk", COLOR.disk)}
        />
      </LineChart>
    </Frame>
  );
}

export function UptimeChart({ data }: { data: PanelData }) {
  const per =
    data.series.resolution === "raw" ? "minute" : data.series.resolution === "5m" ? "5 minutes" : "hour";
  return (
    <Frame title="Uptime and health" unit={`% of expected beats per ${per}`}>
      <ComposedChart data={data.rows} margin={MARGIN}>
        <CartesianGrid stroke={COLOR.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...xAxis(data)} />
        <YAxis tick={yTick} stroke={COLOR.grid} width={56} domain={[0, 100]} label={yLabel("%")} />
        <Tooltip
          cursor={{ stroke: "var(--border-strong)" }}
          content={(props) =>
            renderTooltip(props, data, (r) => [
              { label: "Uptime", color: COLOR.uptime, value: show(r.uptimePct, "%") },
              {
                label: "Degraded",
                color: COLOR.degraded,
                value: `${show(r.degradedPct, "%")} of ${r.samples} samples`,
              },
              {
                label: "Critical",
                color: COLOR.critical,
                value: `${show(r.criticalPct, "%")} of ${r.samples} samples`,
              },
            ])
          }
        />
        <Legend {...legend(["Uptime", "Degraded samples", "Critical samples"])} />
        {/* Fill only: an outline would draw a red line along 0 % through every healthy stretch. */}
        <Area
          {...line}
          type="stepAfter"
          stackId="health"
          dataKey="degradedPct"
          name="Degraded samples"
          stroke={COLOR.degraded}
          fill={COLOR.degraded}
          fillOpacity={0.45}
          strokeWidth={0}
          dot={isolatedDots(data.rows, "degradedPct", COLOR.degraded, { skipZero: true })}
        />
        <Area
          {...line}
          type="stepAfter"
          stackId="health"
          dataKey="criticalPct"
          name="Critical samples"
          stroke={COLOR.critical}
          fill={COLOR.critical}
          fillOpacity={0.55}
          strokeWidth={0}
          dot={isolatedDots(data.rows, "criticalPct", COLOR.critical, { skipZero: true })}
        />
        <Line
          {...line}
          type="stepAfter"
          dataKey="uptimePct"
          name="Uptime"
          stroke={COLOR.uptime}
          dot={isolatedDots(data.rows, "uptimePct", COLOR.uptime)}
        />
      </ComposedChart>
    </Frame>
  );
}
