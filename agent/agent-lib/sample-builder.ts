import type { Sample, ServiceStatus } from "../protocol";
import type { HostReading } from "../host/host-sampler";
import type { LinkFigures } from "./link-stats";

const clamp = (n: number, min: number, max: number) =>
  Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (n: number) => round(clamp(n, 0, 100), 1);
// The core's schema caps rates at 100 Tbps and round trips at 10 min; a counter glitch must not void a batch.
const MAX_MBPS = 100_000_000;
const MAX_RTT_MS = 600_000;
const bounded = (n: number, max: number, digits: number) => round(clamp(n, 0, max), digits);

export function servicesOf(
  host: HostReading,
  link: LinkFigures,
  diskPct: number,
): Record<string, ServiceStatus> {
  return {
    compute: host.load1 > 2 * host.cores ? "degraded" : "ok",
    storage: diskPct < 90 ? "ok" : diskPct < 97 ? "degraded" : "down",
    network: link.isLastCallOk ? "ok" : "degraded",
  };
}

/** A protocol sample from raw readings, with every figure in the range the core accepts. */
export function buildSample(seq: number, at: Date, host: HostReading, link: LinkFigures): Sample {
  const diskPct = pct(host.diskPct);
  return {
    seq,
    at: at.toISOString(),
    cpuPct: pct(host.cpuPct),
    memPct: pct(host.memPct),
    diskPct,
    rxMbps: bounded(host.rxMbps, MAX_MBPS, 2),
    txMbps: bounded(host.txMbps, MAX_MBPS, 2),
    rttMs: bounded(link.rttMs, MAX_RTT_MS, 0),
    lossPct: pct(link.lossPct),
    services: servicesOf(host, link, diskPct),
  };
}
