import { describe, expect, it } from "vitest";
import type { DeliveredCommand } from "../protocol";
import { commandHandlers, type HandlerDeps } from "./command-handlers";
import type { HookOutcome, HookRequest } from "./upgrade-hook";

const command = (type: string, payload: Record<string, unknown> = {}): DeliveredCommand => ({
  id: "cmd_1",
  type,
  payload,
  idempotencyKey: "k1",
  issuedAt: "2026-11-28T10:00:00Z",
  expiresAt: "2026-11-28T11:00:00Z",
});
const hookDone = (over: Partial<HookOutcome> = {}): HookOutcome => ({
  exitCode: 0,
  signal: null,
  isTimedOut: false,
  durationMs: 1200,
  stdoutTail: "done",
  stderrTail: "",
  ...over,
});

function setup(outcome: HookOutcome = hookDone(), hookPath: string | null = "/opt/hook.sh") {
  let stackVersion = "2026.11.1";
  const hookCalls: HookRequest[] = [];
  const running: string[] = [];
  const deps: HandlerDeps = {
    gatherDiagnostics: async () => ({ hostname: "fra-edge-01" }),
    upgradeHookPath: hookPath,
    runUpgradeHook: async (request) => {
      hookCalls.push(request);
      return outcome;
    },
    currentStackVersion: () => stackVersion,
    setStackVersion: (v) => (stackVersion = v),
    adoptAgentToken: () => {},
  };
  const handlers = commandHandlers(deps);
  const run = (c: DeliveredCommand) => handlers[c.type](c, { reportRunning: (m) => running.push(m) });
  return { run, hookCalls, running, version: () => stackVersion };
}

describe("command handlers", () => {
  it("answers diagnostics.run with the gathered figures", async () => {
    expect(await setup().run(command("diagnostics.run"))).toEqual({
      status: "succeeded",
      message: "diagnostics gathered",
      result: { hostname: "fra-edge-01" },
    });
  });

  it("runs the upgrade hook, acks running first, and reports the new stack version", async () => {
    const { run, hookCalls, running, version } = setup();
    const ack = await run(command("stack.upgrade", { version: "2026.12.0" }));
    expect(running).toEqual(["running the upgrade hook to 2026.12.0"]);
    expect(hookCalls).toEqual([
      {
        hookPath: "/opt/hook.sh",
        targetVersion: "2026.12.0",
        currentVersion: "2026.11.1",
        commandId: "cmd_1",
      },
    ]);
    expect(ack).toMatchObject({ status: "succeeded", message: "upgraded to 2026.12.0" });
    expect(version()).toBe("2026.12.0");
  });

  it("fails an upgrade with the exit code and the end of stderr, keeping the version", async () => {
    const { run, version } = setup(hookDone({ exitCode: 3, stderrTail: "image pull failed" }));
    const ack = await run(command("stack.upgrade", { version: "2026.12.0" }));
    expect(ack).toMatchObject({
      status: "failed",
      message: "upgrade hook exited with code 3: image pull failed",
    });
    expect(ack.result).toMatchObject({ exitCode: 3, stderrTail: "image pull failed" });
    expect(version()).toBe("2026.11.1");
    const timedOut = await setup(hookDone({ exitCode: null, signal: "SIGTERM", isTimedOut: true })).run(
      command("stack.upgrade", { version: "2026.12.0" }),
    );
    expect(timedOut.message).toMatch(/timed out/);
  });

  it("fails an upgrade with no hook or no version, without running anything", async () => {
    const noHook = setup(hookDone(), null);
    expect(await noHook.run(command("stack.upgrade", { version: "2026.12.0" }))).toEqual({
      status: "failed",
      message: "no upgrade hook configured",
    });
    const noVersion = setup();
    expect((await noVersion.run(command("stack.upgrade", {}))).status).toBe("failed");
    expect(noHook.hookCalls.length + noVersion.hookCalls.length).toBe(0);
  });

  it("acknowledges control-plane changes, and refuses a rotation without a new token", async () => {
    const { run } = setup();
    for (const type of [
      "satellite.cordon",
      "satellite.uncordon",
      "satellite.maintenance",
      "link.set-limit",
      "service.restart",
      "stack.rollback",
    ]) {
      expect((await run(command(type))).status).toBe("succeeded");
    }
    expect(await run(command("agent.rotate-credentials"))).toEqual({
      status: "failed",
      message: "payload.agentToken is missing or not an agent token",
    });
  });
});
