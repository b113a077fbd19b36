// The telemetry chart series: shared by the server verb, its JSON route and the charts in the browser.

export const TELEMETRY_RANGES = ["1h", "24h", "7d", "30d"] as const;
export type TelemetryRange = (typeof TELEMETRY_RANGES)[number];

/** Where a range is read from: raw samples, 5-minute roll-ups or hourly roll-ups. */
export type TelemetryResolution = "raw" | "5m" | "1h";

/**
 * One bucket. A bucket without a single sample has `samples: 0` and null figures, so charts draw a gap for
 * an outage instead of a line across it; its uptime is 0 % once the satellite had reported, null before.
 */
export type TelemetryPoint = {
  /** Bucket start, epoch ms. */
  t: number;
  samples: number;
  rx: number | null;
  tx: number | null;
  rxMax: number | null;
  txMax: number | null;
  rtt: number | null;
  loss: number | null;
  cpu: number | null;
  mem: number | null;
  disk: number | null;
  /** Beats received of those the heartbeat interval promised (per minute for raw, else per bucket). */
  uptimePct: number | null;
  /** Samples in the bucket the agent reported degraded / critical. */
  degraded: number | null;
  critical: number | null;
};

export type TelemetrySeries = {
  satelliteId: string;
  range: TelemetryRange;
  resolution: TelemetryResolution;
  bucketSec: number;
  /** Epoch ms: the first bucket's start, and the moment the series was read. */
  from: number;
  to: number;
  /** Contracted link: downlink is what the satellite receives (rx), uplink what it sends (tx). */
  capacity: { rxMbps: number; txMbps: number };
  points: TelemetryPoint[];
};

export const telemetryQueryKey = (satelliteId: string, range: TelemetryRange) =>
  ["satellite-telemetry", satelliteId, range] as const;
