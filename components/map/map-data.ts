import { LngLatBounds, type GeoJSONSourceDiff } from "maplibre-gl";
import type { FleetMapPoint } from "@/lib/fleet-map";

export type SatelliteFeature = GeoJSON.Feature<GeoJSON.Point, Omit<FleetMapPoint, "lon" | "lat">>;

/** What the map shows: each satellite's feature id and the key of the values it was drawn with. */
export type ShownPoints = { ids: Map<string, number>; keys: Map<string, string>; nextId: number };

export function emptyShown(): ShownPoints {
  return { ids: new Map(), keys: new Map(), nextId: 1 };
}

function toFeature(p: FleetMapPoint, id: number): SatelliteFeature {
  return {
    type: "Feature",
    id,
    geometry: { type: "Point", coordinates: [p.lon, p.lat] },
    properties: {
      slug: p.slug,
      name: p.name,
      region: p.region,
      status: p.status,
      bw: p.bw,
      rollout: p.rollout,
      posture: p.posture ?? 0,
    },
  };
}

const keyOf = (p: FleetMapPoint) =>
  `${p.lon},${p.lat},${p.name},${p.region},${p.status},${p.bw},${p.rollout},${p.posture ?? 0}`;

export type PointsDiff = {
  add: SatelliteFeature[];
  update: NonNullable<GeoJSONSourceDiff["update"]>;
  remove: number[];
};

/**
 * The changes that turn what the map shows into `points`; `shown` is updated to match. A satellite keeps
 * its feature id for the life of the map, so an update touches only the satellites that changed.
 */
export function diffPoints(shown: ShownPoints, points: FleetMapPoint[]): PointsDiff {
  const before = shown.keys;
  const after = new Map<string, string>();
  const diff: PointsDiff = { add: [], update: [], remove: [] };
  for (const p of points) {
    const key = keyOf(p);
    after.set(p.slug, key);
    const prev = before.get(p.slug);
    if (prev === key) continue;
    let id = shown.ids.get(p.slug);
    if (id === undefined) {
      id = shown.nextId++;
      shown.ids.set(p.slug, id);
    }
    const f = toFeature(p, id);
    if (prev === undefined) {
      diff.add.push(f);
    } else {
      diff.update.push({
        id,
        newGeometry: f.geometry,
        addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })),
      });
    }
  }
  for (const slug of before.keys()) {
    if (!after.has(slug)) diff.remove.push(shown.ids.get(slug) as number);
  }
  shown.keys = after;
  return diff;
}

/** Fit to points without assuming the fleet is one blob: a fleet on every continent shows the world. */
export function boundsOf(points: FleetMapPoint[]): LngLatBounds | null {
  if (points.length === 0) return null;
  const bounds = new LngLatBounds();
  for (const p of points) bounds.extend([p.lon, p.lat]);
  return bounds;
}
