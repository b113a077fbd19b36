import type { Sample, ServiceStatus } from "../protocol";
import type { HostReading } from "../host/host-sampler";
import type { LinkFigures } from "./link-stats";

const clamp = (n: number, min: number, max: number) =>
  Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (n: number) => round(clamp(n, 0, 100), 1);
// Rates and durations have no upper bound in the protocol, only a floor; cap absurd values anyway.
const nonNegative = (n: number, digits: number) => round(clamp(n, 0, 1e9), digits);

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
    rxMbps: nonNegative(host.rxMbps, 2),
    txMbps: nonNegative(host.txMbps, 2),
    rttMs: nonNegative(link.rttMs, 0),
    lossPct: pct(link.lossPct),
    services: servicesOf(host, link, diskPct),
  };
}
