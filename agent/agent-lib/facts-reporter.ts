// Sends the host's facts on start and then when the core asks (hourly), beside the heartbeat loop: a slow
// package manager or backup hook never delays a heartbeat.
import type { FactsRequest, FactsResponse } from "../protocol";
import { describeFields, timedCall } from "./core-calls";
import type { Logger } from "./log";
import { sleep } from "./sleep";

export type FactsReporterDeps = {
  collect: () => Promise<FactsRequest>;
  send: (request: FactsRequest) => Promise<FactsResponse>;
  log: Logger;
  clock: () => number;
  /** A 401: the token is gone, the heartbeat loop decides what to do. */
  onUnauthorized: (message: string) => void;
};

export const FACTS_INTERVAL_MS = 3_600_000;
const RETRY_MS = 5 * 60_000;
const MIN_WAIT_MS = 60_000;

export class FactsReporter {
  private isCoreWithoutFacts = false;

  constructor(private readonly deps: FactsReporterDeps) {}

  /** Until `signal` aborts: report, then wait as long as the answer (or the failure) says. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const waitMs = await this.reportOnce();
      if (waitMs === null) return;
      await sleep(waitMs, signal);
    }
  }

  /** One report; how long to wait before the next, or null to stop reporting. Never throws. */
  async reportOnce(): Promise<number | null> {
    const { log, clock } = this.deps;
    let request: FactsRequest;
    try {
      request = await this.deps.collect();
    } catch (error) {
      log("warn", `could not read the host facts: ${String(error)}; trying again in an hour`);
      return FACTS_INTERVAL_MS;
    }
    const result = await timedCall(() => this.deps.send(request), clock);
    if (result.ok) {
      const answer = result.value;
      const seconds = Number(answer?.nextReportSec);
      if (answer?.stored) log("info", `host facts reported (${summary(request)})`);
      return Number.isFinite(seconds) && seconds > 0
        ? Math.max(MIN_WAIT_MS, seconds * 1000)
        : FACTS_INTERVAL_MS;
    }
    switch (result.kind) {
      case "unauthorized":
        this.deps.onUnauthorized(result.message);
        return null;
      case "rate-limited":
        return Math.max(MIN_WAIT_MS, result.retryAfterSec * 1000);
      case "not-found":
        // A core older than the facts report: say so once, and look again in an hour (it may be upgraded).
        if (!this.isCoreWithoutFacts)
          log("info", "the core does not take host facts yet; asking again hourly");
        this.isCoreWithoutFacts = true;
        return FACTS_INTERVAL_MS;
      case "rejected":
        log(
          "error",
          `the core refused the host facts (${result.status}: ${result.message}). ` +
            `Fields: ${describeFields(result.fields)}. Trying again in an hour.`,
        );
        return FACTS_INTERVAL_MS;
      default:
        return RETRY_MS;
    }
  }
}

function summary(f: FactsRequest): string {
  const known = (v: unknown, text: string) => (v === null || v === undefined ? "unknown" : text);
  return [
    `${f.osName ?? "unknown OS"} ${f.osVersion ?? ""}`.trim(),
    `disk encryption ${known(f.diskEncrypted, f.diskEncrypted ? "on" : "off")}`,
    `time ${known(f.timeSynced, f.timeSynced ? "synced" : "not synced")}`,
    `FIPS ${known(f.fipsEnabled, f.fipsEnabled ? "on" : "off")}`,
    `${known(f.pendingSecurityUpdates, String(f.pendingSecurityUpdates))} pending security updates`,
  ].join(", ");
}
