// When a virtual satellite reports its host facts: a first report a little after it starts (staggered, so a
// big fleet does not report all at once), then when the core asks, hourly. Silent (old) agents never report.
import type { AgentClient, FactsRequest } from "../protocol";
import type { Clock } from "./clock";
import { retryAfterMs, statusOf } from "./errors";
import type { Rng } from "./prng";

const FIRST_REPORT_WITHIN_MS = 120_000;
const HOUR_MS = 3_600_000;
const RETRY_MS = 5 * 60_000;
const MIN_WAIT_MS = 60_000;

export type FactsSenderDeps = {
  client: Pick<AgentClient, "facts">;
  clock: Clock;
  rng: Rng;
  /** The facts to send now, or null for an agent too old to send any. */
  facts: (nowMs: number) => FactsRequest | null;
  onUnauthorized: () => void;
};

export class FactsSender {
  sent = 0;
  private nextAtMs: number;
  private isSending = false;

  constructor(private readonly deps: FactsSenderDeps) {
    this.nextAtMs = deps.clock.now() + deps.rng() * FIRST_REPORT_WITHIN_MS;
  }

  /** Sends if a report is due; never throws, never runs two at once. */
  async maybeSend(): Promise<void> {
    const now = this.deps.clock.now();
    if (this.isSending || now < this.nextAtMs) return;
    const facts = this.deps.facts(now);
    if (!facts) {
      this.nextAtMs = Infinity;
      return;
    }
    this.isSending = true;
    try {
      const answer = await this.deps.client.facts(facts);
      this.sent++;
      const seconds = Number(answer?.nextReportSec);
      this.nextAtMs = this.deps.clock.now() + (seconds > 0 ? Math.max(MIN_WAIT_MS, seconds * 1000) : HOUR_MS);
    } catch (error) {
      const status = statusOf(error);
      if (status === 401) this.deps.onUnauthorized();
      const waitMs =
        status === 429
          ? Math.max(MIN_WAIT_MS, retryAfterMs(error))
          : status === 0 || status >= 500
            ? RETRY_MS
            : HOUR_MS;
      this.nextAtMs = this.deps.clock.now() + waitMs;
    } finally {
      this.isSending = false;
    }
  }
}
