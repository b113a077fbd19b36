import { describe, expect, it } from "vitest";
import { type CommandContext, planCommand } from "./command-model";
import { CommandRunner } from "./command-runner";
import { FakeClient, command, failure } from "./fake-client";
import { ManualClock } from "./manual-clock";
import { rngFor } from "./prng";
import { SimStats } from "./stats";

const ctx: CommandContext = {
  stackVersion: "2026.11.1",
  previousStackVersion: null,
  upgradeFailureRate: 0,
  uptimeSec: 86_400,
  rttMs: 38,
  cpuPct: 40,
  degradedServices: [],
};

function setup(executedKeys: string[] = [], commandSpeed?: number) {
  const clock = new ManualClock(0);
  const client = new FakeClient();
  const stats = new SimStats(0);
  const versions: string[] = [];
  const runner = new CommandRunner(
    {
      client,
      clock,
      rng: rngFor("cmd-test"),
      commandSpeed,
      stats,
      context: () => ctx,
      onStackVersion: (v) => versions.push(v),
      onServiceRestart: () => {},
      adoptToken: async (token) => client.setToken(token),
      beforeRequest: async () => {},
      isStopped: () => false,
      onUnauthorized: () => {},
      log: () => {},
    },
    executedKeys,
  );
  return { clock, client, stats, runner, versions };
}

describe("CommandRunner", () => {
  it("executes a command once per idempotencyKey, however often it is delivered", async () => {
    const { clock, client, stats, runner } = setup();
    void runner.handle(command());
    void runner.handle(command());
    void runner.handle(command({ id: "cmd-1-again" }));
    await clock.advance(10_000);
    expect(stats.commandsStarted).toBe(1);
    expect(client.acks.map((a) => `${a.id}:${a.status}`)).toEqual(["cmd-1:running", "cmd-1:succeeded"]);
    expect(client.acks[1].result).toHaveProperty("interfaces");
  });

  it("runs a command in 1/commandSpeed of its modelled time", async () => {
    const upgrade = command({ type: "stack.upgrade", payload: { version: "2026.12.0" } });
    const { durationMs } = planCommand(upgrade, rngFor("cmd-test"), ctx);
    const { clock, client, runner } = setup([], 10);
    void runner.handle(upgrade);
    await clock.advance(Math.ceil(durationMs / 10) - 1);
    expect(client.acks.map((a) => a.status)).toEqual(["running"]);
    await clock.advance(1);
    expect(client.acks.map((a) => a.status)).toEqual(["running", "succeeded"]);
  });

  it("re-sends the final ack when a finished command comes back, without running it again", async () => {
    const { clock, client, stats, runner } = setup();
    void runner.handle(command());
    await clock.advance(10_000);
    await runner.handle(command());
    expect(stats.commandsStarted).toBe(1);
    expect(client.acks.map((a) => a.status)).toEqual(["running", "succeeded", "succeeded"]);
  });

  it("remembers keys executed before a restart", async () => {
    const { clock, client, runner } = setup(["key-1"]);
    void runner.handle(command());
    await clock.advance(10_000);
    expect(client.acks).toHaveLength(0);
  });

  it("retries a failed ack, and stops at 409", async () => {
    const { clock, client, runner } = setup();
    client.ackScript.push(failure(503), new Error("socket hang up"), null, failure(409));
    void runner.handle(command({ type: "satellite.cordon" }));
    await clock.advance(120_000);
    expect(client.acks.map((a) => a.status)).toEqual(["running", "running", "running", "succeeded"]);
  });

  it("fails the commands still running when the simulator stops, and sends nothing after", async () => {
    const { clock, client, runner } = setup();
    void runner.handle(command({ type: "stack.upgrade", payload: { version: "2026.12.0" } }));
    await clock.advance(5_000);
    await runner.abandon("interrupted");
    await clock.advance(120_000);
    expect(client.acks.map((a) => `${a.status}:${a.message ?? ""}`)).toEqual([
      "running:",
      "failed:interrupted",
    ]);
  });

  it("fails unknown types and upgrades at the failure rate, and applies successful upgrades", async () => {
    const rng = rngFor("plan");
    expect(planCommand(command({ type: "reboot.now" }), rng, ctx).final).toMatchObject({ status: "failed" });
    const upgrade = command({ type: "stack.upgrade", payload: { version: "2026.12.0" } });
    const always = planCommand(upgrade, rng, { ...ctx, upgradeFailureRate: 1 });
    expect(always.final.status).toBe("failed");
    expect(always.stackVersion).toBeUndefined();
    const plan = planCommand(upgrade, rng, ctx);
    expect(plan).toMatchObject({ final: { status: "succeeded" }, stackVersion: "2026.12.0" });
    expect(plan.durationMs).toBeGreaterThanOrEqual(20_000);
    expect(plan.durationMs).toBeLessThanOrEqual(60_000);

    const { clock, runner, versions } = setup();
    void runner.handle(upgrade);
    await clock.advance(61_000);
    expect(versions).toEqual(["2026.12.0"]);
  });
});
