import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { logError } from "../log";
import { deliverDue } from "./worker";

const pass = processSingleton("outbox.pass", () => ({ running: null as Promise<unknown> | null }));

/**
 * Starts a delivery pass unless one is still running, without waiting for it: slow receivers must never
 * hold up the reconciler's tick (and so its lease). Each message is leased on its own, so a pass that
 * outlives this replica's leadership still never sends a message another worker holds.
 */
export function startDeliveryPass(): boolean {
  if (pass.running) return false;
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
