import { readFileSync } from "node:fs";
import { cpus, loadavg, uptime } from "node:os";
import { join } from "node:path";
import { readDiskUsage, type DiskUsage } from "./disk-usage";
import { memUsedPct, parseMeminfo } from "./meminfo";
import { externalTraffic, mbpsBetween, parseNetDev, type Traffic } from "./net-dev";
import { cpuPctBetween, parseProcStat, type CpuTimes } from "./proc-stat";

export type HostReading = {
  cpuPct: number;
  memPct: number;
  diskPct: number;
  rxMbps: number;
  txMbps: number;
  load1: number;
  cores: number;
};

export type HostSources = {
  procRoot: string;
  diskPath: string;
  readText?: (path: string) => string;
  readDisk?: (path: string) => DiskUsage;
  load1?: () => number;
  cores?: () => number;
  uptimeSec?: () => number;
};

/** Turns cumulative kernel counters into rates by remembering the previous reading. */
export class HostSampler {
  private previousCpu: CpuTimes = { busy: 0, total: 0 };
  private previousTraffic: (Traffic & { atMs: number }) | null = null;
  private readonly readText: (path: string) => string;

  constructor(private readonly sources: HostSources) {
    this.readText = sources.readText ?? ((path) => readFileSync(path, "utf8"));
  }

  read(nowMs: number): HostReading {
    const { procRoot } = this.sources;
    const cpu = parseProcStat(this.readText(join(procRoot, "stat")));
    const cpuPct = cpuPctBetween(this.previousCpu, cpu);
    this.previousCpu = cpu;

    const traffic = externalTraffic(parseNetDev(this.readText(join(procRoot, "net/dev"))));
    // With no earlier reading the counters are since boot, so the first rates are the boot-time average.
    const uptimeMs = (this.sources.uptimeSec ?? uptime)() * 1000;
    const previous = this.previousTraffic ?? { rxBytes: 0, txBytes: 0, atMs: nowMs - uptimeMs };
    const elapsedMs = nowMs - previous.atMs;
    this.previousTraffic = { ...traffic, atMs: nowMs };

    const disk = (this.sources.readDisk ?? readDiskUsage)(this.sources.diskPath);
    return {
      cpuPct,
      memPct: memUsedPct(parseMeminfo(this.readText(join(procRoot, "meminfo")))),
      diskPct: disk.pct,
      rxMbps: mbpsBetween(previous.rxBytes, traffic.rxBytes, elapsedMs),
      txMbps: mbpsBetween(previous.txBytes, traffic.txBytes, elapsedMs),
      load1: (this.sources.load1 ?? (() => loadavg()[0]))(),
      cores: (this.sources.cores ?? (() => cpus().length))(),
    };
  }
}
