import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FleetMapPayload } from "@/lib/fleet-map";
import { encodeDelta, encodeFull, type MapColumns, type MapMeta } from "@/lib/fleet-map-wire";
import { tagJson, type TaggedJson } from "../cache/tagged-json";
import type { LatestSatellite } from "../fleet-state";

// One built map: its columns, computed once, and each way of answering them made on first use and kept.

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Names the satellites, their order and places: content, so every replica names the same layout alike. */
export function layoutOf(ids: readonly string[], cols: MapColumns): string {
  const h = createHash("sha1");
  for (const id of ids) h.update(id).update("\n");
  h.update(bytesOf(cols.lon)).update(bytesOf(cols.lat));
  return h.digest("base64url").slice(0, 16);
}

/** Names the values: anything a reader sees (a status, a count, a region's colour) moves it. */
export function versionOf(meta: Omit<MapMeta, "version">, cols: MapColumns): string {
  const h = createHash("sha1").update(JSON.stringify(meta));
  for (const c of [cols.region, cols.status, cols.bw, cols.rollout]) h.update(bytesOf(c));
  if (cols.posture) h.update(bytesOf(cols.posture));
  return h.digest("base64url").slice(0, 16);
}

export type Body = { bytes: Uint8Array; gzip: Uint8Array };
const body = (bytes: Uint8Array): Body => ({ bytes, gzip: gzipSync(bytes, { level: 6 }) });

/** A delta costs more than the whole past this share of the fleet changed. */
const DELTA_MAX_SHARE = 0.25;

export class FleetMap {
  private tagged: (TaggedJson & { payload: FleetMapPayload }) | null = null;
  private full: Body | null = null;
  private readonly deltas = new Map<string, Body | null>();

  constructor(
    readonly meta: MapMeta,
    readonly cols: MapColumns,
    readonly ids: readonly string[],
    readonly rows: readonly LatestSatellite[],
  ) {}

  get version(): string {
    return this.meta.version;
  }

  get layout(): string {
    return this.meta.layout;
  }

  /** The JSON columns, as the REST answer and scripts read them (with slugs and names). */
  get payload(): FleetMapPayload {
    return this.jsonAnswer().payload;
  }

  get etag(): string {
    return this.jsonAnswer().etag;
  }

  get json(): string {
    return this.jsonAnswer().json;
  }

  /** Serialised once, with its ETag, as route() answers it. */
  jsonAnswer(): TaggedJson & { payload: FleetMapPayload } {
    if (this.tagged) return this.tagged;
    const { cols, meta } = this;
    const payload: FleetMapPayload = {
      regions: meta.regions,
      slug: this.rows.map((r) => r.slug),
      name: this.rows.map((r) => r.name),
      lon: Array.from(cols.lon),
      lat: Array.from(cols.lat),
      region: Array.from(cols.region),
      status: Array.from(cols.status),
      bw: Array.from(cols.bw),
      rollout: Array.from(cols.rollout),
      ...(cols.posture && { posture: Array.from(cols.posture), policies: meta.policies }),
      kpis: meta.kpis,
    };
    this.tagged = { ...tagJson(payload), payload };
    return this.tagged;
  }

  /** The binary answer with everything. */
  fullBody(): Body {
    this.full ??= body(encodeFull(this.meta, this.cols));
    return this.full;
  }

  /** The changes from an earlier map of the same layout; null when the whole answer is the better one. */
  deltaBody(base: FleetMap): Body | null {
    if (base.layout !== this.layout || (base.cols.posture === null) !== (this.cols.posture === null))
      return null;
    if (this.deltas.has(base.version)) return this.deltas.get(base.version) ?? null;
    const a = base.cols;
    const b = this.cols;
    const changed: number[] = [];
    const limit = Math.max(16, this.meta.count * DELTA_MAX_SHARE);
    for (let i = 0; i < this.meta.count && changed.length <= limit; i++) {
      if (
        a.status[i] !== b.status[i] ||
        a.bw[i] !== b.bw[i] ||
        a.rollout[i] !== b.rollout[i] ||
        a.region[i] !== b.region[i] ||
        (a.posture && b.posture && a.posture[i] !== b.posture[i])
      )
        changed.push(i);
    }
    const answer =
      changed.length > limit
        ? null
        : body(encodeDelta(this.meta, base.version, b, Uint32Array.from(changed)));
    if (this.deltas.size >= 8) this.deltas.delete(this.deltas.keys().next().value!);
    this.deltas.set(base.version, answer);
    return answer;
  }
}
