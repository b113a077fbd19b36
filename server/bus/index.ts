import "server-only";
import type { ChildProcess } from "node:child_process";
import { dropProcessSingleton, processSingleton } from "../cache/process-singleton";
import { isSqlite, rawPgPool } from "../db-raw";
import { env } from "../env";
import { Bus, type BusOptions, type Listener, type ResyncListener } from "./bus";
import type { BusMessage, BusMessageType } from "./messages";
import { PgTransport } from "./pg-transport";
import { ipcPeer, RelayTransport } from "./relay";

// The cross-process invalidation channel: every replica's in-memory copies (status snapshots and page index,
// agent tokens, the fleet state) hear about a change made by any process. On PostgreSQL through LISTEN/NOTIFY
// on one channel; on SQLite (one machine) between the server entry and its reconciler child over IPC.

export type { BusMessage, BusMessageType } from "./messages";
export type { ResyncInfo, ResyncListener, Transport } from "./bus";
export { Bus } from "./bus";
export { PgTransport } from "./pg-transport";
export { RelayTransport, type Peer } from "./relay";

const KEY = "bus";

/** A bus of its own, with the transport this database uses unless one is given (tests make a second "process"). */
export function createBus(options: Partial<BusOptions> = {}): Bus {
  return new Bus({ ...options, transport: options.transport ?? defaultTransport() });
}

function defaultTransport() {
  if (isSqlite) return new RelayTransport();
  return new PgTransport({
    connectionString: env.DATABASE_URL,
    query: (sql, params) => rawPgPool().query(sql, params),
    applicationName: `orrery-bus ${process.pid}`,
  });
}

/** The process's bus, one for Next's bundle and the server entry together; it starts with its first use. */
export function bus(): Bus {
  return processSingleton(KEY, () => createBus());
}

/** Delivers to this process's listeners at once, and to every other process. */
export function publish(message: BusMessage): void {
  bus().publish(message);
}

export function subscribe<T extends BusMessageType>(type: T, listener: Listener<T>): () => void {
  return bus().subscribe(type, listener);
}

/** After a (re)connection, or when the safety-net timer fires: re-read everything held in memory. */
export function onResync(listener: ResyncListener): () => void {
  return bus().onResync(listener);
}

/** For the server entry at start-up (the bus would otherwise start with the first cache that subscribes). */
export function startBus(options: { resyncMs?: number } = {}): void {
  bus().start(options);
}

/** At shutdown: closes the listening connection. A later use would start a new bus without listeners. */
export async function stopBus(): Promise<void> {
  await dropProcessSingleton<Bus>(KEY)?.stop();
}

/** In the server entry, for each reconciler child it spawns: on SQLite, messages go both ways over IPC. */
export function relayBusToChild(child: ChildProcess): () => void {
  if (!isSqlite) return () => undefined; // each process listens on PostgreSQL itself
  const transport = relayOf(bus());
  const detach = transport?.attach(ipcPeer(child)) ?? (() => undefined);
  child.once("exit", detach);
  return detach;
}

/** In the reconciler child started by the server entry: on SQLite, messages go both ways over IPC. */
export function relayBusToParent(): () => void {
  if (!isSqlite || !process.send) return () => undefined;
  return relayOf(bus())?.attach(ipcPeer(process)) ?? (() => undefined);
}

// By shape, not instanceof: the bus may have been made by Next's bundle, whose copy of the class differs.
function relayOf(b: Bus): Pick<RelayTransport, "attach"> | undefined {
  b.start();
  const transport = b.transport as Partial<RelayTransport>;
  return typeof transport.attach === "function" ? (transport as RelayTransport) : undefined;
}
