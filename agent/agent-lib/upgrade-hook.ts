import { spawn } from "node:child_process";

export const UPGRADE_TIMEOUT_MS = 30 * 60 * 1000;
const KILL_GRACE_MS = 10_000;
const TAIL_CHARS = 2000;

export type HookRequest = {
  hookPath: string;
  targetVersion: string;
  currentVersion: string;
  commandId: string;
  timeoutMs?: number;
  killGraceMs?: number;
};

export type HookOutcome = {
  exitCode: number | null;
  signal: string | null;
  isTimedOut: boolean;
  durationMs: number;
  stdoutTail: string;
  stderrTail: string;
  spawnError?: string;
};

/** Keeps the last characters of a stream: what a failing script said last is what explains it. */
function tailCollector() {
  let text = "";
  return {
    add(chunk: Buffer) {
      text = (text + chunk.toString("utf8")).slice(-TAIL_CHARS);
    },
    get value() {
      return text.trim();
    },
  };
}

/** Runs the operator's upgrade script; never throws, every way it can end is in the outcome. */
export function runUpgradeHook(request: HookRequest): Promise<HookOutcome> {
  const started = Date.now();
  const stdout = tailCollector();
  const stderr = tailCollector();
  return new Promise((resolve) => {
    let isTimedOut = false;
    let isSettled = false;
    const timers: NodeJS.Timeout[] = [];
    const settle = (exitCode: number | null, signal: string | null, spawnError?: string) => {
      if (isSettled) return;
      isSettled = true;
      timers.forEach(clearTimeout);
      const durationMs = Date.now() - started;
      resolve({
        exitCode,
        signal,
        isTimedOut,
        durationMs,
        stdoutTail: stdout.value,
        stderrTail: stderr.value,
        spawnError,
      });
    };
    // Its own process group, so a timeout stops whatever the script started too, not just the shell.
    const child = spawn(request.hookPath, [], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ORRERY_TARGET_VERSION: request.targetVersion,
        ORRERY_CURRENT_VERSION: request.currentVersion,
        ORRERY_COMMAND_ID: request.commandId,
      },
    });
    child.stdout.on("data", stdout.add);
    child.stderr.on("data", stderr.add);
    child.on("error", (error) => settle(null, null, error.message));
    // "exit", not "close": a daemon the script leaves behind may hold its stdout open for ever.
    child.on("exit", (code, signal) => setTimeout(() => settle(code, signal), 200));
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    timers.push(
      setTimeout(() => {
        isTimedOut = true;
        killGroup("SIGTERM");
        timers.push(setTimeout(() => killGroup("SIGKILL"), request.killGraceMs ?? KILL_GRACE_MS));
      }, request.timeoutMs ?? UPGRADE_TIMEOUT_MS),
    );
  });
}
