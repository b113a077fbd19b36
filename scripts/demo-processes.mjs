// The demo's two processes: the console, then the simulator once the console is ready. The simulator never
// outlives the console: it is stopped when the console exits, and it holds a pipe from this process as its
// stdin (ORRERY_STOP_WITH_STDIN=1), so it also stops when this process is killed hard.
import { spawn } from "node:child_process";

/**
 * @typedef {{ command: string, args: string[], options?: import("node:child_process").SpawnOptions }} Command
 * @typedef {{
 *   server: Command,
 *   simulator: () => Command | null,
 *   isReady?: (text: string) => boolean,
 *   onReady?: () => void,
 *   output?: NodeJS.WritableStream,
 *   graceMs?: number,
 * }} DemoProcesses
 */

/** Resolves when the process has exited, at once if it already has. */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
async function terminate(child, graceMs) {
  const gone = exited(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

/**
 * @param {DemoProcesses} demo
 * @returns {{ server: import("node:child_process").ChildProcess, simulator: () => import("node:child_process").ChildProcess | null, stop: (signal?: NodeJS.Signals) => void, done: Promise<number> }}
 */
export function superviseDemo({
  server: serverCommand,
  simulator: simulatorCommand,
  isReady = (text) => text.includes("listening"),
  onReady = () => {},
  output = process.stdout,
  graceMs = 10_000,
}) {
  /** @type {import("node:child_process").ChildProcess | null} */
  let simulator = null;
  /** @type {Promise<void> | null} */
  let simulatorGone = null;
  // One SIGTERM only: a second one tells the simulator to quit without saving its state.
  const stopSimulator = () =>
    (simulatorGone ??= simulator ? terminate(simulator, graceMs) : Promise.resolve());
  let isStopping = false;
  const server = spawn(serverCommand.command, serverCommand.args, {
    ...serverCommand.options,
    stdio: ["ignore", "pipe", "inherit"],
  });

  let isAnnounced = false;
  server.stdout?.on("data", (chunk) => {
    output.write(chunk);
    if (isAnnounced || isStopping || !isReady(String(chunk))) return;
    isAnnounced = true;
    onReady();
    const command = simulatorCommand();
    if (!command) return;
    // Its own process group: a terminal's Ctrl-C reaches the console, and this process stops the simulator
    // once, so it can save its state.
    simulator = spawn(command.command, command.args, {
      ...command.options,
      detached: true,
      stdio: ["pipe", "inherit", "inherit"],
      env: { ...(command.options?.env ?? process.env), ORRERY_STOP_WITH_STDIN: "1" },
    });
  });

  const done = new Promise((resolve) => {
    server.once("exit", async (code, signal) => {
      await stopSimulator();
      resolve(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1));
    });
  });

  return {
    server,
    simulator: () => simulator,
    stop(signal = "SIGTERM") {
      isStopping = true;
      void stopSimulator();
      server.kill(signal);
    },
    done,
  };
}

/**
 * The demo console's environment: a production build run as a demo (ORRERY_DEMO=1), listening on 127.0.0.1
 * unless HOST says otherwise, because the demo's passwords are published.
 */
export function demoServerEnv(parentEnv, port) {
  return {
    ...parentEnv,
    NODE_ENV: "production",
    ORRERY_DEMO: "1",
    PORT: String(port),
    HOST: parentEnv.HOST ?? "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
