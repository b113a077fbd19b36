import "server-only";
import { db } from "../db";
import { logError } from "../log";
import { statusVersion } from "./changes";

/**
 * Every status page's slug, visibility and secret, held in memory. Whether a reader may see a page is
 * decided here, before any snapshot is looked up, so an unknown slug and an unlisted page asked for
 * without its key take the same steps in the same time. Refreshed like the snapshots: at once after a
 * change, and in the background when older than FRESH_MS (pages edited on another replica).
 */
export type PageAccess = { visibility: "public" | "unlisted" | "disabled"; secret: string | null };

const FRESH_MS = 10_000;
const STALE_LIMIT_MS = 60_000;

type Index = {
  pages: Map<string, PageAccess>;
  builtAt: number;
  version: number;
  building: Promise<void> | null;
};
const KEY = Symbol.for("orrery.status-page-index");
const store = globalThis as unknown as Record<symbol, Index | undefined>;
const index: Index = (store[KEY] ??= { pages: new Map(), builtAt: 0, version: -1, building: null });

function rebuild(): Promise<void> {
  index.building ??= (async () => {
    const version = statusVersion();
    try {
      const rows = await db.statusPage.findMany({ select: { slug: true, visibility: true, secret: true } });
      index.pages = new Map(rows.map((r) => [r.slug, { visibility: r.visibility, secret: r.secret }]));
      index.builtAt = Date.now();
      index.version = version;
    } finally {
      index.building = null;
    }
  })();
  return index.building;
}

/** The page with this slug as readers may know it, or undefined. */
export async function pageAccess(slug: string): Promise<PageAccess | undefined> {
  const age = Date.now() - index.builtAt;
  const current = index.version === statusVersion();
  if (!current || age >= STALE_LIMIT_MS) await rebuild();
  else if (age >= FRESH_MS) {
    rebuild().catch((error: unknown) => logError("status page index rebuild failed", error));
  }
  return index.pages.get(slug);
}
