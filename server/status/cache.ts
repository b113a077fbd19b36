import "server-only";
import { onResync } from "../bus";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { logError } from "../log";
import { onStatusChange, onStatusConfig, statusVersion } from "./changes";
import { buildSnapshot, type StatusSnapshot } from "./snapshot";

/**
 * Status snapshots kept in memory, so the JSON, badges and feed are answered without touching the database
 * while a page is most read: during an outage. A change in any process (statusChanged(), over the bus) makes
 * every snapshot stale, rebuilt before the next answer, and a page's configuration changing drops them all;
 * otherwise one is rebuilt at most every 10 s, served while the next is built, and never answered older than
 * 60 s. Unknown slugs are not remembered, so made-up ones cannot push real pages out.
 */
const snapshots = processSingleton("cache.status-snapshots", () => {
  const cache = new SwrCache<StatusSnapshot | null>({
    freshMs: 10_000,
    staleMs: 60_000,
    maxEntries: 500,
    keep: (snapshot) => snapshot !== null,
    onBackgroundError: (error, slug) => logError("status snapshot rebuild failed", error, { slug }),
  });
  onStatusChange(() => cache.invalidate());
  // A renamed or deleted page must not answer under its old slug from memory.
  onStatusConfig(() => cache.clear());
  onResync(() => cache.invalidate());
  return cache;
});

/** A page's snapshot, or null when no page has this slug. */
export function getSnapshot(slug: string): Promise<StatusSnapshot | null> {
  return snapshots.get(slug, (now) => buildSnapshot(slug, new Date(now), statusVersion()));
}

/** How many pages have a snapshot in memory (tests check that readers cannot add entries at will). */
export function snapshotCount(): number {
  return snapshots.size;
}

/** Forget every snapshot (tests, and a page deleted or renamed). */
export function clearSnapshots(): void {
  snapshots.clear();
}
