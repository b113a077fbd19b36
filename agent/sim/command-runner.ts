// Runs the commands a satellite receives, at most once per idempotencyKey, and delivers their acks with
// retries (a 409 means the core already holds another final state: stop).
import { type AckRequest, type AgentClient, type DeliveredCommand, ProtocolError } from "../protocol";
import { type Clock, sleep } from "./clock";
import { type CommandContext, planCommand } from "./command-model";
import { errorMessage, statusOf } from "./errors";
import type { Rng } from "./prng";
import type { SimStats } from "./stats";

/** Enough to cover every redelivery window; older keys cannot come back. */
export const MAX_REMEMBERED_KEYS = 1_000;
const MAX_ACK_ATTEMPTS = 12;

export type AckOutcome = "ok" | "conflict" | "gone" | "gave-up";

export type CommandRunnerDeps = {
  client: Pick<AgentClient, "ack">;
  clock: Clock;
  rng: Rng;
  /** Commands take 1/commandSpeed of their modelled time. */
  commandSpeed?: number;
  stats: SimStats;
  context: () => CommandContext;
  /** Called when a command changed the installed stack version. */
  onStackVersion: (version: string) => void;
  onServiceRestart: (service: string) => void;
  /** Saves a rotated agent token and switches to it; rejects if it could not be saved. */
  adoptToken: (token: string) => Promise<void>;
  /** Resolves when the agent may send: waits out a cut-off or a slow link. */
  beforeRequest: () => Promise<void>;
  isStopped: () => boolean;
  onUnauthorized: () => void;
  log: (message: string) => void;
};

export class CommandRunner {
  private readonly keys: Set<string>;
  /** Final acks by key, to answer a redelivery of a finished command without running it again. */
  private readonly finals = new Map<string, { id: string; ack: AckRequest; isSending: boolean }>();
  /** Command ids by key while they execute. */
  private readonly inFlight = new Map<string, string>();
  /** Final acks on their way, which a shutdown waits for. */
  private readonly sending = new Set<Promise<AckOutcome>>();

  constructor(
    private readonly deps: CommandRunnerDeps,
    executedKeys: readonly string[] = [],
  ) {
    this.keys = new Set(executedKeys.slice(-MAX_REMEMBERED_KEYS));
  }

  get executedKeys(): string[] {
    return [...this.keys];
  }

  /** Starts the command in the background; the returned promise settles when its final ack is done. */
  handle(command: DeliveredCommand): Promise<void> {
    if (this.keys.has(command.idempotencyKey)) return this.resendFinal(command.idempotencyKey);
    this.remember(command.idempotencyKey);
    return this.run(command);
  }

  private remember(key: string): void {
    this.keys.add(key);
    if (this.keys.size <= MAX_REMEMBERED_KEYS) return;
    const oldest = this.keys.values().next().value;
    if (oldest !== undefined) {
      this.keys.delete(oldest);
      this.finals.delete(oldest);
    }
  }

  private async run(command: DeliveredCommand): Promise<void> {
    const { clock, rng, stats } = this.deps;
    const { id, idempotencyKey: key } = command;
    stats.commandsStarted++;
    const plan = planCommand(command, rng, this.deps.context());
    this.inFlight.set(key, id);
    const running = this.sendAck(id, { status: "running" });
    await sleep(clock, plan.durationMs / (this.deps.commandSpeed ?? 1));
    if (!this.inFlight.delete(key)) return; // abandoned at shutdown
    if (plan.stackVersion && plan.final.status === "succeeded") this.deps.onStackVersion(plan.stackVersion);
    if (plan.restartedService) this.deps.onServiceRestart(plan.restartedService);
    // Saved before the final ack leaves: the core retires the old token once the new one is used.
    const ack = plan.newToken ? await this.adopt(plan.newToken, plan.final) : plan.final;
    stats.commandsFinished++;
    const final = { id, ack, isSending: true };
    this.finals.set(key, final);
    const finishing = running.then(() => this.sendAck(id, ack));
    this.sending.add(finishing);
    await finishing;
    this.sending.delete(finishing);
    final.isSending = false;
  }

  private async adopt(token: string, succeeded: AckRequest): Promise<AckRequest> {
    try {
      await this.deps.adoptToken(token);
      return succeeded;
    } catch (error) {
      return { status: "failed", message: `could not save the new agent token: ${errorMessage(error)}` };
    }
  }

  /**
   * On shutdown: fail what still executes, once, so the core does not show it running forever, and let
   * the final acks already on their way land.
   */
  async abandon(message: string): Promise<void> {
    const ids = [...this.inFlight.values()];
    this.inFlight.clear();
    const fail = (id: string) => this.deps.client.ack(id, { status: "failed", message }).catch(() => {});
    await Promise.all([...ids.map(fail), ...this.sending]);
  }

  private async resendFinal(key: string): Promise<void> {
    const final = this.finals.get(key);
    if (!final || final.isSending) return;
    final.isSending = true;
    await this.sendAck(final.id, final.ack);
    final.isSending = false;
  }

  async sendAck(id: string, ack: AckRequest): Promise<AckOutcome> {
    const { client, clock, stats } = this.deps;
    for (let attempt = 0; attempt < MAX_ACK_ATTEMPTS && !this.deps.isStopped(); attempt++) {
      await this.deps.beforeRequest();
      if (this.deps.isStopped()) break;
      try {
        await client.ack(id, ack);
        return "ok";
      } catch (error) {
        const status = statusOf(error);
        stats.error(status);
        if (status === 409) {
          this.deps.log(`ack ${ack.status} for command ${id}: conflict (409), not retrying`);
          return "conflict";
        }
        if (status === 404) return "gone";
        if (status === 401) {
          this.deps.onUnauthorized();
          return "gave-up";
        }
        if (status >= 400 && status < 500 && status !== 429) return "gave-up";
        const retryAfterSec = error instanceof ProtocolError ? error.retryAfterSec : undefined;
        await sleep(
          clock,
          status === 429 ? (retryAfterSec ?? 5) * 1000 : Math.min(60_000, 2_000 * 2 ** attempt),
        );
      }
    }
    return "gave-up";
  }
}
