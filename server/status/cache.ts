import "server-only";
import { logError } from "../log";
import { statusVersion } from "./changes";
import { buildSnapshot, type StatusSnapshot } from "./snapshot";

/**
 * Status snapshots kept in memory, so the JSON, badges and feed are answered without touching the database
 * while a page is most read: during an outage. A snapshot is rebuilt when an incident, maintenance window or
 * page changes (statusChanged() bumps the version: rebuilt before the next answer), and otherwise at most
 * every FRESH_MS, serving the previous one while the next is built so readers never wait on the database.
 */
const FRESH_MS = 10_000;
const STALE_LIMIT_MS = 60_000;
const MAX_PAGES = 500;

type Entry = {
  snapshot: StatusSnapshot | null;
  builtAt: number;
  version: number;
  building: Promise<void> | null;
};
const KEY = Symbol.for("orrery.status-snapshots");
const store = globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>;
const entries: Map<string, Entry> = (store[KEY] ??= new Map());

function rebuild(slug: string, entry: Entry): Promise<void> {
  entry.building ??= (async () => {
    const version = statusVersion();
    try {
      entry.snapshot = await buildSnapshot(slug, new Date(), version);
      entry.builtAt = Date.now();
      entry.version = version;
    } finally {
      entry.building = null;
    }
  })();
  return entry.building;
}

/** A page's snapshot, or null when no page has this slug. */
export async function getSnapshot(slug: string): Promise<StatusSnapshot | null> {
  let entry = entries.get(slug);
  if (!entry) {
    if (entries.size >= MAX_PAGES) entries.delete(entries.keys().next().value as string);
    entry = { snapshot: null, builtAt: 0, version: -1, building: null };
    entries.set(slug, entry);
  }
  const age = Date.now() - entry.builtAt;
  const current = entry.version === statusVersion();
  if (current && age < FRESH_MS) return entry.snapshot;
  if (current && age < STALE_LIMIT_MS) {
    rebuild(slug, entry).catch((error: unknown) =>
      logError("status snapshot rebuild failed", error, { slug }),
    );
    return entry.snapshot;
  }
  await rebuild(slug, entry);
  // Unknown slugs are not remembered, so nobody can push real pages out of the cache with made-up ones.
  if (!entry.snapshot) entries.delete(slug);
  return entry.snapshot;
}

/** How many pages have a snapshot in memory (tests check that readers cannot add entries at will). */
export function snapshotCount(): number {
  return entries.size;
}

/** Forget every snapshot (tests, and a page deleted or renamed). */
export function clearSnapshots(): void {
  entries.clear();
}
