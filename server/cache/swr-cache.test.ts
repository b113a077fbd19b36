import { describe, expect, it } from "vitest";
import { SwrCache, type SwrCacheOptions } from "./swr-cache";

/** A build the test finishes by hand, counting how often the cache started one. */
function builds<V>() {
  const started: { at: number; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  const build = (at: number) => new Promise<V>((resolve, reject) => started.push({ at, resolve, reject }));
  return { started, build };
}

function cacheWithClock<V>(options: Omit<SwrCacheOptions<V>, "now">) {
  const clock = { t: 1_000 };
  const errors: unknown[] = [];
  const cache = new SwrCache<V>({
    onBackgroundError: (error) => errors.push(error),
    ...options,
    now: () => clock.t,
  });
  return { cache, clock, errors };
}

describe("SwrCache", () => {
  it("answers a fresh value without building, and gives the build the clock's time", async () => {
    const { cache, clock } = cacheWithClock<string>({ freshMs: 10, staleMs: 60, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    expect(started).toHaveLength(1);
    expect(started[0].at).toBe(1_000);
    started[0].resolve("one");
    expect(await first).toBe("one");
    clock.t += 9;
    expect(await cache.get("a", build)).toBe("one");
    expect(started).toHaveLength(1);
  });

  it("runs one build for many callers at once (single flight)", async () => {
    const { cache } = cacheWithClock<string>({ freshMs: 10, maxEntries: 5 });
    const { started, build } = builds<string>();
    const answers = [cache.get("a", build), cache.get("a", build), cache.get("a", build)];
    expect(started).toHaveLength(1);
    started[0].resolve("one");
    expect(await Promise.all(answers)).toEqual(["one", "one", "one"]);
  });

  it("answers a stale value while one rebuild runs, then the rebuilt one", async () => {
    const { cache, clock } = cacheWithClock<string>({ freshMs: 10, staleMs: 60, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    started[0].resolve("one");
    await first;
    clock.t += 30;
    expect(await cache.get("a", build)).toBe("one");
    expect(await cache.get("a", build)).toBe("one");
    expect(started).toHaveLength(2);
    started[1].resolve("two");
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get("a", build)).toBe("two");
  });

  it("never answers a value older than staleMs: the caller waits for the rebuild", async () => {
    const { cache, clock } = cacheWithClock<string>({ freshMs: 10, staleMs: 60, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    started[0].resolve("one");
    await first;
    clock.t += 60;
    let answered: string | null = null;
    const waiting = cache.get("a", build).then((v) => (answered = v));
    await Promise.resolve();
    expect(answered).toBeNull();
    started[1].resolve("two");
    await waiting;
    expect(answered).toBe("two");
  });

  it("without staleMs, an old value is never served", async () => {
    const { cache, clock } = cacheWithClock<string>({ freshMs: 2, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    started[0].resolve("one");
    await first;
    clock.t += 2;
    const second = cache.get("a", build);
    expect(started).toHaveLength(2);
    started[1].resolve("two");
    expect(await second).toBe("two");
  });

  it("after invalidate(), the next caller waits for a build started after it, not one already running", async () => {
    const { cache } = cacheWithClock<string>({ freshMs: 10, staleMs: 60, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    started[0].resolve("one");
    await first;
    cache.invalidate();
    const beforeChange = cache.get("a", build);
    expect(started).toHaveLength(2);
    cache.invalidate();
    const afterChange = cache.get("a", build);
    expect(started).toHaveLength(3);
    started[2].resolve("three");
    expect(await afterChange).toBe("three");
    // The older build finishing later does not replace the newer value.
    started[1].resolve("two");
    expect(await beforeChange).toBe("two");
    expect(await cache.get("a", build)).toBe("three");
    expect(started).toHaveLength(3);
  });

  it("invalidates one key without touching the others", async () => {
    const { cache } = cacheWithClock<string>({ freshMs: 10, maxEntries: 5 });
    const { started, build } = builds<string>();
    const a = cache.get("a", build);
    const b = cache.get("b", build);
    started[0].resolve("a1");
    started[1].resolve("b1");
    await Promise.all([a, b]);
    cache.invalidate("a");
    const again = cache.get("a", build);
    expect(await cache.get("b", build)).toBe("b1");
    expect(started).toHaveLength(3);
    started[2].resolve("a2");
    expect(await again).toBe("a2");
  });

  it("holds at most maxEntries keys, forgetting the oldest", async () => {
    const { cache } = cacheWithClock<number>({ freshMs: 10, maxEntries: 2 });
    let builds = 0;
    const build = async () => ++builds;
    await cache.get("a", build);
    await cache.get("b", build);
    await cache.get("c", build);
    expect(cache.size).toBe(2);
    expect(await cache.get("c", build)).toBe(3);
    expect(await cache.get("a", build)).toBe(4);
  });

  it("does not remember a value keep() refuses", async () => {
    const { cache } = cacheWithClock<string | null>({ freshMs: 10, maxEntries: 5, keep: (v) => v !== null });
    expect(await cache.get("missing", async () => null)).toBeNull();
    expect(cache.size).toBe(0);
    expect(await cache.get("found", async () => "yes")).toBe("yes");
    expect(cache.size).toBe(1);
  });

  it("a failed build reaches its callers and the next caller builds again", async () => {
    const { cache } = cacheWithClock<string>({ freshMs: 10, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    started[0].reject(new Error("database down"));
    await expect(first).rejects.toThrow("database down");
    const second = cache.get("a", build);
    expect(started).toHaveLength(2);
    started[1].resolve("back");
    expect(await second).toBe("back");
  });

  it("a failed background rebuild is reported and the stale value stays until staleMs", async () => {
    const { cache, clock, errors } = cacheWithClock<string>({ freshMs: 10, staleMs: 60, maxEntries: 5 });
    const { started, build } = builds<string>();
    const first = cache.get("a", build);
    started[0].resolve("one");
    await first;
    clock.t += 20;
    expect(await cache.get("a", build)).toBe("one");
    started[1].reject(new Error("database down"));
    await new Promise((r) => setImmediate(r));
    expect(errors).toHaveLength(1);
    expect(await cache.get("a", build)).toBe("one");
    expect(started).toHaveLength(3);
  });

  it("clear() forgets every value", async () => {
    const { cache } = cacheWithClock<number>({ freshMs: 10, maxEntries: 5 });
    let n = 0;
    await cache.get("a", async () => ++n);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get("a", async () => ++n)).toBe(2);
  });
});
