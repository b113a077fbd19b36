import "server-only";
import { publish, subscribe } from "../bus";
import { processSingleton } from "../cache/process-singleton";

/**
 * A process-wide counter of public status changes, one for Next's bundle and the server entry together. A
 * change made by any process (a server action, the reconciler's evaluation, another replica) goes over the bus
 * (server/bus), bumps the counter in every process and fires its listeners, so each process's status caches
 * rebuild before their next answer.
 */
type ConfigListener = (pageId: string | undefined) => void;
type Changes = {
  version: number;
  listeners: Set<() => void>;
  configListeners: Set<ConfigListener>;
};
const changes = processSingleton<Changes>("status-changes", () => {
  const state: Changes = { version: 0, listeners: new Set(), configListeners: new Set() };
  const changed = () => {
    state.version++;
    for (const listener of state.listeners) listener();
  };
  subscribe("status.changed", changed);
  subscribe("status.config", ({ pageId }) => {
    for (const listener of state.configListeners) listener(pageId);
    changed();
  });
  return state;
});

/** Call after any change a status page shows: incidents, their updates, maintenance, pins, stored statuses. */
export function statusChanged(): void {
  publish({ type: "status.changed" });
}

/**
 * Call after a status page's configuration changed (created, renamed, its visibility, secret link, custom host,
 * regions or satellites, deleted): every process drops what it held of the pages, then as statusChanged().
 */
export function statusConfigChanged(pageId?: string): void {
  publish({ type: "status.config", ...(pageId ? { pageId } : {}) });
}

export function statusVersion(): number {
  return changes.version;
}

/** After any status change, in any process (a configuration change included). */
export function onStatusChange(listener: () => void): () => void {
  changes.listeners.add(listener);
  return () => changes.listeners.delete(listener);
}

/** After a status page's configuration changed, in any process, before the onStatusChange listeners. */
export function onStatusConfig(listener: ConfigListener): () => void {
  changes.configListeners.add(listener);
  return () => changes.configListeners.delete(listener);
}
