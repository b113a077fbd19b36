import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getSnapshot } from "./cache";
import type { StatusSnapshot } from "./snapshot";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The snapshot a public reader may see: a public page, or an unlisted one when the link's key matches.
 * Everything else (disabled, unknown, a wrong key) is null, so nobody can tell an unlisted page exists.
 */
export async function readableSnapshot(slug: string, key: string | null): Promise<StatusSnapshot | null> {
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  const snapshot = await getSnapshot(slug);
  if (!snapshot) return null;
  const { visibility, secret } = snapshot.page;
  if (visibility === "public") return snapshot;
  if (visibility === "unlisted" && secret && key && sameSecret(secret, key)) return snapshot;
  return null;
}

/** The query string that carries an unlisted page's key onward, for links between its views. */
export function keyQuery(snapshot: StatusSnapshot): string {
  return snapshot.page.visibility === "unlisted" && snapshot.page.secret
    ? `?key=${encodeURIComponent(snapshot.page.secret)}`
    : "";
}
