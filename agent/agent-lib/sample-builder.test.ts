import { describe, expect, it } from "vitest";
import type { HostReading } from "../host/host-sampler";
import { LinkStats } from "./link-stats";
import { buildSample, servicesOf } from "./sample-builder";

const host: HostReading = {
  cpuPct: 41.56,
  memPct: 63,
  diskPct: 71,
  rxMbps: 220.444,
  txMbps: 97.1,
  load1: 1,
  cores: 4,
};
const healthyLink = { rttMs: 38.4, lossPct: 0, isLastCallOk: true };
const at = new Date("2026-11-28T10:00:00Z");

describe("buildSample", () => {
  it("rounds the figures and stamps seq and time", () => {
    expect(buildSample(1041, at, host, healthyLink)).toEqual({
      seq: 1041,
      at: "2026-11-28T10:00:00.000Z",
      cpuPct: 41.6,
      memPct: 63,
      diskPct: 71,
      rxMbps: 220.44,
      txMbps: 97.1,
      rttMs: 38,
      lossPct: 0,
      services: { compute: "ok", storage: "ok", network: "ok" },
    });
  });

  it("clamps every figure into the range the core accepts", () => {
    const wild = { ...host, cpuPct: 100.4, memPct: -3, diskPct: Number.NaN, rxMbps: -1, txMbps: Infinity };
    const sample = buildSample(1, at, wild, { rttMs: -5, lossPct: 120, isLastCallOk: true });
    expect(sample).toMatchObject({
      cpuPct: 100,
      memPct: 0,
      diskPct: 0,
      rxMbps: 0,
      txMbps: 0,
      rttMs: 0,
      lossPct: 100,
    });
  });
});

describe("servicesOf", () => {
  const at = (over: Partial<HostReading>, diskPct: number, isLastCallOk = true) =>
    servicesOf({ ...host, ...over }, { ...healthyLink, isLastCallOk }, diskPct);

  it("degrades compute when the 1-minute load passes twice the cores", () => {
    expect(at({ load1: 8 }, 10).compute).toBe("ok");
    expect(at({ load1: 8.01 }, 10).compute).toBe("degraded");
  });

  it("grades storage at 90 % and 97 %", () => {
    expect(at({}, 89.9).storage).toBe("ok");
    expect(at({}, 90).storage).toBe("degraded");
    expect(at({}, 96.9).storage).toBe("degraded");
    expect(at({}, 97).storage).toBe("down");
  });

  it("degrades the network when the last call failed", () => {
    expect(at({}, 10, false).network).toBe("degraded");
  });
});

describe("LinkStats", () => {
  it("keeps the last successful round trip and the failure share of the last 20 calls", () => {
    const link = new LinkStats();
    expect(link.figures()).toEqual({ rttMs: 0, lossPct: 0, isLastCallOk: true });
    link.record(true, 40);
    link.record(false);
    expect(link.figures()).toEqual({ rttMs: 40, lossPct: 50, isLastCallOk: false });
    for (let i = 0; i < 20; i++) link.record(true, 12);
    expect(link.figures()).toEqual({ rttMs: 12, lossPct: 0, isLastCallOk: true });
    for (let i = 0; i < 5; i++) link.record(false);
    expect(link.figures().lossPct).toBe(25);
  });
});
