import "server-only";

/**
 * The one instance of something per process: a cache, a database client, the ingest writer. Next's bundle
 * holds its own copy of every server module while the server entry holds another, so a module-level
 * variable would exist twice; the instance lives on globalThis under a registered symbol instead.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`orrery.${key}`);
  let instance = store[symbol];
  if (instance === undefined) store[symbol] = instance = create();
  return instance;
}

/** Forgets the instance and hands it back to be closed; the next processSingleton(key, …) creates anew. */
export function dropProcessSingleton<T>(key: string): T | undefined {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`orrery.${key}`);
  const instance = store[symbol];
  delete store[symbol];
  return instance;
}
