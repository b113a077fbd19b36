import "server-only";

export type SwrCacheOptions<V> = {
  /** A value younger than this is answered as it is. */
  freshMs: number;
  /** Until this age a value is answered while one rebuild runs behind it; older, callers wait. Default freshMs. */
  staleMs?: number;
  /** The oldest key is forgotten when a new one would exceed this. */
  maxEntries: number;
  /** Whether to remember a built value (a lookup of something that does not exist is not). Default: all. */
  keep?: (value: V) => boolean;
  /** A rebuild nobody waits for failed: the stale value stays until staleMs, then callers see the error. */
  onBackgroundError?: (error: unknown, key: string) => void;
  /** The clock, in milliseconds; tests pass their own. */
  now?: () => number;
};

type Built<V> = { value: V; at: number; seq: number };
type Entry<V> = {
  built: Built<V> | null;
  pending: { seq: number; promise: Promise<V> } | null;
  /** Values from builds numbered below this were invalidated. */
  validFrom: number;
};

/**
 * A keyed stale-while-revalidate cache: a fresh value is answered at once, a stale one while a single rebuild
 * runs, and past staleMs callers wait for that rebuild. Builds are numbered as they start; invalidate() makes
 * every value from an earlier build stale at once, so a change is never hidden by a build already running.
 */
export class SwrCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly freshMs: number;
  private readonly staleMs: number;
  private readonly clock: () => number;
  private nextSeq = 0;
  private validFrom = 0;

  constructor(private readonly options: SwrCacheOptions<V>) {
    this.freshMs = options.freshMs;
    this.staleMs = Math.max(options.staleMs ?? options.freshMs, options.freshMs);
    this.clock = options.now ?? Date.now;
  }

  /** The value for `key`; `build` receives the clock's time and runs at most once at a time per key. */
  get(key: string, build: (now: number) => Promise<V>): Promise<V> {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.options.maxEntries)
        this.entries.delete(this.entries.keys().next().value!);
      entry = { built: null, pending: null, validFrom: 0 };
      this.entries.set(key, entry);
    }
    const validFrom = Math.max(entry.validFrom, this.validFrom);
    const built = entry.built;
    if (built && built.seq >= validFrom) {
      const age = this.clock() - built.at;
      if (age < this.freshMs) return Promise.resolve(built.value);
      if (age < this.staleMs) {
        this.rebuild(key, entry, build, validFrom, true);
        return Promise.resolve(built.value);
      }
    }
    return this.rebuild(key, entry, build, validFrom);
  }

  /** Makes the value for `key`, or every value, stale: the next get() waits for a build started after now. */
  invalidate(key?: string): void {
    if (key === undefined) this.validFrom = this.nextSeq;
    else if (this.entries.has(key)) this.entries.get(key)!.validFrom = this.nextSeq;
  }

  /** Forgets every value. */
  clear(): void {
    this.entries.clear();
  }

  /** How many keys are held, values or builds in flight. */
  get size(): number {
    return this.entries.size;
  }

  private rebuild(
    key: string,
    entry: Entry<V>,
    build: (now: number) => Promise<V>,
    validFrom: number,
    isBackground = false,
  ): Promise<V> {
    if (entry.pending && entry.pending.seq >= validFrom) return entry.pending.promise;
    const seq = this.nextSeq++;
    const at = this.clock();
    const promise = build(at)
      .then((value) => {
        if (this.entries.get(key) !== entry) return value;
        if (this.options.keep && !this.options.keep(value)) this.entries.delete(key);
        else if (!entry.built || entry.built.seq < seq) entry.built = { value, at, seq };
        return value;
      })
      .finally(() => {
        if (entry.pending?.seq === seq) entry.pending = null;
      });
    entry.pending = { seq, promise };
    if (isBackground) promise.catch((error: unknown) => this.options.onBackgroundError?.(error, key));
    return promise;
  }
}
