import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runUpgradeHook } from "./upgrade-hook";
import { tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();

function script(body: string): string {
  const path = join(tempDir(), "hook.sh");
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
/** A killed process can linger as a zombie until some init reaps it; that is not running. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const request = { targetVersion: "2026.12.0", currentVersion: "2026.11.1", commandId: "cmd_1" };

describe("runUpgradeHook", () => {
  it("passes the target version and command id in the environment", async () => {
    const hookPath = script(
      'echo "to=$ORRERY_TARGET_VERSION from=$ORRERY_CURRENT_VERSION id=$ORRERY_COMMAND_ID"',
    );
    const outcome = await runUpgradeHook({ hookPath, ...request });
    expect(outcome).toMatchObject({ exitCode: 0, signal: null, isTimedOut: false });
    expect(outcome.stdoutTail).toBe("to=2026.12.0 from=2026.11.1 id=cmd_1");
  });

  it("reports the exit code and the end of stderr", async () => {
    const hookPath = script(
      'i=0; while [ $i -lt 500 ]; do echo "noise line $i" >&2; i=$((i+1)); done\necho "disk full" >&2\nexit 7',
    );
    const outcome = await runUpgradeHook({ hookPath, ...request });
    expect(outcome.exitCode).toBe(7);
    expect(outcome.stderrTail.endsWith("disk full")).toBe(true);
    expect(outcome.stderrTail.length).toBeLessThanOrEqual(2000);
  });

  it("stops a script that runs past its time, and what it started", async () => {
    const dir = tempDir();
    const hookPath = script(`sleep 30 & echo $! > ${dir}/child.pid; wait`);
    const outcome = await runUpgradeHook({ hookPath, ...request, timeoutMs: 300, killGraceMs: 200 });
    expect(outcome.isTimedOut).toBe(true);
    expect(outcome.exitCode).toBeNull();
    expect(outcome.signal).toBe("SIGTERM");
    const childPid = Number(readFileSync(join(dir, "child.pid"), "utf8"));
    expect(isRunning(childPid)).toBe(false);
  });

  it("reports a hook that cannot be started", async () => {
    const outcome = await runUpgradeHook({ hookPath: join(tempDir(), "missing.sh"), ...request });
    expect(outcome.spawnError).toMatch(/ENOENT/);
  });
});
