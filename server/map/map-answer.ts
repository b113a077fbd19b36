import "server-only";
import { z } from "zod";
import { MAP_STATUSES, type MapStatus } from "@/lib/fleet-map";
import { matchesEtag } from "@/lib/status/etag";
import type { Ctx } from "../auth/context";
import { processSingleton } from "../cache/process-singleton";
import { AppError, parseInput } from "../errors";
import type { Body, FleetMap } from "./fleet-map-build";
import { mapQuery, sharedFleetMap, type MapQuery } from "./fleet-map";

// How the console's map is answered: the binary columns (lib/fleet-map-wire.ts), gzip'd once per build, and
// to a browser that names the version it holds, only what changed since (a delta), when this process still
// has that version. Anything else (another replica's version, a new layout) gets the whole answer.

/** The last few maps built per query, so a poll naming one of them can be answered with a delta. */
const HISTORY_PER_QUERY = 3;
const HISTORY_QUERIES = 32;
const history = processSingleton("cache.fleet-map-history", () => new Map<string, FleetMap[]>());

function remember(key: string, map: FleetMap): FleetMap[] {
  let kept = history.get(key);
  if (!kept) {
    if (history.size >= HISTORY_QUERIES) history.delete(history.keys().next().value!);
    history.set(key, (kept = []));
  }
  if (kept.at(-1)?.version !== map.version) {
    kept.push(map);
    if (kept.length > HISTORY_PER_QUERY) kept.shift();
  }
  return kept;
}

const BinaryQuery = z.object({
  since: z
    .string()
    .max(40)
    .regex(/^[\w-]*$/, "is not a map version")
    .optional(),
});

const etagOf = (map: FleetMap) => `"m-${map.version}"`;

/**
 * The body is gzip'd here, once per build, for a caller that accepts gzip; it is sent as the body itself (the
 * reader sees gzip's magic bytes and unzips it) because Next drops a route's Content-Encoding header, and its
 * own compression leaves binary types alone.
 */
function send(req: Request, body: Body, etag: string, kind: "full" | "delta"): Response {
  const gzip = /\bgzip\b/.test(req.headers.get("accept-encoding") ?? "");
  const headers = {
    "Content-Type": "application/octet-stream",
    ETag: etag,
    Vary: "Accept-Encoding",
    "X-Map-Answer": kind,
  };
  return new Response(new Uint8Array(gzip ? body.gzip : body.bytes), { headers });
}

/** The binary answer for `input` (the filters, `posture`, and `since`, the version the caller holds). */
export async function fleetMapBinary(
  ctx: Ctx,
  input: Record<string, unknown>,
  req: Request,
): Promise<Response> {
  const query = mapQuery(ctx, input);
  const { since } = parseInput(BinaryQuery, input);
  const key = JSON.stringify(query);
  const map = await sharedFleetMap(query);
  const kept = remember(key, map);
  const etag = etagOf(map);
  if (matchesEtag(req.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag } });
  }
  const base = since ? kept.find((m) => m.version === since) : undefined;
  const delta = base && base !== map ? map.deltaBody(base) : null;
  return delta ? send(req, delta, etag, "delta") : send(req, map.fullBody(), etag, "full");
}

const LookupQuery = z.object({
  layout: z.string().max(40).optional(),
  at: z
    .string()
    .max(2_000)
    .regex(/^\d+(,\d+)*$/, "is not a list of map indexes")
    .optional(),
  slug: z.string().max(120).optional(),
});

export type MapLookup = {
  layout: string;
  items: { at: number; slug: string; name: string; status: MapStatus }[];
};

/**
 * The satellites behind map indexes (`at`, within `layout`), or a satellite's index by its slug: the bulk
 * answer carries no names. Asked with the map's own query, so it answers only what that map shows. A layout
 * that has moved on is a conflict: the caller reloads the map and asks again.
 */
export async function mapLookup(ctx: Ctx, input: Record<string, unknown>): Promise<MapLookup> {
  const query: MapQuery = mapQuery(ctx, input);
  const lookup = parseInput(LookupQuery, input);
  const map = await sharedFleetMap(query);
  if (lookup.layout && lookup.layout !== map.layout) {
    throw new AppError("CONFLICT", "The map has changed since it was drawn: reload it and try again.");
  }
  const item = (at: number) => ({
    at,
    slug: map.rows[at].slug,
    name: map.rows[at].name,
    status: MAP_STATUSES[map.cols.status[at]] ?? "unknown",
  });
  const at = (lookup.at?.split(",").map(Number) ?? []).filter((i) => i < map.meta.count).slice(0, 500);
  const items = at.map(item);
  if (lookup.slug) {
    const i = map.rows.findIndex((r) => r.slug === lookup.slug);
    if (i >= 0) items.push(item(i));
  }
  return { layout: map.layout, items };
}
