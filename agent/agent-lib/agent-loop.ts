import type { HostReading } from "../host/host-sampler";
import type { HeartbeatRequest, HeartbeatResponse, Sample } from "../protocol";
import { describeError, describeFields, isAnswered, timedCall, type Failure } from "./core-calls";
import { bufferCapacity, type SampleBuffer } from "./disk-buffer";
import { EXIT } from "./exit-codes";
import { LinkStats } from "./link-stats";
import type { Logger } from "./log";
import { buildSample } from "./sample-builder";
import { sleep } from "./sleep";
import { DEFAULT_STACK_VERSION, type StateStore } from "./state-store";

export type LoopDeps = {
  store: StateStore;
  buffer: SampleBuffer;
  readHost: (nowMs: number) => HostReading;
  heartbeat: (request: HeartbeatRequest) => Promise<HeartbeatResponse>;
  executor: { accept: (commands: HeartbeatResponse["commands"]) => void; flushAcks: () => Promise<void> };
  log: Logger;
  clock: () => number;
  agentVersion: string;
  intervalOverrideSec?: number;
  isVerbose?: boolean;
};

export type StepResult = { waitMs: number } | { exitCode: number };
type SendOutcome = "drained" | "more" | "wait" | "unauthorized";

/** Samples on a fixed cadence into the disk buffer and sends the buffer, oldest first, whenever it may. */
export class AgentLoop {
  readonly link = new LinkStats();
  private lastSampleAt = 0;
  private nextSampleAt = 0;
  private sendNotBefore = 0;
  private isCoreDown = false;
  private fatal: string | null = null;

  constructor(private readonly deps: LoopDeps) {}

  get intervalMs(): number {
    return (this.deps.intervalOverrideSec ?? this.deps.store.state.heartbeatIntervalSec) * 1000;
  }

  /** Ends the loop at its next step, for a revoked token noticed outside it (an ack answered 401). */
  stop(reason: string): void {
    if (!this.fatal) this.logRevoked(reason);
    this.fatal ??= reason;
  }

  /** Runs until `signal` aborts (exit code 0) or the token is refused (EXIT.tokenRevoked). */
  async run(signal: AbortSignal): Promise<number> {
    while (!signal.aborted) {
      const result = await this.step();
      if ("exitCode" in result) return result.exitCode;
      await sleep(result.waitMs, signal);
    }
    return EXIT.stopped;
  }

  /** One turn: sample if due, send one batch if allowed, retry pending acks; says how long to wait. */
  async step(): Promise<StepResult> {
    const now = this.deps.clock();
    if (now >= this.nextSampleAt) this.takeSample(now);
    if (this.deps.buffer.size > 0 && now >= this.sendNotBefore) {
      const outcome = await this.sendBatch();
      if (outcome === "unauthorized") return { exitCode: EXIT.tokenRevoked };
      if (outcome === "more") return { waitMs: 0 };
    }
    await this.deps.executor.flushAcks();
    if (this.fatal) return { exitCode: EXIT.tokenRevoked };
    const after = this.deps.clock();
    const wakeAt =
      this.deps.buffer.size > 0
        ? Math.min(this.nextSampleAt, Math.max(this.sendNotBefore, after))
        : this.nextSampleAt;
    return { waitMs: Math.max(0, wakeAt - after) };
  }

  private takeSample(now: number): void {
    const { store, buffer, log } = this.deps;
    // Keep the cadence, unless the host slept or stalled past a whole interval: then restart it from now.
    const next = this.nextSampleAt + this.intervalMs;
    this.nextSampleAt = this.nextSampleAt > 0 && next > now ? next : now + this.intervalMs;
    this.lastSampleAt = now;
    let reading: HostReading;
    try {
      reading = this.deps.readHost(now);
    } catch (error) {
      log("error", `could not read host figures, skipping this sample: ${describeError(error)}`);
      return;
    }
    buffer.append(buildSample(store.nextSeq(), new Date(now), reading, this.link.figures()));
    const dropped = buffer.prune(now, bufferCapacity(this.intervalMs / 1000));
    if (dropped > 0) log("warn", `buffer full: dropped the ${dropped} oldest sample(s) (keeping ~30 h)`);
  }

  private async sendBatch(): Promise<SendOutcome> {
    const { store, buffer, log } = this.deps;
    const samples = buffer.peek();
    const request = {
      agentVersion: this.deps.agentVersion,
      stackVersion: store.state.stackVersion ?? DEFAULT_STACK_VERSION,
      samples,
    };
    const result = await timedCall(() => this.deps.heartbeat(request), this.deps.clock);
    this.link.record(isAnswered(result), result.ok ? result.ms : undefined);
    if (!result.ok) return this.onFailure(result, samples);
    const answer = result.value;
    if (!isHeartbeatResponse(answer)) {
      return this.onFailure(
        { kind: "server-error", status: 200, message: "the answer is not a heartbeat answer" },
        samples,
      );
    }
    buffer.dropThrough(samples[samples.length - 1].seq);
    if (this.isCoreDown) {
      log(
        "info",
        `core reachable again (${result.ms} ms); sending ${buffer.size + samples.length} buffered sample(s)`,
      );
    }
    this.isCoreDown = false;
    if (samples.length > 1 || this.deps.isVerbose) {
      const counts = `accepted ${answer.accepted}, duplicates ${answer.duplicates}, ${buffer.size} left`;
      log("info", `heartbeat: sent ${samples.length}, ${counts}, ${result.ms} ms`);
    }
    this.applyAnswer(answer);
    return buffer.size > 0 ? "more" : "drained";
  }

  private applyAnswer(answer: HeartbeatResponse): void {
    const { store, log } = this.deps;
    const interval = answer.heartbeatIntervalSec;
    if (Number.isFinite(interval) && interval >= 1 && interval !== store.state.heartbeatIntervalSec) {
      const note = this.deps.intervalOverrideSec ? " (--interval-override still applies)" : "";
      log("info", `the core asks for a heartbeat every ${interval} s${note}`);
      store.update((s) => (s.heartbeatIntervalSec = interval));
      this.nextSampleAt = this.lastSampleAt + this.intervalMs;
    }
    // The core holds higher numbers (state restored from a backup, or lost and re-enrolled): jump ahead,
    // or every new sample would be dropped as a duplicate.
    if (Number.isSafeInteger(answer.lastSeq) && answer.lastSeq > store.lastSeq) {
      log(
        "warn",
        `the core already holds seq ${answer.lastSeq}, above ours (${store.lastSeq}): continuing from there`,
      );
      store.raiseSeq(answer.lastSeq);
    }
    if (answer.commands.length) this.deps.executor.accept(answer.commands);
  }

  private logRevoked(message: string): void {
    this.deps.log(
      "error",
      `the core refused the agent token (401: ${message}): it was revoked (satellite decommissioned ` +
        `or credentials revoked). To enroll again, start the agent with the join token an admin gives ` +
        "you and --re-enroll (it keeps the buffered samples).",
    );
  }

  private onFailure(failure: Failure, samples: Sample[]): SendOutcome {
    const { buffer, log } = this.deps;
    switch (failure.kind) {
      case "unauthorized":
        this.logRevoked(failure.message);
        return "unauthorized";
      case "rate-limited":
        this.sendNotBefore = this.deps.clock() + failure.retryAfterSec * 1000;
        log("warn", `core rate-limited the heartbeat (429): waiting ${failure.retryAfterSec} s as asked`);
        return "wait";
      case "rejected":
        buffer.dropThrough(samples[samples.length - 1].seq);
        log(
          "error",
          `!!! core REJECTED ${samples.length} sample(s), seq ${samples[0].seq}..${samples.at(-1)?.seq} ` +
            `(${failure.status}: ${failure.message}). Fields: ${describeFields(failure.fields)}. ` +
            "The batch is DROPPED: it can never succeed.",
        );
        return buffer.size > 0 ? "more" : "drained";
      default:
        this.sendNotBefore = this.nextSampleAt;
        if (!this.isCoreDown) {
          const why =
            failure.kind === "unreachable" ? failure.message : `${failure.kind}: ${failure.message}`;
          log("warn", `heartbeat failed (${why}): buffering samples in ${buffer.path}`);
        }
        this.isCoreDown = true;
        return "wait";
    }
  }
}

/** A captive portal or proxy can answer 200 too; samples leave the buffer only for a real answer. */
function isHeartbeatResponse(value: unknown): value is HeartbeatResponse {
  const answer = value as Partial<HeartbeatResponse> | null;
  return typeof answer?.accepted === "number" && Array.isArray(answer.commands);
}
