import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { logError } from "../log";
import { deliverDue } from "./worker";

const pass = processSingleton("outbox.pass", () => ({
  running: null as Promise<unknown> | null,
  isRefused: false,
}));

/**
 * The web server entry says so at start: it never delivers. Delivery belongs to the reconciler's lease holder
 * (a child process of some replica, or `npm run worker`), so with N replicas exactly one process sends, and a
 * nudge from a request (a new subscription) waits at most one reconciler pass.
 */
export function refuseDeliveryInThisProcess(): void {
  pass.isRefused = true;
}

/**
 * Starts a delivery pass unless one is still running, without waiting for it: slow receivers must never
 * hold up the reconciler's tick (and so its lease). Each message is leased on its own, so a pass that
 * outlives this replica's leadership still never sends a message another worker holds.
 */
export function startDeliveryPass(): boolean {
  if (pass.running || pass.isRefused) return false;
  pass.running = deliverDue()
    .catch((error: unknown) => logError("outbox pass failed", error))
    .finally(() => {
      pass.running = null;
    });
  return true;
}

/** For shutdown and tests: the pass in progress, if any. */
export function currentDeliveryPass(): Promise<unknown> {
  return pass.running ?? Promise.resolve();
}
