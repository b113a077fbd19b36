import type { MapColumns, MapMeta } from "@/lib/fleet-map-wire";

// What the map draws, as columns: one feature per index, whose id is that index for the life of a layout, so
// a live update touches only the satellites that changed and never rebuilds the other 100,000.

export type MapData = {
  meta: Pick<MapMeta, "layout" | "count">;
  cols: MapColumns;
  /** Counts the answers applied to `cols` since its layout was loaded. */
  seq: number;
  /** The indexes each recent answer changed, by its seq: what an update sends to the map. */
  changes: { seq: number; index: Uint32Array }[];
  /** Slugs in index order, when the caller has them (a rollout's own map); the overview looks them up. */
  slugs?: readonly string[];
  names?: readonly string[];
};

export type SatelliteProps = {
  i: number;
  region: number;
  status: number;
  bw: number;
  rollout: number;
  posture: number;
  slug?: string;
  name?: string;
};
export type SatelliteFeature = GeoJSON.Feature<GeoJSON.Point, SatelliteProps>;

function propsOf(data: MapData, i: number): SatelliteProps {
  const c = data.cols;
  const p: SatelliteProps = {
    i,
    region: c.region[i],
    status: c.status[i],
    bw: c.bw[i],
    rollout: c.rollout[i],
    posture: c.posture ? c.posture[i] : 0,
  };
  if (data.slugs) p.slug = data.slugs[i];
  if (data.names) p.name = data.names[i];
  return p;
}

function featureOf(data: MapData, i: number): SatelliteFeature {
  const { cols } = data;
  return {
    type: "Feature",
    id: i,
    geometry: { type: "Point", coordinates: [cols.lon[i] / 100, cols.lat[i] / 100] },
    properties: propsOf(data, i),
  };
}

export function allFeatures(data: MapData): SatelliteFeature[] {
  const out = new Array<SatelliteFeature>(data.meta.count);
  for (let i = 0; i < out.length; i++) out[i] = featureOf(data, i);
  return out;
}

/** What the map shows of a layout: its name and the last answer applied. */
export type ShownData = { layout: string | null; seq: number };

export function emptyShown(): ShownData {
  return { layout: null, seq: -1 };
}

/**
 * The changed satellites, whole, that bring the map from `shown` to `data`, or null when only a full load will
 * do (a new layout, or answers the map missed). `shown` is moved to `data` either way.
 *
 * Whole features replace their namesakes (same id, so a satellite keeps its index) rather than going as
 * property updates: maplibre's worker applies property updates one satellite at a time over the whole
 * fleet (seconds for 3,000 of 100,000), and replacements in one pass.
 */
export function updatesFor(shown: ShownData, data: MapData): SatelliteFeature[] | null {
  const from = shown.seq;
  const same = shown.layout === data.meta.layout;
  shown.layout = data.meta.layout;
  shown.seq = data.seq;
  if (!same) return null;
  if (from === data.seq) return [];
  const touched = new Set<number>();
  for (let seq = from + 1; seq <= data.seq; seq++) {
    const change = data.changes.find((c) => c.seq === seq);
    if (!change) return null;
    for (const i of change.index) touched.add(i);
  }
  return [...touched].map((i) => featureOf(data, i));
}

export type PlainBounds = [[number, number], [number, number]];

/** Fit to points without assuming the fleet is one blob: a fleet on every continent shows the world. */
export function boundsOf(
  cols: Pick<MapColumns, "lon" | "lat">,
  at?: ArrayLike<number> | null,
): PlainBounds | null {
  const n = at ? at.length : cols.lon.length;
  if (n === 0) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let north = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = at ? at[k] : k;
    const lon = cols.lon[i] / 100;
    const lat = cols.lat[i] / 100;
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > north) north = lat;
  }
  return [
    [w, s],
    [e, north],
  ];
}
