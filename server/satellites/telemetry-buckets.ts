// Pure bucketing for the telemetry charts: raw samples and roll-ups of any size fold into one fixed grid.
import type { TelemetryPoint } from "@/lib/telemetry";

export type RawSampleRow = {
  at: Date;
  cpuPct: number;
  memPct: number;
  diskPct: number;
  rxMbps: number;
  txMbps: number;
  rttMs: number;
  lossPct: number;
  health: string;
};

export type RollupRow = {
  bucketStart: Date;
  samples: number;
  cpuAvg: number;
  memAvg: number;
  diskAvg: number;
  rxAvg: number;
  rxMax: number;
  txAvg: number;
  txMax: number;
  rttAvg: number;
  lossAvg: number;
  degradedCount: number;
  criticalCount: number;
};

/**
 * Buckets of `bucketSec` from the first whole uptime window after `now - rangeMs` up to the bucket holding
 * `now`. `uptimeSec` is a multiple of `bucketSec`: uptime is counted per window so that a 20-second bucket
 * still reads as a share of the minute's beats.
 */
export type Grid = { bucketSec: number; uptimeSec: number; firstStart: number; count: number; now: number };

export function makeGrid(rangeMs: number, bucketSec: number, uptimeSec: number, now: number): Grid {
  const b = bucketSec * 1000;
  const w = uptimeSec * 1000;
  const lastStart = Math.floor(now / b) * b;
  const firstStart = Math.ceil((now - rangeMs) / w) * w;
  return { bucketSec, uptimeSec, firstStart, count: (lastStart - firstStart) / b + 1, now };
}

/** Start of the bucket holding `now`: the one still open. */
export const openBucketStart = (grid: Grid) => grid.firstStart + (grid.count - 1) * grid.bucketSec * 1000;

/** Epoch ms between which a satellite was expected to report; `until` is null while it still is. */
export type ReportingSpan = { from: number | null; until: number | null };

/** Averages are kept as sums weighted by sample count, so roll-ups and raw samples mix exactly. */
type Sums = {
  samples: number;
  cpu: number;
  mem: number;
  disk: number;
  rx: number;
  rxMax: number;
  tx: number;
  txMax: number;
  rtt: number;
  loss: number;
  degraded: number;
  critical: number;
};

const emptySums = (): Sums => ({
  samples: 0,
  cpu: 0,
  mem: 0,
  disk: 0,
  rx: 0,
  rxMax: 0,
  tx: 0,
  txMax: 0,
  rtt: 0,
  loss: 0,
  degraded: 0,
  critical: 0,
});

const round1 = (n: number) => Math.round(n * 10) / 10;

export class TelemetryBuckets {
  private readonly sums: Sums[];

  constructor(private readonly grid: Grid) {
    this.sums = Array.from({ length: grid.count }, emptySums);
  }

  private at(time: number): Sums | undefined {
    const i = Math.floor((time - this.grid.firstStart) / (this.grid.bucketSec * 1000));
    return i >= 0 && i < this.grid.count && time <= this.grid.now ? this.sums[i] : undefined;
  }

  addSample(row: RawSampleRow): void {
    const s = this.at(row.at.getTime());
    if (!s) return;
    s.samples += 1;
    s.cpu += row.cpuPct;
    s.mem += row.memPct;
    s.disk += row.diskPct;
    s.rx += row.rxMbps;
    s.rxMax = Math.max(s.rxMax, row.rxMbps);
    s.tx += row.txMbps;
    s.txMax = Math.max(s.txMax, row.txMbps);
    s.rtt += row.rttMs;
    s.loss += row.lossPct;
    if (row.health === "degraded") s.degraded += 1;
    if (row.health === "critical") s.critical += 1;
  }

  addRollup(row: RollupRow): void {
    const s = this.at(row.bucketStart.getTime());
    if (!s || row.samples <= 0) return;
    const n = row.samples;
    s.samples += n;
    s.cpu += row.cpuAvg * n;
    s.mem += row.memAvg * n;
    s.disk += row.diskAvg * n;
    s.rx += row.rxAvg * n;
    s.rxMax = Math.max(s.rxMax, row.rxMax);
    s.tx += row.txAvg * n;
    s.txMax = Math.max(s.txMax, row.txMax);
    s.rtt += row.rttAvg * n;
    s.loss += row.lossAvg * n;
    s.degraded += row.degradedCount;
    s.critical += row.criticalCount;
  }

  /**
   * Uptime is beats received over beats the interval promised in the window; the window still open at
   * `now` promises only what its elapsed time allows. Beats are promised only while `reporting`: from the
   * satellite's first sample ever (null: none yet) until it was decommissioned. A silent bucket inside that
   * span is an outage and reads 0 %; outside it there is nothing to measure, so it stays null.
   */
  points(intervalSec: number, reporting: ReportingSpan): TelemetryPoint[] {
    const { bucketSec, uptimeSec, firstStart, now } = this.grid;
    const bucketMs = bucketSec * 1000;
    const isExpected = (t: number) =>
      reporting.from !== null &&
      t + bucketMs > reporting.from &&
      (reporting.until === null || t < reporting.until);
    const perWindow = uptimeSec / bucketSec;
    const received: number[] = [];
    this.sums.forEach((s, i) => {
      const w = Math.floor(i / perWindow);
      received[w] = (received[w] ?? 0) + s.samples;
    });
    const uptime = (w: number): number | null => {
      const start = firstStart + w * uptimeSec * 1000;
      const elapsedSec = Math.min(uptimeSec, (now - start) / 1000);
      const expected = Math.floor(elapsedSec / intervalSec);
      if (expected < 1) return received[w] > 0 ? 100 : null;
      return round1(Math.min(100, (received[w] / expected) * 100));
    };
    return this.sums.map((s, i) => {
      const t = firstStart + i * bucketMs;
      if (s.samples === 0) {
        return {
          t,
          samples: 0,
          rx: null,
          tx: null,
          rxMax: null,
          txMax: null,
          rtt: null,
          loss: null,
          cpu: null,
          mem: null,
          disk: null,
          uptimePct: isExpected(t) ? uptime(Math.floor(i / perWindow)) : null,
          degraded: null,
          critical: null,
        };
      }
      const avg = (sum: number) => round1(sum / s.samples);
      return {
        t,
        samples: s.samples,
        rx: avg(s.rx),
        tx: avg(s.tx),
        rxMax: round1(s.rxMax),
        txMax: round1(s.txMax),
        rtt: avg(s.rtt),
        loss: avg(s.loss),
        cpu: avg(s.cpu),
        mem: avg(s.mem),
        disk: avg(s.disk),
        uptimePct: uptime(Math.floor(i / perWindow)),
        degraded: s.degraded,
        critical: s.critical,
      };
    });
  }
}

// Smallest of these at least twice the heartbeat interval: one late beat never empties a bucket (a false
// outage), and each divides a minute or is one, so raw buckets nest in the per-minute uptime windows.
const RAW_BUCKET_LADDER = [10, 15, 20, 30, 60, 120, 300, 600];

export function rawBucketSec(intervalSec: number): number {
  return RAW_BUCKET_LADDER.find((b) => b >= 2 * intervalSec) ?? 600;
}
