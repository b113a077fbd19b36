import "server-only";
import type { Db, Tx } from "../db";
import { openingsFor } from "../windows/load";
import type { LoadedRollout } from "./load";

/**
 * Adds to the engine's observations whether each pending target of the current wave may be changed now.
 * A rollout an admin let bypass windows (windowBypassReason) observes none, and neither does one that is
 * not running: only a running wave upgrades anyone.
 */
export async function observeWindows(client: Db | Tx, loaded: LoadedRollout, now: Date): Promise<void> {
  const { row, engine, observations } = loaded;
  if (row.windowBypassReason || (row.status !== "running" && row.status !== "awaiting_approval")) return;
  const pending = engine.targets
    .filter((t) => t.state === "pending" && t.waveIndex !== null && t.waveIndex >= engine.currentWave)
    .filter((t) => t.waveIndex === engine.currentWave || t.waveIndex === engine.currentWave + 1)
    .map((t) => t.satelliteId);
  const openings = await openingsFor(client, pending, now);
  observations.windows = {};
  for (const [id, o] of openings) {
    observations.windows[id] = { open: o.open, opensAt: o.opensAt ?? null };
  }
}
