// One virtual satellite: enrolls once, then beats on its interval, buffers while cut off or failing, and
// runs the commands the core sends back. Client and clock are injected so tests drive it directly.
import {
  type AgentClient,
  type HeartbeatResponse,
  MAX_SAMPLES_PER_HEARTBEAT,
  type Sample,
} from "../protocol";
import type { CancelTimer, Clock } from "./clock";
import { CommandRunner } from "./command-runner";
import { enrollAgent } from "./enroll";
import { errorMessage, retryAfterMs, statusOf } from "./errors";
import type { SiteSpec } from "./fleet";
import { FactsSender } from "./facts-sender";
import { simulatedFacts } from "./facts-model";
import { classifyHeartbeatError } from "./heartbeat-errors";
import { SampleLedger } from "./ledger";
import type { OutageGate } from "./offline";
import { type Rng, rngFor, uniform } from "./prng";
import { SampleBuffer } from "./sample-buffer";
import { SampleModel } from "./sampler";
import type { AgentState } from "./state-file";
import type { SimStats } from "./stats";
import { Uplink } from "./uplink";

export type SimAgentOptions = {
  speed: number;
  commandSpeed?: number;
  upgradeFailureRate: number;
  isFlaky: boolean;
};
export type SimAgentDeps = {
  client: Pick<AgentClient, "enroll" | "heartbeat" | "ack" | "facts" | "setToken">;
  clock: Clock;
  stats: SimStats;
  gate: OutageGate;
  log: (message: string) => void;
  /** Saves the whole simulator state now: a rotated token must be on disk before its ack is sent. */
  persist?: () => Promise<void>;
};
/** `revoked`: the core refused the agent token (401), so its saved state is worthless. */
export type AgentPhase = "enrolling" | "running" | "skipped" | "revoked" | "stopped";

const MIN_INTERVAL_MS = 200;
const DAY_MS = 86_400_000;

export class SimAgent {
  phase: AgentPhase;
  satelliteId: string | null;
  intervalSec: number;
  stackVersion: string;
  seq: number;
  readonly buffer = new SampleBuffer();
  /** What was sent and acknowledged, for the simulator's --report. */
  readonly ledger = new SampleLedger();
  readonly commands: CommandRunner;
  readonly facts: FactsSender;
  private token: string | null;
  private previousStackVersion: string | null = null;
  private readonly model: SampleModel;
  private readonly rng: Rng;
  private readonly uplink: Uplink;
  private readonly bootMs: number;
  private batchLimit = MAX_SAMPLES_PER_HEARTBEAT;
  private last = { rttMs: 0, cpuPct: 0 };
  private cancelTimer: CancelTimer | null = null;

  constructor(
    readonly spec: SiteSpec,
    saved: AgentState | null,
    private readonly options: SimAgentOptions,
    private readonly deps: SimAgentDeps,
  ) {
    const { clock } = deps;
    this.model = new SampleModel(spec);
    this.rng = rngFor(spec.slug, "agent");
    this.token = saved?.agentToken ?? null;
    this.satelliteId = saved?.satelliteId ?? spec.satelliteId;
    this.seq = saved?.seq ?? 0;
    this.stackVersion = saved?.stackVersion || spec.stackVersion;
    this.intervalSec = spec.heartbeatIntervalSec;
    this.phase = this.token ? "running" : "enrolling";
    if (this.token) deps.client.setToken(this.token);
    const { isSlowLink } = this.model.profile;
    this.uplink = new Uplink(spec.slug, isSlowLink, options.isFlaky, clock, deps.gate);
    this.bootMs = clock.now() - uniform(this.rng, 2, 90) * DAY_MS;
    const commandDeps = {
      ...deps,
      rng: rngFor(spec.slug, "commands"),
      commandSpeed: options.commandSpeed ?? 1,
      context: () => ({
        ...this.last,
        degradedServices: this.model.degradedServices,
        stackVersion: this.stackVersion,
        previousStackVersion: this.previousStackVersion,
        upgradeFailureRate: options.upgradeFailureRate,
        uptimeSec: (clock.now() - this.bootMs) / 1000,
      }),
      onStackVersion: (version: string) => {
        this.previousStackVersion = this.stackVersion;
        this.stackVersion = version;
      },
      onServiceRestart: (service: string) => this.model.endEpisode(service),
      adoptToken: async (token: string) => {
        const previous = this.token;
        this.token = token;
        try {
          await deps.persist?.();
        } catch (error) {
          this.token = previous;
          throw error;
        }
        deps.client.setToken(token);
      },
      beforeRequest: () => this.uplink.beforeRequest(() => this.isActive),
      isStopped: () => !this.isActive,
      onUnauthorized: () => this.revoke("ack"),
      log: (message: string) => deps.log(`${spec.slug}: ${message}`),
    };
    this.commands = new CommandRunner(commandDeps, saved?.executedKeys);
    this.facts = new FactsSender({
      client: deps.client,
      clock,
      rng: rngFor(spec.slug, "facts-timing"),
      facts: (nowMs) => simulatedFacts(spec, nowMs),
      onUnauthorized: () => this.revoke("facts"),
    });
  }

  get isActive(): boolean {
    return this.phase === "running" || this.phase === "enrolling";
  }

  get isCutOff(): boolean {
    return this.uplink.isCutOff;
  }

  /** Staggered over the first interval so a thousand agents do not all call at once. */
  start(delayMs = this.rng() * this.intervalMs()): void {
    this.schedule(delayMs);
  }

  stop(): void {
    if (this.isActive) this.phase = "stopped";
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.uplink.release();
  }

  snapshot(): AgentState | null {
    if (!this.token || !this.satelliteId || this.phase === "revoked") return null;
    const { satelliteId, seq, stackVersion } = this;
    return {
      satelliteId,
      agentToken: this.token,
      seq,
      stackVersion,
      executedKeys: this.commands.executedKeys,
    };
  }

  /** One tick: take a sample, then send everything buffered unless cut off or told to wait. */
  async beat(): Promise<void> {
    const now = this.deps.clock.now();
    const isCutOff = this.uplink.step(now);
    const sample = this.model.sample(++this.seq, now, this.uplink.drawDelay());
    this.last = { rttMs: sample.rttMs, cpuPct: sample.cpuPct };
    this.buffer.push(sample);
    if (isCutOff || now < this.uplink.retryAtMs) return;
    await this.flush();
    // Beside the heartbeat, never holding it: facts are slow to change and may wait.
    if (this.phase === "running") void this.facts.maybeSend();
  }

  /** Sends the buffer in batches of at most 500, oldest first; stops at the first retryable failure. */
  async flush(): Promise<void> {
    while (this.buffer.size > 0 && this.phase === "running") {
      const samples = this.buffer.peekBatch(this.batchLimit);
      await this.uplink.beforeRequest(() => this.isActive);
      const request = { agentVersion: this.spec.agentVersion, stackVersion: this.stackVersion, samples };
      this.ledger.onSend(samples);
      try {
        const answer = await this.deps.client.heartbeat(request);
        this.ledger.onAnswer(samples, answer);
        this.buffer.drop(samples.length);
        this.onAnswer(answer);
      } catch (error) {
        if (!this.onHeartbeatError(error, samples)) return;
      }
    }
  }

  private onAnswer(answer: HeartbeatResponse): void {
    const { stats } = this.deps;
    stats.heartbeats++;
    stats.samplesSent += answer.accepted;
    stats.duplicates += answer.duplicates;
    // The core may hold later samples than we remember (state saved before a crash): never reuse a seq.
    if (Number.isSafeInteger(answer.lastSeq) && answer.lastSeq > this.seq) this.seq = answer.lastSeq;
    if (answer.heartbeatIntervalSec > 0) this.intervalSec = answer.heartbeatIntervalSec;
    for (const command of answer.commands ?? []) {
      this.commands.handle(command).catch((error: unknown) => {
        this.deps.log(`${this.spec.slug}: command ${command.id} failed locally: ${errorMessage(error)}`);
      });
    }
  }

  /** Returns whether to go on with the next batch. */
  private onHeartbeatError(error: unknown, samples: Sample[]): boolean {
    const batchSize = samples.length;
    this.deps.stats.error(statusOf(error));
    this.ledger.onError();
    const failure = classifyHeartbeatError(error, batchSize);
    if (failure === "rate-limited") this.uplink.retryAtMs = this.deps.clock.now() + retryAfterMs(error);
    if (failure === "revoked") this.revoke("heartbeat");
    if (failure === "shrink-batch") this.batchLimit = Math.max(1, Math.floor(batchSize / 2));
    if (failure === "drop-batch") {
      this.deps.log(
        `${this.spec.slug}: heartbeat refused, dropping ${batchSize} samples: ${errorMessage(error)}`,
      );
      this.ledger.onDrop(samples);
      this.buffer.drop(batchSize);
    }
    return failure === "shrink-batch" || failure === "drop-batch";
  }

  private revoke(during: string): void {
    if (this.phase === "revoked") return;
    this.deps.log(`${this.spec.slug}: agent token refused (401) on ${during}; stopping this agent`);
    this.stop();
    this.phase = "revoked";
  }

  private intervalMs(): number {
    return Math.max(MIN_INTERVAL_MS, (this.intervalSec * 1000) / this.options.speed);
  }

  private schedule(delayMs: number): void {
    if (this.isActive) this.cancelTimer = this.deps.clock.setTimer(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.cancelTimer = null;
    if (this.phase === "enrolling" && this.deps.clock.now() >= this.uplink.retryAtMs) await this.enroll();
    else if (this.phase === "running") await this.beat();
    this.schedule(this.intervalMs() * uniform(this.rng, 0.9, 1.1));
  }

  private async enroll(): Promise<void> {
    const outcome = await enrollAgent(this.spec, this.stackVersion, this.deps);
    if (outcome.kind === "skip") this.phase = "skipped";
    if (outcome.kind === "wait") this.uplink.retryAtMs = this.deps.clock.now() + outcome.ms;
    if (outcome.kind !== "enrolled") return;
    this.token = outcome.agentToken;
    this.satelliteId = outcome.satelliteId;
    if (outcome.heartbeatIntervalSec > 0) this.intervalSec = outcome.heartbeatIntervalSec;
    this.deps.client.setToken(outcome.agentToken);
    this.phase = "running";
  }
}
