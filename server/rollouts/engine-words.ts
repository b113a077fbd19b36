// The engine's words: how pause reasons name waves, satellites, ratios and failures. Pure, beside the engine.
import type { EngineTarget, EngineWave } from "./types";

/** Reasons list at most this many satellites by slug, so a pause reason stays readable. */
const NAMED_IN_REASON = 5;

/** "wave 2 (50 %)", "wave 0 (canary)". */
export function describeWave(wave: EngineWave): string {
  return `wave ${wave.index} (${wave.label})`;
}

export function nameSome(items: string[]): string {
  const shown = items.slice(0, NAMED_IN_REASON).join(", ");
  const more = items.length - NAMED_IN_REASON;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** 15, 12.5, 33.3: at most one decimal, none when whole. */
export function formatPct(pct: number): string {
  return String(Math.round(pct * 10) / 10);
}

export function failureReason(t: EngineTarget): string {
  // The command row can be deleted under a target (onDelete: SetNull); waiting on it would stall the wave.
  if (t.commandState === null) return "the upgrade command no longer exists";
  const message = t.commandMessage ? `: ${t.commandMessage}` : "";
  return `upgrade ${t.commandState}${message}`;
}
