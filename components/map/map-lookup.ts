import { fetchJson } from "@/lib/fetch-json";
import type { MapLookup } from "@/server/map/map-answer";

export type { MapLookup } from "@/server/map/map-answer";

/**
 * The satellites behind map indexes, or a slug's index: the map's points carry no names. Asked with the
 * map's own query and the layout the indexes belong to (a layout that moved on answers 409).
 */
export function lookupMap(
  query: string,
  ask: { layout?: string; at?: readonly number[]; slug?: string },
): Promise<MapLookup> {
  const params = new URLSearchParams(query);
  if (ask.layout) params.set("layout", ask.layout);
  if (ask.at?.length) params.set("at", ask.at.join(","));
  if (ask.slug) params.set("slug", ask.slug);
  return fetchJson<MapLookup>(`/api/v1/map/satellites?${params}`, {
    fallback: "Could not look the satellite up",
  });
}

/** Names for hovers, one look-up per satellite per layout. */
export function nameCache(query: string, layout: string): (at: number) => Promise<string | null> {
  const names = new Map<number, Promise<string | null>>();
  return (at) => {
    let name = names.get(at);
    if (!name) {
      name = lookupMap(query, { layout, at: [at] }).then((r) => r.items[0]?.name ?? null);
      names.set(at, name);
    }
    return name;
  };
}
