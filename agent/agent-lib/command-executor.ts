import type { AckRequest, DeliveredCommand } from "../protocol";
import { describeError, describeFields, type CallResult } from "./core-calls";
import type { Logger } from "./log";
import type { PendingAck, StateStore } from "./state-store";

/** The core refuses longer ack messages (422), and a refused ack is never retried. */
const MAX_MESSAGE = 2000;

export type FinalAck = AckRequest & { status: "succeeded" | "failed" };
export type CommandContext = { reportRunning: (message: string) => void };
export type CommandHandler = (command: DeliveredCommand, context: CommandContext) => Promise<FinalAck>;

export type ExecutorDeps = {
  store: StateStore;
  handlers: Record<string, CommandHandler>;
  sendAck: (commandId: string, ack: AckRequest) => Promise<CallResult<unknown>>;
  log: Logger;
  clock: () => number;
  onUnauthorized: (message: string) => void;
};

/**
 * Runs each command at most once per idempotency key, across restarts: the key is saved before the command
 * starts, and a redelivered key gets the recorded final ack back instead of a second run.
 */
export class CommandExecutor {
  private readonly running = new Map<string, Promise<void>>();
  private flushing: Promise<void> | null = null;
  private isFlushWanted = false;
  private ackNotBefore = 0;
  private isAckLinkDown = false;

  constructor(private readonly deps: ExecutorDeps) {}

  /** Starts what is new and answers what was already done; does not wait for commands to finish. */
  accept(commands: DeliveredCommand[]): void {
    for (const command of commands) this.acceptOne(command);
  }

  /** Resolves once every started command has finished and its ack had one delivery attempt. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
    await this.flushAcks();
  }

  get runningCount(): number {
    return this.running.size;
  }

  private acceptOne(command: DeliveredCommand): void {
    const { store, log } = this.deps;
    const key = command.idempotencyKey;
    const label = `command ${command.id} (${command.type}, key ${key})`;
    const record = store.findCommand(key);
    if (record?.finalAck) {
      log("info", `${label} was already executed: re-sending its ${record.finalAck.status} ack`);
      this.queueAck(command.id, record.finalAck);
      return;
    }
    if (record && this.running.has(key)) return; // delivered again while running: its acks follow
    if (record) {
      const ack: FinalAck = {
        status: "failed",
        message: "the agent stopped while this command was running; it is not run a second time",
      };
      log("warn", `${label} was interrupted by a restart: acking failed, not running it again`);
      store.finishCommand(key, ack);
      this.queueAck(command.id, ack);
      return;
    }
    store.startCommand({
      key,
      commandId: command.id,
      type: command.type,
      startedAt: new Date(this.deps.clock()).toISOString(),
    });
    log("info", `${label} started`);
    const run = this.execute(command, label).finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  private async execute(command: DeliveredCommand, label: string): Promise<void> {
    const handler = Object.hasOwn(this.deps.handlers, command.type) ? this.deps.handlers[command.type] : null;
    let ack: FinalAck;
    try {
      ack = handler
        ? await handler(command, {
            reportRunning: (message) => this.queueAck(command.id, { status: "running", message }),
          })
        : { status: "failed", message: `unsupported command type "${command.type}"` };
    } catch (error) {
      ack = { status: "failed", message: `the agent failed to run it: ${describeError(error)}` };
    }
    this.deps.store.finishCommand(command.idempotencyKey, ack);
    this.deps.log(
      ack.status === "succeeded" ? "info" : "warn",
      `${label} ${ack.status}: ${ack.message ?? ""}`,
    );
    this.queueAck(command.id, ack);
  }

  private queueAck(commandId: string, ack: AckRequest): void {
    if (ack.message && ack.message.length > MAX_MESSAGE)
      ack = { ...ack, message: ack.message.slice(0, MAX_MESSAGE) };
    this.deps.store.queueAck(commandId, ack);
    void this.flushAcks();
  }

  /** Sends pending acks in order; those the core did not get stay saved for the next loop. */
  flushAcks(): Promise<void> {
    if (this.flushing) {
      this.isFlushWanted = true;
      return this.flushing;
    }
    this.flushing = this.sendPending().finally(() => {
      this.flushing = null;
      if (this.isFlushWanted) {
        this.isFlushWanted = false;
        void this.flushAcks();
      }
    });
    return this.flushing;
  }

  private async sendPending(): Promise<void> {
    const { store, log } = this.deps;
    const attempted = new Set<PendingAck>();
    while (this.deps.clock() >= this.ackNotBefore) {
      const next = store.state.pendingAcks.find((p) => !attempted.has(p));
      if (!next) return;
      attempted.add(next);
      const result = await this.deps.sendAck(next.commandId, next.ack);
      const what = `${next.ack.status} ack for command ${next.commandId}`;
      if (result.ok) {
        if (this.isAckLinkDown) log("info", "acks reach the core again");
        this.isAckLinkDown = false;
        store.removeAck(next);
        continue;
      }
      switch (result.kind) {
        case "conflict":
          log("warn", `${what}: the core already holds a final state (409); not retrying`);
          break;
        case "not-found":
          log("warn", `${what}: the core knows no such command for this satellite (404); dropped`);
          break;
        case "rejected":
          log(
            "error",
            `${what} REJECTED (${result.status}): ${result.message} — ${describeFields(result.fields)}`,
          );
          break;
        case "unauthorized":
          this.deps.onUnauthorized(result.message);
          return;
        case "rate-limited":
          this.ackNotBefore = this.deps.clock() + result.retryAfterSec * 1000;
          log("warn", `${what}: rate limited, retrying in ${result.retryAfterSec} s`);
          return;
        default:
          if (!this.isAckLinkDown)
            log("warn", `${what} not delivered (${result.message}); retrying next loop`);
          this.isAckLinkDown = true;
          return;
      }
      store.removeAck(next);
    }
  }
}
