import { fork } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { instruments } from "./instruments";
import { receiveReconcilerReport, reportTick } from "./reconciler-report";

async function tickCount(): Promise<{ count: number; sum: number }> {
  const { values } = await instruments().reconcilerTick.get();
  const of = (suffix: string) =>
    values.find((v) => v.metricName === `orrery_reconciler_tick_seconds${suffix}`);
  return { count: of("_count")?.value ?? 0, sum: of("_sum")?.value ?? 0 };
}

describe("the reconciler's pass durations", () => {
  it("are sent only for passes that held the lease", () => {
    const sent: unknown[] = [];
    reportTick({ isLeader: false }, 0.2, (m) => sent.push(m));
    reportTick({ isLeader: true }, 0.3, (m) => sent.push(m));
    expect(sent).toEqual([{ type: "orrery.reconciler.tick", seconds: 0.3 }]);
  });

  it("are recorded by the receiving process; anything else on the channel is ignored", async () => {
    const before = await tickCount();
    receiveReconcilerReport({ type: "orrery.reconciler.tick", seconds: 0.25 });
    receiveReconcilerReport({ type: "orrery.reconciler.tick", seconds: -1 });
    receiveReconcilerReport({ type: "orrery.reconciler.tick", seconds: "1" });
    receiveReconcilerReport("hello");
    receiveReconcilerReport(null);
    const after = await tickCount();
    expect(after.count - before.count).toBe(1);
    expect(after.sum - before.sum).toBeCloseTo(0.25);
  });

  it("cross a real IPC channel from a child process", async () => {
    // The child speaks the same message the reconciler's process sends (reportTick over process.send).
    const dir = mkdtempSync(join(tmpdir(), "orrery-ipc-"));
    const script = join(dir, "child.mjs");
    writeFileSync(
      script,
      `process.send({ type: "orrery.reconciler.tick", seconds: 0.5 }, () => process.disconnect());`,
    );
    const before = await tickCount();
    const child = fork(script, [], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    child.on("message", receiveReconcilerReport);
    await new Promise((resolve) => child.on("exit", resolve));
    const after = await tickCount();
    expect(after.count - before.count).toBe(1);
    expect(after.sum - before.sum).toBeCloseTo(0.5);
  });
});
