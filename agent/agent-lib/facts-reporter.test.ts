import { describe, expect, it } from "vitest";
import { ProtocolError, type FactsRequest } from "../protocol";
import { FACTS_INTERVAL_MS, FactsReporter } from "./facts-reporter";
import { memoryLogger } from "./log";

const facts: FactsRequest = {
  agentVersion: "1.5.0",
  osName: "Ubuntu",
  osVersion: "24.04",
  diskEncrypted: true,
};
const refusal = (status: number, fields?: Record<string, string>, retryAfterSec?: number) =>
  new ProtocolError(status, { error: { code: "X", message: `status ${status}`, fields } }, retryAfterSec);

function reporter(answer: () => Promise<unknown>, collect = async () => facts) {
  const log = memoryLogger();
  const sent: FactsRequest[] = [];
  const revoked: string[] = [];
  const r = new FactsReporter({
    collect,
    send: async (request) => {
      sent.push(request);
      return (await answer()) as never;
    },
    log,
    clock: () => 0,
    onUnauthorized: (message) => revoked.push(message),
  });
  return { r, log, sent, revoked };
}

describe("FactsReporter", () => {
  it("sends the collected facts and waits as long as the core says", async () => {
    const { r, sent, log } = reporter(async () => ({ stored: true, reportedAt: "x", nextReportSec: 3600 }));
    expect(await r.reportOnce()).toBe(3_600_000);
    expect(sent).toEqual([facts]);
    expect(log.lines.join("\n")).toMatch(/host facts reported \(Ubuntu 24.04, disk encryption on/);
  });

  it("comes back when the core will store again, never sooner than a minute", async () => {
    const { r } = reporter(async () => ({ stored: false, reportedAt: "x", nextReportSec: 5 }));
    expect(await r.reportOnce()).toBe(60_000);
    const odd = reporter(async () => ({}));
    expect(await odd.r.reportOnce()).toBe(FACTS_INTERVAL_MS);
  });

  it("tells the heartbeat loop about a revoked token and stops", async () => {
    const { r, revoked } = reporter(async () => Promise.reject(refusal(401)));
    expect(await r.reportOnce()).toBeNull();
    expect(revoked).toEqual(["status 401"]);
  });

  it("waits out a 429, retries an unreachable core in 5 min, and an old core or a refusal hourly", async () => {
    expect(await reporter(async () => Promise.reject(refusal(429, undefined, 120))).r.reportOnce()).toBe(
      120_000,
    );
    expect(await reporter(async () => Promise.reject(new TypeError("fetch failed"))).r.reportOnce()).toBe(
      300_000,
    );
    const old = reporter(async () => Promise.reject(refusal(404)));
    expect(await old.r.reportOnce()).toBe(FACTS_INTERVAL_MS);
    await old.r.reportOnce();
    expect(old.log.lines.filter((l) => l.includes("does not take host facts"))).toHaveLength(1);
    const bad = reporter(async () => Promise.reject(refusal(422, { clockOffsetMs: "must be a number" })));
    expect(await bad.r.reportOnce()).toBe(FACTS_INTERVAL_MS);
    expect(bad.log.lines.join("\n")).toMatch(/clockOffsetMs: must be a number/);
  });

  it("survives a collector that throws", async () => {
    const { r, sent } = reporter(
      async () => ({ stored: true, reportedAt: "x", nextReportSec: 3600 }),
      async () => Promise.reject(new Error("boom")),
    );
    expect(await r.reportOnce()).toBe(FACTS_INTERVAL_MS);
    expect(sent).toEqual([]);
  });

  it("run() stops when its signal aborts", async () => {
    const { r, sent } = reporter(async () => ({ stored: true, reportedAt: "x", nextReportSec: 3600 }));
    const stop = new AbortController();
    const running = r.run(stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    await running;
    expect(sent).toHaveLength(1);
  });
});
