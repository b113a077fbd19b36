import { describe, expect, it } from "vitest";
import { diskUsageOf } from "./disk-usage";
import { slugFromHostname } from "./host-facts";
import { memUsedPct, parseMeminfo } from "./meminfo";
import { externalTraffic, mbpsBetween, parseNetDev } from "./net-dev";
import { cpuPctBetween, parseProcStat } from "./proc-stat";

const STAT_1 = `cpu  184406 5041 20623 322869 603 0 876 196 0 0
cpu0 93191 2610 10388 161057 346 0 386 105 0 0
cpu1 91214 2431 10235 161811 256 0 490 91 0 0
intr 9000231 0 9 0 0
ctxt 17463127
btime 1764345600
processes 25712
`;
// 1000 jiffies later: 300 user, 100 system, 550 idle, 50 iowait.
const STAT_2 = `cpu  184706 5041 20723 323419 653 0 876 196 0 0
cpu0 93341 2610 10438 161332 371 0 386 105 0 0
`;

describe("/proc/stat", () => {
  it("sums busy and total jiffies from the aggregate line, leaving guest time out", () => {
    expect(parseProcStat(STAT_1)).toEqual({
      busy: 184406 + 5041 + 20623 + 876 + 196,
      total: 184406 + 5041 + 20623 + 322869 + 603 + 876 + 196,
    });
  });

  it("gives the busy share of the delta, iowait counted as idle", () => {
    expect(cpuPctBetween(parseProcStat(STAT_1), parseProcStat(STAT_2))).toBeCloseTo(40, 5);
  });

  it("gives the since-boot average against zeros, and 0 when time did not move", () => {
    const t = parseProcStat(STAT_1);
    expect(cpuPctBetween({ busy: 0, total: 0 }, t)).toBeCloseTo((t.busy / t.total) * 100, 5);
    expect(cpuPctBetween(t, t)).toBe(0);
  });

  it("accepts an old kernel's four-field line and refuses a file without one", () => {
    expect(parseProcStat("cpu 10 0 10 80\n")).toEqual({ busy: 20, total: 100 });
    expect(() => parseProcStat("intr 1 2 3\n")).toThrow(/no aggregate cpu line/);
  });
});

describe("/proc/meminfo", () => {
  const MEMINFO = `MemTotal:       24684092 kB
MemFree:        18939628 kB
MemAvailable:   23827404 kB
Buffers:          140212 kB
Cached:          4808300 kB
SwapCached:            0 kB
Active(anon):     512000 kB
HugePages_Total:       0
`;

  it("uses MemAvailable against MemTotal", () => {
    const info = parseMeminfo(MEMINFO);
    expect(info).toEqual({ totalKb: 24684092, availableKb: 23827404 });
    expect(memUsedPct(info)).toBeCloseTo(((24684092 - 23827404) / 24684092) * 100, 6);
  });

  it("estimates availability on kernels without MemAvailable", () => {
    const old = "MemTotal: 1000 kB\nMemFree: 200 kB\nBuffers: 50 kB\nCached: 250 kB\n";
    expect(parseMeminfo(old)).toEqual({ totalKb: 1000, availableKb: 500 });
    expect(memUsedPct(parseMeminfo(old))).toBe(50);
  });

  it("refuses a file without MemTotal", () => {
    expect(() => parseMeminfo("MemFree: 1 kB\n")).toThrow(/MemTotal/);
  });
});

describe("/proc/net/dev", () => {
  const NET_DEV = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo: 48169321   53709    0    0    0     0          0         0 48169321   53709    0    0    0     0       0          0
  eth0: 1210602060   48984    1    2    0     0          0         0  3639404   33723    3    4    0     0       0          0
wlan0:4294967295 10 0 0 0 0 0 0 1000 5 0 0 0 0 0 0
`;

  it("reads every interface, including one printed with no space after the colon", () => {
    const interfaces = parseNetDev(NET_DEV);
    expect(interfaces.map((i) => i.name)).toEqual(["lo", "eth0", "wlan0"]);
    expect(interfaces[1]).toEqual({
      name: "eth0",
      rxBytes: 1210602060,
      rxPackets: 48984,
      rxErrors: 1,
      rxDropped: 2,
      txBytes: 3639404,
      txPackets: 33723,
      txErrors: 3,
      txDropped: 4,
    });
    expect(interfaces[2].rxBytes).toBe(4294967295);
  });

  it("sums traffic without loopback", () => {
    expect(externalTraffic(parseNetDev(NET_DEV))).toEqual({
      rxBytes: 1210602060 + 4294967295,
      txBytes: 3639404 + 1000,
    });
  });

  it("turns byte deltas into megabits per second, and a counter reset into 0", () => {
    expect(mbpsBetween(0, 12_500_000, 10_000)).toBe(10);
    expect(mbpsBetween(1_000, 1_000, 10_000)).toBe(0);
    expect(mbpsBetween(5_000, 1_000, 10_000)).toBe(0);
    expect(mbpsBetween(0, 1_000, 0)).toBe(0);
  });
});

describe("disk usage and host names", () => {
  it("computes df's Use%: reserved blocks are neither used nor available", () => {
    const usage = diskUsageOf("/var", { bsize: 4096, blocks: 1000, bfree: 300, bavail: 250 });
    expect(usage.totalBytes).toBe(4_096_000);
    expect(usage.usedBytes).toBe(700 * 4096);
    expect(usage.availableBytes).toBe(250 * 4096);
    expect(usage.pct).toBeCloseTo((700 / 950) * 100, 6);
    expect(diskUsageOf("/x", { bsize: 4096, blocks: 0, bfree: 0, bavail: 0 }).pct).toBe(0);
  });

  it("makes a valid slug of any host name", () => {
    expect(slugFromHostname("FRA-Edge_01.example.com")).toBe("fra-edge-01");
    expect(slugFromHostname("db")).toBe("host-db");
    expect(slugFromHostname("---")).toBe("host-unnamed");
    expect(slugFromHostname("a".repeat(70))).toHaveLength(63);
  });
});
