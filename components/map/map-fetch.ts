import { HttpError, SignedOutError } from "@/lib/fetch-json";
import { applyDelta, decodeMap, type MapMeta } from "@/lib/fleet-map-wire";
import type { MapData } from "./map-data";

// The overview's poll: the binary map (lib/fleet-map-wire.ts), and after the first answer only what changed
// since the version held. A delta is applied to the columns in place, so a poll never decodes or allocates
// the whole fleet again; an unchanged fleet answers 304 and hands back the very same object.

export type FleetMapData = MapData & { meta: MapMeta };

const KEEP_CHANGES = 8;
const held = new Map<string, FleetMapData>();

async function failure(res: Response, unauthorized: string): Promise<Error> {
  if (res.status === 401) return new SignedOutError(unauthorized);
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new HttpError(
    body?.error?.message ?? `The map data could not be loaded (HTTP ${res.status}).`,
    res.status,
  );
}

/** The answer comes gzip'd as its body (server/map/map-answer.ts): unzipped by the browser's own stream. */
async function unzipped(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `query` is the map's own query string (filters, posture); one held map per query. */
export async function fetchFleetMap(query: string, unauthorized: string): Promise<FleetMapData> {
  const last = held.get(query);
  const params = new URLSearchParams(query);
  params.set("format", "bin");
  if (last) params.set("since", last.meta.version);
  const res = await fetch(`/api/v1/map?${params}`, {
    cache: "no-store",
    headers: last ? { "If-None-Match": `"m-${last.meta.version}"` } : {},
  });
  if (res.status === 304 && last) return last;
  if (!res.ok) throw await failure(res, unauthorized);
  const answer = decodeMap(await unzipped(new Uint8Array(await res.arrayBuffer())));
  let next: FleetMapData;
  // Another poll of the same query may have answered meanwhile: what is held now is what a delta applies to.
  const current = held.get(query);
  if (answer.kind === "delta") {
    if (current?.meta.version === answer.meta.version) return current;
    if (!current || current.meta.version !== answer.base || current.meta.layout !== answer.meta.layout) {
      held.delete(query);
      return fetchFleetMap(query, unauthorized);
    }
    const index = applyDelta(current.cols, answer);
    const seq = current.seq + 1;
    next = {
      meta: answer.meta,
      cols: current.cols,
      seq,
      changes: [...current.changes, { seq, index }].slice(-KEEP_CHANGES),
    };
  } else {
    // A new seq with no recorded changes: the map loads it whole.
    next = { meta: answer.meta, cols: answer.cols, seq: (current?.seq ?? 0) + 1, changes: [] };
  }
  held.set(query, next);
  return next;
}
