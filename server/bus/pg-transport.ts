import pg from "pg";
import type { Transport, TransportHandlers } from "./bus";

export const DEFAULT_CHANNEL = "orrery_bus";

export type PgTransportOptions = {
  connectionString: string;
  /** Sends one NOTIFY (through the process's pool, not the listening connection). */
  query: (sql: string, params: unknown[]) => Promise<unknown>;
  channel?: string;
  /** Shown in pg_stat_activity, so an operator (or a test) can tell the listening connections apart. */
  applicationName?: string;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long the safety net's check waits for the listening connection to answer. */
  checkTimeoutMs?: number;
};

/**
 * PostgreSQL LISTEN/NOTIFY: one dedicated client (not the pool, whose connections come and go) listens on one
 * channel; a lost connection is made again with backoff, and the bus re-reads everything once it is back.
 */
export class PgTransport implements Transport {
  private readonly channel: string;
  private client: pg.Client | null = null;
  private handlers: TransportHandlers | null = null;
  private isStopped = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private lose: ((error?: unknown) => void) | null = null;

  constructor(private readonly options: PgTransportOptions) {
    this.channel = options.channel ?? DEFAULT_CHANNEL;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.channel)) throw new Error(`bad bus channel: ${this.channel}`);
  }

  start(handlers: TransportHandlers): void {
    this.handlers = handlers;
    this.isStopped = false;
    void this.connect();
  }

  async send(payload: string): Promise<void> {
    await this.options.query("SELECT pg_notify($1, $2)", [this.channel, payload]);
  }

  /** The listening connection answers a query within the timeout, or is dropped and made again. */
  async check(): Promise<void> {
    const client = this.client;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("listening connection did not answer")),
        this.options.checkTimeoutMs ?? 5_000,
      );
    });
    try {
      await Promise.race([client.query("SELECT 1"), timeout]);
    } catch (error) {
      if (this.client === client) this.lose?.(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    this.lose = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.isStopped) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName ?? "orrery-bus",
      // A connection cut without a word (a dead peer, a NAT timeout) is noticed by TCP, not only by the check.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    let isLost = false;
    const lose = (error?: unknown) => {
      if (isLost) return;
      isLost = true;
      client.removeAllListeners("notification");
      void client.end().catch(() => undefined);
      if (this.client === client) {
        this.client = null;
        this.lose = null;
      }
      if (this.isStopped) return;
      this.handlers?.down(error);
      this.scheduleReconnect();
    };
    client.on("error", lose);
    client.on("end", () => lose(new Error("connection ended")));
    client.on("notification", (n) => {
      if (n.channel === this.channel && n.payload !== undefined) this.handlers?.message(n.payload);
    });
    this.client = client;
    this.lose = lose;
    try {
      await client.connect();
      // The listening connection never keeps a process alive: a script that published can still exit.
      (
        client as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      lose(error);
      return;
    }
    if (isLost) return;
    if (this.isStopped) return lose();
    this.attempt = 0;
    this.handlers?.up();
  }

  private scheduleReconnect(): void {
    if (this.retry) return;
    const min = this.options.minBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt++;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
