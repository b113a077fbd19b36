import "server-only";
import { logError } from "../log";
import { sameRow, type FleetReader, type LatestSatellite } from "./rows";

// Every non-decommissioned satellite's latest row, in memory. Loaded once in full, then kept current by reading
// only the rows whose updatedAt moved (an index serves it), on a timer and on demand; a full reload now and
// then is the safety net for anything a delta read could miss (a row deleted outright, a very late commit).

export type FleetStateOptions = {
  reader: FleetReader;
  /** A read older than this is refreshed before it is answered. */
  maxAgeMs?: number;
  /** How often the background timer reads what changed. */
  pollMs?: number;
  /** How often everything is read again. */
  fullReloadMs?: number;
  /**
   * How far before the newest updatedAt seen a delta read starts: a transaction may commit a moment after the
   * time it wrote, and replicas' clocks may differ by a little. Rows re-read in the overlap change nothing.
   */
  overlapMs?: number;
  /** The timer stops reading after this long without a reader; the next reader's read catches up. */
  idleMs?: number;
  now?: () => number;
};

export type FleetSnapshot = {
  /** Every satellite held, in a stable order; the same array until the version moves. */
  rows: readonly LatestSatellite[];
  /** Increments whenever a row is added, changed or removed. */
  version: number;
  /** When the database was last read (ms). */
  readAt: number;
};

export class FleetState {
  private readonly rows = new Map<string, LatestSatellite>();
  /** updatedAt (ms) of rows dropped as decommissioned, so a delta read does not fetch them again. */
  private readonly dropped = new Map<string, number>();
  private snapshotRows: LatestSatellite[] | null = null;
  private loaded = false;
  private cursor = 0; // the newest updatedAt seen, in ms
  private readAt = 0;
  private usedAt = 0;
  private fullAt = 0;
  private stale = false;
  private reading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly clock: () => number;
  private readonly o: Required<Omit<FleetStateOptions, "reader" | "now">>;
  version = 0;

  constructor(private readonly options: FleetStateOptions) {
    this.clock = options.now ?? Date.now;
    this.o = {
      maxAgeMs: options.maxAgeMs ?? 2_000,
      pollMs: options.pollMs ?? 1_000,
      fullReloadMs: options.fullReloadMs ?? 5 * 60_000,
      overlapMs: options.overlapMs ?? 5_000,
      idleMs: options.idleMs ?? 120_000,
    };
  }

  /** The state, read within maxAgeMs (or an explicit age); the first call loads everything. */
  async current(maxAgeMs = this.o.maxAgeMs): Promise<FleetSnapshot> {
    this.usedAt = this.clock();
    if (!this.loaded || this.stale || this.clock() - this.readAt >= maxAgeMs) await this.refresh();
    return this.snapshot();
  }

  /** What is held now, without reading. */
  snapshot(): FleetSnapshot {
    this.snapshotRows ??= [...this.rows.values()];
    return { rows: this.snapshotRows, version: this.version, readAt: this.readAt };
  }

  get size(): number {
    return this.rows.size;
  }

  /** Reads what changed (everything on the first read or when a full reload is due); one read at a time. */
  refresh(): Promise<void> {
    // A caller that arrives during a read waits for it and then, if the state was invalidated meanwhile, reads
    // again: a change announced after a read started may not be in it.
    if (this.reading) return this.reading.then(() => (this.stale ? this.refresh() : undefined));
    const full = !this.loaded || this.clock() - this.fullAt >= this.o.fullReloadMs;
    this.stale = false;
    this.reading = (full ? this.readAll() : this.readChanges()).finally(() => (this.reading = null));
    return this.reading;
  }

  /** Marks the state out of date: the next current() reads what changed first. */
  invalidate(options: { full?: boolean } = {}): void {
    this.stale = true;
    if (options.full) this.fullAt = -Infinity;
  }

  /** Reads everything again now. */
  reload(): Promise<void> {
    this.invalidate({ full: true });
    return this.refresh();
  }

  /**
   * Takes rows pushed from elsewhere (a write in this process, a notification): upserts, drops decommissioned.
   * A pushed row older than the one held is ignored (pushes may arrive out of order); rows read from the
   * database always win, since the database holds the truth.
   */
  applyRows(rows: readonly LatestSatellite[], fromDatabase = false): boolean {
    let changed = false;
    for (const row of rows) {
      const t = row.updatedAt.getTime();
      if (t > this.cursor) this.cursor = t;
      const held = this.rows.get(row.id);
      if (row.lifecycle === "decommissioned") {
        this.dropped.set(row.id, t);
        if (held) changed = this.rows.delete(row.id);
      } else if (!held || ((fromDatabase || held.updatedAt.getTime() <= t) && !sameRow(held, row))) {
        this.rows.set(row.id, row);
        changed = true;
      }
    }
    if (changed) this.changed();
    return changed;
  }

  /** Reads what changed every pollMs in the background (the timer never keeps the process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const now = this.clock();
      // Idle (nobody scraped for minutes): reading every second would only cost the database.
      if (this.reading || now - this.readAt < this.o.pollMs / 2 || now - this.usedAt > this.o.idleMs) return;
      this.refresh().catch((error: unknown) => logError("fleet state: read failed", error));
    }, this.o.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private changed() {
    this.version++;
    this.snapshotRows = null;
  }

  private async readAll() {
    const started = this.clock();
    const rows = await this.options.reader.all();
    const seen = new Set<string>();
    let changed = !this.loaded;
    for (const row of rows) seen.add(row.id);
    for (const id of this.rows.keys()) {
      if (!seen.has(id)) changed = this.rows.delete(id) || changed;
    }
    let cursor = 0;
    for (const row of rows) {
      const held = this.rows.get(row.id);
      if (!held || !sameRow(held, row)) {
        this.rows.set(row.id, row);
        changed = true;
      }
      cursor = Math.max(cursor, row.updatedAt.getTime());
    }
    // Rows decommissioned since are not in a full read, so the cursor never goes back; an empty fleet starts
    // from the clock (the overlap covers a writer's clock a little behind).
    this.cursor = Math.max(cursor, this.cursor) || started;
    this.loaded = true;
    this.readAt = this.fullAt = started;
    if (changed) this.changed();
  }

  private async readChanges() {
    const started = this.clock();
    const since = this.cursor - this.o.overlapMs;
    const stamps = await this.options.reader.stampsSince(new Date(since));
    // Only rows whose stamp differs from the one held are fetched in full.
    const wanted: string[] = [];
    for (const { id, updatedAt } of stamps) {
      const t = updatedAt.getTime();
      if (t > this.cursor) this.cursor = t;
      if ((this.rows.get(id)?.updatedAt.getTime() ?? this.dropped.get(id)) !== t) wanted.push(id);
    }
    if (wanted.length > 0) this.applyRows(await this.options.reader.byIds(wanted), true);
    for (const [id, t] of this.dropped) if (t <= since) this.dropped.delete(id);
    this.readAt = started;
  }
}
