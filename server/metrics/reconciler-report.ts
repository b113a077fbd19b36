import "server-only";
import { instruments } from "./instruments";

// The reconciler runs in a child process of the server entry, and only the entry serves /metrics: each pass
// that held the lease reports its duration over the child's IPC channel, and the entry records it.

const TICK = "orrery.reconciler.tick";

type TickMessage = { type: typeof TICK; seconds: number };

type Send = (message: TickMessage) => unknown;

/** In the reconciler's process, after each pass. Without a parent (`npm run worker`) nothing is sent. */
export function reportTick(report: { isLeader: boolean }, seconds: number, send?: Send): void {
  const to = send ?? (process.connected ? process.send?.bind(process) : undefined);
  if (!to || !report.isLeader) return;
  try {
    to({ type: TICK, seconds });
  } catch {
    // The parent is going away; the pass itself is done either way.
  }
}

function isTickMessage(message: unknown): message is TickMessage {
  if (typeof message !== "object" || message === null) return false;
  const m = message as Partial<TickMessage>;
  return m.type === TICK && typeof m.seconds === "number" && Number.isFinite(m.seconds) && m.seconds >= 0;
}

/** In the server entry: `child.on("message", receiveReconcilerReport)`; anything else is ignored. */
export function receiveReconcilerReport(message: unknown): void {
  if (isTickMessage(message)) instruments().reconcilerTick.observe(message.seconds);
}
