import "server-only";

/**
 * A process-wide counter of public status changes. Next's bundle and the server entry load their own copies
 * of this module, so the counter lives on globalThis: an incident published through a server action bumps
 * it, and the machine path's status snapshots see the bump at once.
 */
type Changes = { version: number; listeners: Set<() => void> };
const KEY = Symbol.for("orrery.status-changes");
const store = globalThis as unknown as Record<symbol, Changes | undefined>;
const changes: Changes = (store[KEY] ??= { version: 0, listeners: new Set() });

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
