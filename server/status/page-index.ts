import "server-only";
import { onResync } from "../bus";
import { processSingleton } from "../cache/process-singleton";
import { SwrCache } from "../cache/swr-cache";
import { db } from "../db";
import { logError } from "../log";
import { onStatusChange } from "./changes";

/**
 * Every status page's slug, visibility and secret, held in memory. Whether a reader may see a page is
 * decided here, before any snapshot is looked up, so an unknown slug and an unlisted page asked for
 * without its key take the same steps in the same time. Refreshed like the snapshots: at once after a
 * change in any process (the bus), and in the background when older than 10 s, never beyond 60 s.
 */
export type PageAccess = { visibility: "public" | "unlisted" | "disabled"; secret: string | null };

const index = processSingleton("cache.status-page-index", () => {
  const cache = new SwrCache<Map<string, PageAccess>>({
    freshMs: 10_000,
    staleMs: 60_000,
    maxEntries: 1,
    onBackgroundError: (error) => logError("status page index rebuild failed", error),
  });
  // A change in any process (a page's configuration included) reaches here over the bus.
  onStatusChange(() => cache.invalidate());
  onResync(() => cache.invalidate());
  return cache;
});

async function loadPages(): Promise<Map<string, PageAccess>> {
  const rows = await db.statusPage.findMany({ select: { slug: true, visibility: true, secret: true } });
  return new Map(rows.map((r) => [r.slug, { visibility: r.visibility, secret: r.secret }]));
}

/** The page with this slug as readers may know it, or undefined. */
export async function pageAccess(slug: string): Promise<PageAccess | undefined> {
  return (await index.get("pages", loadPages)).get(slug);
}
