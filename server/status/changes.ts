import "server-only";
import { processSingleton } from "../cache/process-singleton";

/**
 * A process-wide counter of public status changes, one for Next's bundle and the server entry together: an
 * incident published through a server action bumps it, and the machine path's status snapshots see the bump
 * at once.
 */
type Changes = { version: number; listeners: Set<() => void> };
const changes = processSingleton<Changes>("status-changes", () => ({ version: 0, listeners: new Set() }));

/** Call after any change a status page shows: incidents, their updates, maintenance, the pages themselves. */
export function statusChanged(): void {
  changes.version++;
  for (const listener of changes.listeners) listener();
}

export function statusVersion(): number {
  return changes.version;
}

export function onStatusChange(listener: () => void): () => void {
  changes.listeners.add(listener);
  return () => changes.listeners.delete(listener);
}
