// A satellite's way to the core: cut-offs, a slow link's delay before each request, and the back-off a 429
// asks for. Everything an agent must wait for before a request leaves.
import { type Clock, sleep } from "./clock";
import { type OutageGate, type OutageState, nextOutage, stepOutage } from "./offline";
import { type Rng, rngFor } from "./prng";
import { slowLinkDelayMs } from "./rtt";

const CUT_OFF_POLL_MS = 5_000;

export class Uplink {
  /** No heartbeat before this time (Retry-After of a 429). */
  retryAtMs = 0;
  private readonly outage: OutageState;
  private readonly rng: Rng;
  private pendingDelayMs = 0;

  constructor(
    private readonly slug: string,
    private readonly isSlow: boolean,
    isFlaky: boolean,
    private readonly clock: Clock,
    private readonly gate: OutageGate,
  ) {
    const outageRng = rngFor(slug, "outage");
    const first = isFlaky ? nextOutage(outageRng, clock.now(), true) : null;
    this.outage = { rng: outageRng, isCutOff: false, outage: first };
    this.rng = rngFor(slug, "uplink");
  }

  get isCutOff(): boolean {
    return this.outage.isCutOff;
  }

  /** Advances the outage schedule; returns whether the satellite is cut off now. */
  step(nowMs: number): boolean {
    return stepOutage(this.outage, this.gate, this.slug, nowMs);
  }

  /** The delay the next request will wait, drawn now so the sample can report it as rtt. */
  drawDelay(): number {
    this.pendingDelayMs = this.isSlow ? slowLinkDelayMs(this.rng) : 0;
    return this.pendingDelayMs;
  }

  /** Waits out a cut-off (while `isActive`), then the slow link's delay. */
  async beforeRequest(isActive: () => boolean): Promise<void> {
    while (this.outage.isCutOff && isActive()) await sleep(this.clock, CUT_OFF_POLL_MS);
    const delayMs = this.isSlow ? this.pendingDelayMs || slowLinkDelayMs(this.rng) : 0;
    this.pendingDelayMs = 0;
    if (delayMs > 0) await sleep(this.clock, delayMs);
  }

  release(): void {
    if (this.outage.isCutOff) this.gate.leave(this.slug);
  }
}
