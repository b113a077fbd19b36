import { describe, expect, it } from "vitest";
import { HostSampler } from "./host-sampler";

const stat = (busy: number, idle: number) => `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\n`;
const netDev = (rx: number, tx: number) =>
  `Inter-| Receive | Transmit\n face |bytes|bytes\n  lo: 999 1 0 0 0 0 0 0 999 1 0 0 0 0 0 0\n` +
  `  eth0: ${rx} 1 0 0 0 0 0 0 ${tx} 1 0 0 0 0 0 0\n`;

function fakeHost() {
  const files: Record<string, string> = {
    "/p/stat": stat(100, 900),
    "/p/net/dev": netDev(0, 0),
    "/p/meminfo": "MemTotal: 1000 kB\nMemAvailable: 250 kB\n",
  };
  const sampler = new HostSampler({
    procRoot: "/p",
    diskPath: "/data",
    readText: (path) => files[path],
    readDisk: (path) => ({ path, totalBytes: 100, usedBytes: 42, availableBytes: 58, pct: 42 }),
    load1: () => 3,
    cores: () => 4,
    uptimeSec: () => 100,
  });
  return { files, sampler };
}

describe("HostSampler", () => {
  it("reports since-boot averages first, then deltas between readings", () => {
    const { files, sampler } = fakeHost();
    files["/p/net/dev"] = netDev(125_000_000, 12_500_000);
    const first = sampler.read(1_000_000);
    expect(first).toEqual({ cpuPct: 10, memPct: 75, diskPct: 42, rxMbps: 10, txMbps: 1, load1: 3, cores: 4 });

    files["/p/stat"] = stat(100 + 50, 900 + 50);
    files["/p/net/dev"] = netDev(125_000_000 + 25_000_000, 12_500_000);
    const second = sampler.read(1_010_000);
    expect(second.cpuPct).toBe(50);
    expect(second.rxMbps).toBe(20);
    expect(second.txMbps).toBe(0);
  });
});
