import type {
  ExpressionSpecification,
  GeoJSONSource,
  Map as MapLibre,
  StyleSpecification,
} from "maplibre-gl";
import type { ColorMode } from "@/lib/fleet-map";
import {
  badgeImageExpression,
  badgeTextExpression,
  ringImageExpression,
  statusCountProperties,
  unhealthyExpression,
} from "./cluster-ring";
import { BASEMAP, clusterColor, pointColor, type RegionColor, type Theme } from "./map-colors";
import { TINT, tintColor, tintFilter, type MapRegion } from "./region-tint";
import { RING_CENTER, RING_RADIUS } from "./ring-image";

export type { MapRegion } from "./region-tint";

export const SOURCE = "satellites";
export const CLUSTER_MAX_ZOOM = 11;
export const LAYERS = {
  clusters: "sat-clusters",
  ring: "sat-cluster-ring",
  count: "sat-cluster-count",
  badge: "sat-cluster-badge",
  points: "sat-points",
  selected: "sat-selected",
  tint: "region-tint",
} as const;

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function absolute(path: string): string {
  return new URL(path, window.location.href).href;
}

export function offlineStyle(theme: Theme): StyleSpecification {
  const c = BASEMAP[theme];
  return {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": c.ocean } }],
  };
}

/** Country shapes from the basemap endpoint; land and borders only when Orrery draws the whole basemap. */
export function addBasemap(map: MapLibre, theme: Theme, withLand: boolean) {
  const c = BASEMAP[theme];
  map.addSource("countries", { type: "geojson", data: absolute("/api/v1/map/basemap") });
  if (withLand) {
    // No antialiased outline: the borders above draw every country's edge.
    map.addLayer({
      id: "land",
      type: "fill",
      source: "countries",
      paint: { "fill-color": c.land, "fill-antialias": false },
    });
  }
  map.addLayer({
    id: LAYERS.tint,
    type: "fill",
    source: "countries",
    filter: tintFilter([]),
    paint: {
      "fill-color": "rgba(0,0,0,0)",
      "fill-opacity": TINT[theme].opacity,
      // Where Orrery draws the borders they outline the tint too; over a deployment's own style, keep it.
      "fill-antialias": !withLand,
    },
  });
  if (withLand) {
    map.addLayer({
      id: "borders",
      type: "line",
      source: "countries",
      paint: { "line-color": c.border, "line-width": 0.6 },
    });
  }
}

/** A cluster's radius by its member count; the health ring is scaled to the same size. */
const CLUSTER_RADIUS = [12, 10, 15, 50, 19, 250, 24, 1000, 29] as const;
const CLUSTER_STROKE = 2;
const clusterRadius = [
  "step",
  ["get", "point_count"],
  ...CLUSTER_RADIUS,
] as unknown as ExpressionSpecification;
const ringSize = [
  "step",
  ["get", "point_count"],
  ...CLUSTER_RADIUS.map((v, i) => (i % 2 === 0 ? (v + CLUSTER_STROKE) / RING_RADIUS : v)),
] as unknown as ExpressionSpecification;
/**
 * The badge hangs on the ring's edge at half past ten, clear of the count in the middle and of the arcs,
 * which start at twelve and run clockwise.
 */
const badgeOffset = (unit: number) =>
  [
    "step",
    ["get", "point_count"],
    ...CLUSTER_RADIUS.map((v, i) =>
      i % 2 === 0 ? ["literal", [-(v * 0.75 + 7) / unit, -(v * 0.75) / unit]] : v,
    ),
  ] as unknown as ExpressionSpecification;
const BADGE_TEXT_SIZE = 10;

type ClusterProperties = Record<string, ExpressionSpecification>;

/**
 * What clusters add up in each colour mode: every mode's tooltip lists the status mix, and each mode adds
 * only what its own colour reads. Every property is one more expression per merge when maplibre's worker
 * re-clusters the fleet, which it does for each live update (seconds at 100,000 satellites).
 */
export function clusterPropertiesFor(mode: ColorMode): ClusterProperties {
  const own: Record<ColorMode, ClusterProperties> = {
    health: {},
    bandwidth: { bwMax: ["max", ["get", "bw"]] as unknown as ExpressionSpecification },
    region: {
      regionMin: ["min", ["get", "region"]] as unknown as ExpressionSpecification,
      regionMax: ["max", ["get", "region"]] as unknown as ExpressionSpecification,
    },
    rollout: { rolloutWorst: ["max", ["get", "rollout"]] as unknown as ExpressionSpecification },
    posture: { postureWorst: ["max", ["get", "posture"]] as unknown as ExpressionSpecification },
  };
  return { ...statusCountProperties(), ...own[mode] };
}

const sameKeys = (a: object | undefined, b: object) =>
  !!a && Object.keys(a).sort().join() === Object.keys(b).sort().join();

/**
 * Makes the clusters add up what `mode` draws. Resolves true once the worker has re-clustered with them (at
 * once, false, when they already do): until then a cluster lacks the new mode's figure.
 */
export async function clusterFor(map: MapLibre, mode: ColorMode): Promise<boolean> {
  const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
  const wanted = clusterPropertiesFor(mode);
  if (!source || sameKeys(source.workerOptions.clusterProperties, wanted)) return false;
  source.workerOptions.clusterProperties = wanted as NonNullable<
    GeoJSONSource["workerOptions"]["clusterProperties"]
  >;
  await source.setClusterOptions({ cluster: true });
  return true;
}

export function addSatellites(map: MapLibre, theme: Theme, mode: ColorMode) {
  const stroke = BASEMAP[theme].stroke;
  map.addSource(SOURCE, {
    type: "geojson",
    data: { type: "FeatureCollection", features: [] },
    cluster: true,
    clusterRadius: 42,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    // Past the last clustered zoom the points only spread out: deeper tiles are the same ones magnified.
    maxzoom: CLUSTER_MAX_ZOOM + 1,
    // A tile carries the features this far (px) past its edge, so a cluster on the edge is drawn whole: the
    // largest disc and its badge reach about 45 px from their centre. The default, 128, makes every tile
    // carry and lay out half again as many clusters.
    buffer: 64,
    clusterProperties: clusterPropertiesFor(mode),
  });
  // The plain circle is every mode's click and hover target; in health mode the ring above draws it.
  map.addLayer({
    id: LAYERS.clusters,
    type: "circle",
    source: SOURCE,
    filter: ["has", "point_count"],
    paint: {
      "circle-color": "#94a3b8",
      "circle-radius": clusterRadius,
      "circle-stroke-width": CLUSTER_STROKE,
      "circle-stroke-color": stroke,
      "circle-opacity": 0.92,
    },
  });
  map.addLayer({
    id: LAYERS.ring,
    type: "symbol",
    source: SOURCE,
    filter: ["has", "point_count"],
    layout: {
      "icon-image": ringImageExpression(theme),
      "icon-size": ringSize,
      "icon-allow-overlap": true,
      "icon-ignore-placement": true,
    },
  });
  map.addLayer({
    id: LAYERS.count,
    type: "symbol",
    source: SOURCE,
    filter: ["has", "point_count"],
    layout: {
      "text-field": ["get", "point_count_abbreviated"],
      "text-size": 12,
      "text-allow-overlap": true,
      "text-ignore-placement": true,
    },
  });
  // How many members are not healthy, in the colour of the worst of them (health mode only).
  map.addLayer({
    id: LAYERS.badge,
    type: "symbol",
    source: SOURCE,
    filter: ["all", ["has", "point_count"], [">", unhealthyExpression(), 0]],
    layout: {
      "icon-image": badgeImageExpression(),
      "icon-offset": badgeOffset(1),
      "text-field": badgeTextExpression(),
      "text-size": BADGE_TEXT_SIZE,
      "text-offset": badgeOffset(BADGE_TEXT_SIZE),
      "icon-allow-overlap": true,
      "icon-ignore-placement": true,
      "text-allow-overlap": true,
      "text-ignore-placement": true,
    },
    paint: { "text-color": "#ffffff" },
  });
  map.addLayer({
    id: LAYERS.points,
    type: "circle",
    source: SOURCE,
    filter: ["!", ["has", "point_count"]],
    paint: {
      "circle-color": "#94a3b8",
      // At least 12 px across at every zoom (plus the outline), so a single satellite is easy to click.
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 1, 6, 6, 7, 12, 8.5],
      "circle-stroke-width": 1.5,
      "circle-stroke-color": stroke,
    },
  });
  map.addLayer({
    id: LAYERS.selected,
    type: "circle",
    source: SOURCE,
    filter: ["==", ["get", "i"], -1],
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 1, 10.5, 12, 13.5],
      "circle-color": "rgba(0,0,0,0)",
      "circle-stroke-width": 3,
      "circle-stroke-color": "#6366f1",
    },
  });
}

/**
 * What depends on the colour mode and the theme: in health mode clusters are rings with the count on a
 * plain disc; in the other modes a cluster is one colour (its busiest link, its region, its worst rollout
 * state) with dark figures on a light halo, which read on every such colour.
 */
export function paintSatellites(map: MapLibre, mode: ColorMode, regions: RegionColor[], theme: Theme) {
  const isRing = mode === "health";
  map.setPaintProperty(LAYERS.points, "circle-color", pointColor(mode, regions));
  map.setPaintProperty(LAYERS.points, "circle-stroke-color", BASEMAP[theme].stroke);
  map.setPaintProperty(LAYERS.clusters, "circle-color", clusterColor(mode, regions));
  map.setPaintProperty(LAYERS.clusters, "circle-opacity", isRing ? 0 : 0.92);
  map.setPaintProperty(LAYERS.clusters, "circle-stroke-opacity", isRing ? 0 : 1);
  map.setPaintProperty(LAYERS.clusters, "circle-stroke-color", BASEMAP[theme].stroke);
  map.setLayoutProperty(LAYERS.ring, "visibility", isRing ? "visible" : "none");
  map.setLayoutProperty(LAYERS.badge, "visibility", isRing ? "visible" : "none");
  map.setLayoutProperty(LAYERS.ring, "icon-image", ringImageExpression(theme));
  map.setPaintProperty(LAYERS.count, "text-color", isRing ? RING_CENTER[theme].text : "#0b1220");
  map.setPaintProperty(LAYERS.count, "text-halo-color", isRing ? "rgba(0,0,0,0)" : "rgba(255,255,255,0.75)");
  map.setPaintProperty(LAYERS.count, "text-halo-width", isRing ? 0 : 1.2);
}

/** Repaints the basemap and the region tint when the console's theme changes (the satellites: above). */
export function applyBasemapTheme(map: MapLibre, theme: Theme, ownBasemap: boolean, regions: MapRegion[]) {
  const c = BASEMAP[theme];
  if (ownBasemap) {
    map.setPaintProperty("background", "background-color", c.ocean);
    map.setPaintProperty("land", "fill-color", c.land);
    map.setPaintProperty("borders", "line-color", c.border);
  }
  map.setPaintProperty(LAYERS.tint, "fill-opacity", TINT[theme].opacity);
  map.setPaintProperty(LAYERS.tint, "fill-color", tintColor(regions, theme));
}
