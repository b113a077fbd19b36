import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getSnapshot } from "./cache";
import { pageAccess, type PageAccess } from "./page-index";
import type { StatusSnapshot } from "./snapshot";

/** Compared against when a slug has no secret, so a missing page costs what a wrong key costs. */
const NO_SECRET = "-".repeat(24);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a reader holding `key` (or none) may see the page; every branch does the same work. */
export function mayRead(access: PageAccess | undefined, key: string | null): boolean {
  const keyMatches = sameSecret(access?.secret ?? NO_SECRET, key ?? "");
  if (access?.visibility === "public") return true;
  return access?.visibility === "unlisted" && access.secret !== null && keyMatches;
}

/**
 * The snapshot a public reader may see: a public page, or an unlisted one when the link's key matches.
 * Everything else (disabled, unknown, a wrong key) is null, decided from the in-memory page index before
 * any snapshot is built, so nobody can tell an unlisted page exists, by its answer or by its timing.
 */
export async function readableSnapshot(slug: string, key: string | null): Promise<StatusSnapshot | null> {
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  if (!mayRead(await pageAccess(slug), key)) return null;
  const snapshot = await getSnapshot(slug);
  // The page may have changed between the index and the snapshot: the snapshot has the last word.
  if (!snapshot || !mayRead(snapshot.page, key)) return null;
  return snapshot;
}

/** The query string that carries an unlisted page's key onward, for links between its views. */
export function keyQuery(snapshot: StatusSnapshot): string {
  return snapshot.page.visibility === "unlisted" && snapshot.page.secret
    ? `?key=${encodeURIComponent(snapshot.page.secret)}`
    : "";
}
