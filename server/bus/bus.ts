import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { log, logError } from "../log";
import { decode, encode, type BusMessage, type BusMessageType } from "./messages";

/** How messages leave this process and arrive from others: PostgreSQL LISTEN/NOTIFY, or IPC on one machine. */
export type Transport = {
  /** Starts receiving. `up` is called on every (re)connection, `down` when the connection is lost. */
  start(handlers: TransportHandlers): void;
  send(payload: string): Promise<void>;
  /** Checks the connection now (the safety-net timer asks); a dead one is reported through `down`. */
  check?(): Promise<void>;
  stop(): Promise<void>;
};
export type TransportHandlers = {
  message(payload: string): void;
  up(): void;
  down(error?: unknown): void;
};

export type ResyncInfo = {
  /** "connected": the connection was (re)made; "timer": the safety net's periodic re-read. */
  reason: "connected" | "timer";
  /** The connection was down since the last resync, so messages may have been missed. */
  missed: boolean;
};
export type ResyncListener = (info: ResyncInfo) => void;
export type Listener<T extends BusMessageType> = (message: Extract<BusMessage, { type: T }>) => void;

export type BusOptions = {
  transport: Transport;
  /** Who sent a message; a bus ignores what comes back from its own origin. */
  origin?: string;
  /** How often every cache re-reads anyway, whatever arrived (the safety net). */
  resyncMs?: number;
};

export const DEFAULT_RESYNC_MS = 30_000;

/**
 * One process's end of the invalidation channel. publish() delivers to this process's listeners at once, then
 * sends to every other; listeners run synchronously and one that throws does not stop the rest.
 */
export class Bus {
  readonly origin: string;
  readonly transport: Transport;
  private readonly listeners = new Map<BusMessageType, Set<(message: BusMessage) => void>>();
  private readonly resyncListeners = new Set<ResyncListener>();
  private resyncMs: number;
  private timer: NodeJS.Timeout | null = null;
  private isStarted = false;
  private isUp = false;
  /** The connection was lost (or never made) since the last resync. */
  private missed = false;

  constructor(options: BusOptions) {
    this.transport = options.transport;
    this.origin = options.origin ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.resyncMs = options.resyncMs ?? DEFAULT_RESYNC_MS;
  }

  /** Connects and starts the safety-net timer; publish() and subscribe() call it, so it is rarely needed. */
  start(options: { resyncMs?: number } = {}): void {
    if (options.resyncMs !== undefined && options.resyncMs !== this.resyncMs) {
      this.resyncMs = options.resyncMs;
      this.stopTimer();
    }
    if (this.isStarted && this.timer) return;
    if (!this.isStarted) {
      this.isStarted = true;
      this.transport.start({
        message: (payload) => this.receive(payload),
        up: () => this.connected(),
        down: (error) => this.disconnected(error),
      });
    }
    this.timer = setInterval(() => void this.tick(), this.resyncMs);
    this.timer.unref(); // the bus never keeps a process alive
  }

  async stop(): Promise<void> {
    this.stopTimer();
    if (!this.isStarted) return;
    this.isStarted = false;
    this.isUp = false;
    await this.transport.stop();
  }

  /** Whether the transport is connected now (tests, diagnostics). */
  get isConnected(): boolean {
    return this.isUp;
  }

  publish(message: BusMessage): void {
    this.start();
    this.dispatch(message);
    this.transport.send(encode(message, this.origin)).catch((error: unknown) => {
      // The other processes miss this one; their safety-net resync re-reads within resyncMs.
      logError("bus: publish failed", error, { type: message.type });
    });
  }

  subscribe<T extends BusMessageType>(type: T, listener: Listener<T>): () => void {
    this.start();
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const entry = listener as (message: BusMessage) => void;
    set.add(entry);
    return () => void set.delete(entry);
  }

  onResync(listener: ResyncListener): () => void {
    this.start();
    this.resyncListeners.add(listener);
    return () => void this.resyncListeners.delete(listener);
  }

  /** A payload from the transport: another process's message (this process's own already ran here). */
  receive(payload: string): void {
    const decoded = decode(payload);
    if (!decoded) {
      log("debug", "bus: ignored a message this version does not know", { bytes: payload.length });
      return;
    }
    if (decoded.origin === this.origin) return;
    this.dispatch(decoded.message);
  }

  /** Every resync listener, now: caches re-read. */
  resync(info: ResyncInfo): void {
    for (const listener of this.resyncListeners) {
      try {
        listener(info);
      } catch (error) {
        logError("bus: resync listener failed", error, { reason: info.reason });
      }
    }
  }

  private dispatch(message: BusMessage): void {
    for (const listener of this.listeners.get(message.type) ?? []) {
      try {
        listener(message);
      } catch (error) {
        logError("bus: listener failed", error, { type: message.type });
      }
    }
  }

  private connected(): void {
    const missed = this.missed;
    this.isUp = true;
    this.missed = false;
    // Messages sent before this connection listened (or while it was down) never arrive: re-read everything.
    if (missed) log("info", "bus: reconnected; caches re-read", { origin: this.origin });
    this.resync({ reason: "connected", missed: true });
  }

  private disconnected(error?: unknown): void {
    if (this.isUp) {
      log("warn", "bus: connection lost; reconnecting", {
        origin: this.origin,
        error: error instanceof Error ? error.message : error === undefined ? undefined : String(error),
      });
    }
    this.isUp = false;
    this.missed = true;
  }

  private async tick(): Promise<void> {
    try {
      await this.transport.check?.();
    } catch (error) {
      logError("bus: connection check failed", error);
    }
    const missed = this.missed || !this.isUp;
    if (missed) log("info", "bus: resync found the connection had been down", { origin: this.origin });
    if (this.isUp) this.missed = false;
    this.resync({ reason: "timer", missed });
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
