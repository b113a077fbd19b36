import "server-only";
import { onResync } from "../../bus";
import { processSingleton } from "../../cache/process-singleton";
import { SwrCache } from "../../cache/swr-cache";
import { db } from "../../db";
import { env } from "../../env";
import { logError } from "../../log";
import { onStatusChange } from "../changes";

// Custom domains: a status page may also answer on one host name from STATUS_CUSTOM_HOSTS, the fixed list
// an operator configures. The request's Host is only ever looked up in that list, never used to build a
// link or an answer: an unknown Host is simply not a custom domain.

/** Lower case, no port, no trailing dot: how a configured host and a request's Host are compared. */
export function normalizeHost(value: string | undefined | null): string {
  const host = String(value ?? "")
    .trim()
    .toLowerCase();
  // [v6]:port, or name:port
  const bare = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
  return bare.replace(/\.$/, "");
}

let parsed: { raw: string; hosts: string[] } | undefined;

/** The configured custom hosts, in the operator's order (parsed once: the list is fixed configuration). */
export function configuredHosts(raw = env.STATUS_CUSTOM_HOSTS): string[] {
  if (parsed?.raw !== raw) parsed = { raw, hosts: parseHosts(raw) };
  return parsed.hosts;
}

function parseHosts(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(",")
        .map((h) => normalizeHost(h))
        .filter(Boolean),
    ),
  ];
}

type HostIndex = { bySlug: Map<string, string>; byHost: Map<string, string> };

const index = processSingleton("cache.status-custom-hosts", () => {
  const cache = new SwrCache<HostIndex>({
    freshMs: 10_000,
    staleMs: 60_000,
    maxEntries: 1,
    onBackgroundError: (error) => logError("status custom host index rebuild failed", error),
  });
  // A change in any process (a page's configuration included) reaches here over the bus.
  onStatusChange(() => cache.invalidate());
  onResync(() => cache.invalidate());
  return cache;
});

async function loadHosts(): Promise<HostIndex> {
  const hosts = configuredHosts();
  const empty: HostIndex = { bySlug: new Map(), byHost: new Map() };
  if (hosts.length === 0) return empty;
  // Only bindings to hosts still configured count: removing a host from the list unbinds it at once.
  const rows = await db.statusPage.findMany({
    where: { customHost: { in: hosts } },
    select: { slug: true, customHost: true },
  });
  for (const r of rows) {
    if (!r.customHost) continue;
    empty.byHost.set(r.customHost, r.slug);
    empty.bySlug.set(r.slug, r.customHost);
  }
  return empty;
}

/** The slug of the page bound to this request Host, or undefined (no lookup at all without a configured list). */
export async function slugForHost(hostHeader: string | undefined): Promise<string | undefined> {
  const host = normalizeHost(hostHeader);
  if (!host || !configuredHosts().includes(host)) return undefined;
  return remember(await index.get("hosts", loadHosts)).byHost.get(host);
}

/** The custom host a page is bound to, if any. */
export async function hostForSlug(slug: string): Promise<string | undefined> {
  if (configuredHosts().length === 0) return undefined;
  return remember(await index.get("hosts", loadHosts)).bySlug.get(slug);
}

/** The last index loaded, for the one caller that cannot wait: the server entry's rewrite of `/`. */
let lastIndex: HostIndex | undefined;
const remember = (i: HostIndex) => (lastIndex = i);

/**
 * A request for `/` on a custom host, rewritten to its page's path before Next sees it, so the host shows
 * the page. Synchronous, from the index last loaded (at most a few seconds old); every other path is left
 * alone. Returns whether it rewrote.
 */
export function rewriteCustomHostRoot(req: { url?: string; headers: { host?: string } }): boolean {
  if (configuredHosts().length === 0) return false;
  const url = req.url ?? "/";
  if (url !== "/" && !url.startsWith("/?")) return false;
  // Keep the index warm for the next request; a failure is logged by the cache.
  void index.get("hosts", loadHosts).then(remember, () => undefined);
  const slug = lastIndex?.byHost.get(normalizeHost(req.headers.host));
  if (!slug || !configuredHosts().includes(normalizeHost(req.headers.host))) return false;
  req.url = `/status/${slug}${url.slice(1)}`;
  return true;
}

/** Loads the index at start-up, so the first request for `/` on a custom host already finds its page. */
export function warmCustomHosts(): void {
  if (configuredHosts().length === 0) return;
  void index.get("hosts", loadHosts).then(remember, () => undefined);
}
