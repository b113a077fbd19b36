import { describe, expect, it } from "vitest";
import type { AckRequest, DeliveredCommand } from "../protocol";
import { CommandExecutor, type CommandHandler } from "./command-executor";
import type { CallResult } from "./core-calls";
import { memoryLogger } from "./log";
import { StateStore } from "./state-store";
import { T0, tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();

function command(id: string, key: string, type = "diagnostics.run"): DeliveredCommand {
  return {
    id,
    type,
    payload: {},
    idempotencyKey: key,
    issuedAt: "2026-11-28T10:00:00Z",
    expiresAt: "2026-11-28T11:00:00Z",
  };
}

type Answer = CallResult<unknown>;
const ok: Answer = { ok: true, value: {}, ms: 5 };
const down: Answer = { ok: false, kind: "unreachable", message: "ECONNREFUSED", ms: 5 };

function setup(dir = tempDir(), answers: Answer[] = []) {
  const store = StateStore.open(dir);
  if (!store.isEnrolled) {
    store.enrolled({
      core: "http://core/",
      satelliteId: "s",
      agentToken: "t",
      heartbeatIntervalSec: 10,
      seq: 0,
      stackVersion: null,
    });
  }
  const sent: { commandId: string; ack: AckRequest }[] = [];
  const runs: string[] = [];
  const handlers: Record<string, CommandHandler> = {
    "diagnostics.run": async (c) => {
      runs.push(c.id);
      return { status: "succeeded", message: "diagnostics gathered", result: { run: runs.length } };
    },
    "stack.upgrade": async (c, context) => {
      runs.push(c.id);
      context.reportRunning("upgrading");
      return { status: "succeeded", message: "upgraded" };
    },
    explodes: async () => {
      throw new Error("kaboom");
    },
  };
  let unauthorized = "";
  let now = T0;
  const executor = new CommandExecutor({
    store,
    handlers,
    log: memoryLogger(),
    clock: () => now,
    onUnauthorized: (message) => (unauthorized = message),
    sendAck: async (commandId, ack) => {
      sent.push({ commandId, ack });
      return answers.shift() ?? ok;
    },
  });
  const advance = (ms: number) => (now += ms);
  return { store, executor, sent, runs, dir, advance, unauthorized: () => unauthorized };
}

describe("CommandExecutor", () => {
  it("executes a key once and re-sends the recorded final ack when it comes again", async () => {
    const { executor, sent, runs } = setup();
    executor.accept([command("c1", "k1")]);
    await executor.idle();
    executor.accept([command("c1", "k1")]);
    await executor.idle();
    expect(runs).toEqual(["c1"]);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0].ack).toEqual({ status: "succeeded", message: "diagnostics gathered", result: { run: 1 } });
  });

  it("remembers executed keys across a restart", async () => {
    const first = setup();
    first.executor.accept([command("c1", "k1")]);
    await first.executor.idle();
    const second = setup(first.dir);
    second.executor.accept([command("c1-again", "k1")]);
    await second.executor.idle();
    expect(second.runs).toEqual([]);
    expect(second.sent).toEqual([{ commandId: "c1-again", ack: first.sent[0].ack }]);
  });

  it("ignores a redelivery while the command is still running", async () => {
    const { executor, runs } = setup();
    executor.accept([command("c1", "k1"), command("c1", "k1")]);
    await executor.idle();
    expect(runs).toEqual(["c1"]);
  });

  it("does not run again a command a previous run started but never finished", async () => {
    const dir = tempDir();
    const crashed = setup(dir);
    crashed.store.startCommand({ key: "k9", commandId: "c9", type: "stack.upgrade", startedAt: "t" });
    const { executor, sent, runs } = setup(dir);
    executor.accept([command("c9", "k9", "stack.upgrade")]);
    await executor.idle();
    expect(runs).toEqual([]);
    expect(sent[0].ack.status).toBe("failed");
    expect(sent[0].ack.message).toMatch(/not run a second time/);
  });

  it("sends running before the final ack", async () => {
    const { executor, sent } = setup();
    executor.accept([command("u1", "ku", "stack.upgrade")]);
    await executor.idle();
    expect(sent.map((s) => s.ack.status)).toEqual(["running", "succeeded"]);
  });

  it("fails unknown types and handlers that throw", async () => {
    const { executor, sent } = setup();
    executor.accept([command("c1", "k1", "teleport"), command("c2", "k2", "explodes")]);
    await executor.idle();
    expect(sent.find((s) => s.commandId === "c1")?.ack).toEqual({
      status: "failed",
      message: 'unsupported command type "teleport"',
    });
    expect(sent.find((s) => s.commandId === "c2")?.ack.message).toMatch(/kaboom/);
  });

  it("keeps an ack the core did not get, saved, and sends it on a later flush", async () => {
    const { executor, sent, store, dir } = setup(undefined, [down, down]);
    executor.accept([command("c1", "k1")]);
    await executor.idle();
    expect(sent).toHaveLength(2);
    expect(StateStore.open(dir).state.pendingAcks).toHaveLength(1);
    await executor.flushAcks();
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual(sent[0]);
    expect(store.state.pendingAcks).toEqual([]);
  });

  it("stops retrying on 409 and 404, and reports a 401", async () => {
    const conflict: Answer = { ok: false, kind: "conflict", message: "final", ms: 1 };
    const gone: Answer = { ok: false, kind: "not-found", message: "no", ms: 1 };
    const refused: Answer = { ok: false, kind: "unauthorized", message: "revoked", ms: 1 };
    const run = setup(undefined, [conflict, gone, refused]);
    run.executor.accept([command("c1", "k1"), command("c2", "k2"), command("c3", "k3")]);
    await run.executor.idle();
    await run.executor.flushAcks();
    expect(run.sent.map((s) => s.commandId)).toEqual(["c1", "c2", "c3", "c3"]);
    expect(run.store.state.pendingAcks).toEqual([]);
    expect(run.unauthorized()).toBe("revoked");
  });

  it("waits as long as a 429 on an ack asks", async () => {
    const limited: Answer = { ok: false, kind: "rate-limited", retryAfterSec: 30, message: "slow", ms: 1 };
    const { executor, sent, store, advance } = setup(undefined, [limited]);
    executor.accept([command("c1", "k1")]);
    await executor.idle();
    expect(sent).toHaveLength(1);
    advance(29_000);
    await executor.flushAcks();
    expect(sent).toHaveLength(1);
    advance(1_000);
    await executor.flushAcks();
    expect(sent).toHaveLength(2);
    expect(store.state.pendingAcks).toEqual([]);
  });
});
