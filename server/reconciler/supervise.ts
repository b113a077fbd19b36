import { spawn, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { relayBusToChild } from "../bus";
import { log } from "../log";
import { receiveReconcilerReport } from "../metrics/reconciler-report";

const WORKER = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/worker.ts");

/**
 * Runs the reconciler as a child process of the server entry. Its roll-ups aggregate many rows, and on the
 * embedded SQLite driver that work is synchronous: apart, it never stalls the requests this process answers.
 * The child is restarted if it dies, and exits when its parent goes (the IPC channel closes).
 */
export function superviseReconciler(): { stop: () => Promise<void> } {
  let child: ChildProcess | null = null;
  let isStopping = false;
  const start = () => {
    child = spawn(process.execPath, [...process.execArgv, WORKER], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: process.env,
    });
    // The child's pass durations, for /metrics (only this process serves it).
    child.on("message", receiveReconcilerReport);
    // On SQLite, cache invalidations go both ways over the IPC channel (server/bus).
    relayBusToChild(child);
    // Background work yields the CPU to the requests this process answers (nice 10).
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // Lowering priority is best effort: some containers forbid it.
    }
    child.on("exit", (code, signal) => {
      if (isStopping) return;
      log("warn", "reconciler process exited; restarting it", { code, signal });
      setTimeout(start, 2_000).unref();
    });
  };
  start();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        isStopping = true;
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        // The child finishes its tick and gives an outbox pass up to 5 s before it exits.
        setTimeout(() => child?.kill("SIGKILL"), 8_000).unref();
      }),
  };
}
