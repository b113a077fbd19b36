// The fleet map's binary wire format, shared by the endpoint and the browser. At 100,000 satellites the JSON
// columns cost ~25 B a satellite gzip; this costs a few: satellites are ordered along a Hilbert curve, so
// each coordinate is a small step from the one before, and every other column is one byte.
import type { FleetMapKpis, FleetMapPayload } from "./fleet-map";

/** One entry per satellite, in the payload's order (its index is the satellite's place on the map). */
export type MapColumns = {
  /** Hundredths of a degree (about 1 km). */
  lon: Int32Array;
  lat: Int32Array;
  /** Index into `regions`; -1 for none. */
  region: Int16Array;
  /** Index into MAP_STATUSES. */
  status: Uint8Array;
  /** Whole percent of the contracted link, capped at 254; -1 without a live figure. */
  bw: Int16Array;
  /** Index into MAP_ROLLOUT_STATES. */
  rollout: Uint8Array;
  /** Index into MAP_POSTURES; only when posture was asked for. */
  posture: Uint8Array | null;
};

/** What travels beside the columns, as JSON: small and per answer. */
export type MapMeta = {
  regions: FleetMapPayload["regions"];
  policies?: FleetMapPayload["policies"];
  kpis: FleetMapKpis;
  /** Names the satellites and their order: index lookups and deltas are valid only within one layout. */
  layout: string;
  /** Names these values: the token a delta is asked against. */
  version: string;
  count: number;
};

export type MapFull = { kind: "full"; meta: MapMeta; cols: MapColumns };
/** The satellites whose values changed since `base`, by index, with their new values (lon/lat unused). */
export type MapDelta = { kind: "delta"; meta: MapMeta; base: string; index: Uint32Array; cols: MapColumns };
export type MapAnswer = MapFull | MapDelta;

const MAGIC = [0x4f, 0x4d, 1]; // "OM", format 1
const FULL = 1;
const DELTA = 2;
const NO_BW = 255;

export function emptyColumns(n: number, withPosture: boolean): MapColumns {
  return {
    lon: new Int32Array(n),
    lat: new Int32Array(n),
    region: new Int16Array(n),
    status: new Uint8Array(n),
    bw: new Int16Array(n),
    rollout: new Uint8Array(n),
    posture: withPosture ? new Uint8Array(n) : null,
  };
}

class Writer {
  buf = new Uint8Array(1 << 16);
  n = 0;
  private room(k: number) {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  byte(b: number) {
    this.room(1);
    this.buf[this.n++] = b;
  }
  varint(v: number) {
    this.room(5);
    while (v >= 0x80) {
      this.buf[this.n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.n++] = v;
  }
  /** Zigzag: small steps either way stay one byte. */
  signed(v: number) {
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  bytes(b: Uint8Array) {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

class Reader {
  i = 0;
  constructor(private readonly buf: Uint8Array) {}
  byte(): number {
    if (this.i >= this.buf.length) throw new Error("The map answer ended early.");
    return this.buf[this.i++];
  }
  varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  }
  bytes(n: number): Uint8Array {
    if (this.i + n > this.buf.length) throw new Error("The map answer ended early.");
    const out = this.buf.subarray(this.i, this.i + n);
    this.i += n;
    return out;
  }
}

/** The one-byte value columns, column by column (each compresses best beside its own kind). */
function writeValues(w: Writer, cols: MapColumns, at: ArrayLike<number>) {
  const m = at.length;
  for (let k = 0; k < m; k++) w.byte(cols.region[at[k]] + 1);
  for (let k = 0; k < m; k++) w.byte(cols.status[at[k]]);
  for (let k = 0; k < m; k++) {
    const bw = cols.bw[at[k]];
    w.byte(bw < 0 ? NO_BW : Math.min(bw, NO_BW - 1));
  }
  for (let k = 0; k < m; k++) w.byte(cols.rollout[at[k]]);
  if (cols.posture) for (let k = 0; k < m; k++) w.byte(cols.posture[at[k]]);
}

function readValues(r: Reader, cols: MapColumns, m: number) {
  const region = r.bytes(m);
  for (let k = 0; k < m; k++) cols.region[k] = region[k] - 1;
  cols.status.set(r.bytes(m));
  const bw = r.bytes(m);
  for (let k = 0; k < m; k++) cols.bw[k] = bw[k] === NO_BW ? -1 : bw[k];
  cols.rollout.set(r.bytes(m));
  if (cols.posture) cols.posture.set(r.bytes(m));
}

function writeHeader(w: Writer, kind: number, meta: object) {
  for (const b of MAGIC) w.byte(b);
  w.byte(kind);
  const json = new TextEncoder().encode(JSON.stringify(meta));
  w.varint(json.length);
  w.bytes(json);
}

export function encodeFull(meta: MapMeta, cols: MapColumns): Uint8Array {
  const w = new Writer();
  writeHeader(w, FULL, { ...meta, posture: cols.posture !== null });
  const n = meta.count;
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < n; i++) {
    w.signed(cols.lon[i] - lon);
    lon = cols.lon[i];
  }
  for (let i = 0; i < n; i++) {
    w.signed(cols.lat[i] - lat);
    lat = cols.lat[i];
  }
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  writeValues(w, cols, identity);
  return w.done();
}

/** `index` ascending: the satellites (in `cols`' order) whose values differ from `base`. */
export function encodeDelta(meta: MapMeta, base: string, cols: MapColumns, index: Uint32Array): Uint8Array {
  const w = new Writer();
  writeHeader(w, DELTA, { ...meta, base, changed: index.length, posture: cols.posture !== null });
  let prev = 0;
  for (let k = 0; k < index.length; k++) {
    w.varint(index[k] - prev);
    prev = index[k];
  }
  writeValues(w, cols, index);
  return w.done();
}

/**
 * A column of zigzag varint steps, from byte `at`; returns where it ends. Inlined over the bytes: at 100,000
 * satellites it is most of the decode, which runs on the page's main thread.
 */
function readSteps(buf: Uint8Array, at: number, out: Int32Array): number {
  let v = 0;
  for (let i = 0; i < out.length; i++) {
    let z = 0;
    let shift = 0;
    for (;;) {
      if (at >= buf.length) throw new Error("The map answer ended early.");
      const b = buf[at++];
      z += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    v += z % 2 === 1 ? -(z + 1) / 2 : z / 2;
    out[i] = v;
  }
  return at;
}

export function decodeMap(bytes: Uint8Array): MapAnswer {
  const r = new Reader(bytes);
  for (const b of MAGIC)
    if (r.byte() !== b) throw new Error("The map answer is not in a format this page reads.");
  const kind = r.byte();
  const head = JSON.parse(new TextDecoder().decode(r.bytes(r.varint()))) as MapMeta & {
    posture: boolean;
    base?: string;
    changed?: number;
  };
  const { posture, base, changed, ...meta } = head;
  if (kind === FULL) {
    const n = meta.count;
    const cols = emptyColumns(n, posture);
    r.i = readSteps(bytes, r.i, cols.lon);
    r.i = readSteps(bytes, r.i, cols.lat);
    readValues(r, cols, n);
    return { kind: "full", meta, cols };
  }
  if (kind !== DELTA || base === undefined || changed === undefined) throw new Error("Unknown map answer.");
  const index = new Uint32Array(changed);
  let at = 0;
  for (let k = 0; k < changed; k++) index[k] = at += r.varint();
  const cols = emptyColumns(changed, posture);
  readValues(r, cols, changed);
  return { kind: "delta", meta, base, index, cols };
}

/**
 * Applies a delta to the columns it was asked against, in place; `cols` must hold `delta.base`. Returns the
 * indexes that changed.
 */
export function applyDelta(cols: MapColumns, delta: MapDelta): Uint32Array {
  const d = delta.cols;
  for (let k = 0; k < delta.index.length; k++) {
    const i = delta.index[k];
    cols.region[i] = d.region[k];
    cols.status[i] = d.status[k];
    cols.bw[i] = d.bw[k];
    cols.rollout[i] = d.rollout[k];
    if (cols.posture && d.posture) cols.posture[i] = d.posture[k];
  }
  return delta.index;
}
