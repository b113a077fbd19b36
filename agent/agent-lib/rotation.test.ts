import { mkdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AckRequest, DeliveredCommand } from "../protocol";
import { CommandExecutor } from "./command-executor";
import { commandHandlers } from "./command-handlers";
import { memoryLogger } from "./log";
import { StateStore } from "./state-store";
import { T0, tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();
const OLD = `orr_agent_${"o".repeat(43)}`;
const NEW = `orr_agent_${"N".repeat(43)}`;

const rotate = (id: string, payload: Record<string, unknown>): DeliveredCommand => ({
  id,
  type: "agent.rotate-credentials",
  payload,
  idempotencyKey: "rotate-key-1",
  issuedAt: "2026-11-28T10:00:00Z",
  expiresAt: "2026-11-28T11:00:00Z",
});

/** The agent's wiring from agent.ts: a state store on disk, the handlers, and a client holding the token. */
function setup({ isSaveBroken = false } = {}) {
  const dir = tempDir();
  const store = StateStore.open(dir);
  store.enrolled({
    core: "http://core/",
    satelliteId: "s",
    agentToken: OLD,
    heartbeatIntervalSec: 10,
    seq: 0,
    stackVersion: null,
  });
  const client = { token: OLD };
  const sent: { ack: AckRequest; token: string; onDisk: string }[] = [];
  const executor = new CommandExecutor({
    store,
    log: memoryLogger(),
    clock: () => T0,
    onUnauthorized: () => {},
    sendAck: async (_commandId, ack) => {
      const onDisk = (JSON.parse(readFileSync(store.path, "utf8")) as { agentToken: string }).agentToken;
      sent.push({ ack, token: client.token, onDisk });
      return { ok: true, value: {}, ms: 1 };
    },
    handlers: commandHandlers({
      gatherDiagnostics: async () => ({}),
      upgradeHookPath: null,
      runUpgradeHook: async () => {
        throw new Error("not here");
      },
      currentStackVersion: () => "0.0.0",
      setStackVersion: () => {},
      adoptAgentToken: (token) => {
        if (isSaveBroken) throw new Error("EROFS: read-only file system");
        store.setAgentToken(token);
        client.token = token;
      },
    }),
  });
  return { dir, store, client, sent, executor };
}

describe("agent: agent.rotate-credentials", () => {
  it("saves the new token in state.json before the ack, and acks and carries on with it", async () => {
    const { store, client, sent, executor } = setup();
    executor.accept([rotate("c1", { agentToken: NEW })]);
    await executor.idle();
    expect(sent).toEqual([
      { ack: { status: "succeeded", message: "now using agent token …NNNN" }, token: NEW, onDisk: NEW },
    ]);
    expect(StateStore.open(store.dir).state.agentToken).toBe(NEW);
    expect(client.token).toBe(NEW);
  });

  it("a redelivery after it ran re-sends the ack and keeps the token it saved", async () => {
    const { client, sent, executor } = setup();
    executor.accept([rotate("c1", { agentToken: NEW })]);
    await executor.idle();
    executor.accept([rotate("c1", { agentToken: `orr_agent_${"x".repeat(43)}` })]);
    await executor.idle();
    expect(sent.map((s) => [s.ack.status, s.token])).toEqual([
      ["succeeded", NEW],
      ["succeeded", NEW],
    ]);
    expect(client.token).toBe(NEW);
  });

  it("acks failed and keeps the old token without a valid new one, or when it cannot be saved", async () => {
    const bad = setup();
    bad.executor.accept([rotate("c1", { agentToken: "nope" })]);
    await bad.executor.idle();
    expect(bad.sent[0]).toMatchObject({ ack: { status: "failed" }, token: OLD, onDisk: OLD });

    const broken = setup({ isSaveBroken: true });
    broken.executor.accept([rotate("c2", { agentToken: NEW })]);
    await broken.executor.idle();
    expect(broken.sent[0]).toMatchObject({ ack: { status: "failed" }, token: OLD, onDisk: OLD });
    expect(broken.sent[0].ack.message).toMatch(/EROFS/);
  });

  it("a token that cannot be saved is not kept in memory either", () => {
    const { store } = setup();
    // A directory where the temporary state file goes: the atomic write fails, even for root.
    mkdirSync(`${store.path}.tmp`);
    expect(() => store.setAgentToken(NEW)).toThrow();
    expect(store.state.agentToken).toBe(OLD);
    expect(StateStore.open(store.dir).state.agentToken).toBe(OLD);
  });
});
