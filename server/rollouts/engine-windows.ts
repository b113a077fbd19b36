// The rollout engine's part of deployment windows, pure like the engine: which pending targets may upgrade
// now and which wait for their window (the shell observes the windows with `nextOpening`).
import type { EngineTarget, Observations } from "./types";

/** A window that never opens within the horizon still needs a time to show; the wait is re-decided then. */
const NEVER_MS = 400 * 86_400_000;

/**
 * Pending targets outside their deployment window (or inside a freeze) wait, holding no concurrency slot;
 * a wave with waiting targets is not settled, so it neither bakes nor completes until they have upgraded.
 * The failure gate counts only failures, so waiting never trips it.
 */
export function windowed(members: EngineTarget[], observations: Observations, now: Date) {
  const ready: EngineTarget[] = [];
  const waits: { satelliteId: string; until: Date | null }[] = [];
  for (const t of members) {
    if (t.state !== "pending") continue;
    const window = observations.windows?.[t.satelliteId];
    const until = window && !window.open ? (window.opensAt ?? new Date(now.getTime() + NEVER_MS)) : null;
    if (until === null) ready.push(t);
    if ((t.waitingUntil?.getTime() ?? null) !== (until?.getTime() ?? null)) {
      waits.push({ satelliteId: t.satelliteId, until });
    }
  }
  return { ready, waits };
}
