import type { ExpressionSpecification, Map as MapLibre, StyleSpecification } from "maplibre-gl";
import { BASEMAP, type RegionColor, type Theme } from "./map-colors";

export type MapRegion = RegionColor & { countries: string[] };

export const SOURCE = "satellites";
export const CLUSTER_MAX_ZOOM = 11;
export const LAYERS = {
  clusters: "sat-clusters",
  count: "sat-cluster-count",
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

export function tintColor(regions: MapRegion[]): ExpressionSpecification {
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const r of regions) {
    for (const iso of r.countries) {
      if (seen.has(iso)) continue;
      seen.add(iso);
      pairs.push(iso, r.color);
    }
  }
  if (pairs.length === 0) return ["literal", "rgba(0,0,0,0)"] as unknown as ExpressionSpecification;
  return ["match", ["get", "iso"], ...pairs, "rgba(0,0,0,0)"] as unknown as ExpressionSpecification;
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
    map.addLayer({ id: "land", type: "fill", source: "countries", paint: { "fill-color": c.land } });
  }
  map.addLayer({
    id: LAYERS.tint,
    type: "fill",
    source: "countries",
    paint: { "fill-color": "rgba(0,0,0,0)", "fill-opacity": c.tint },
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

export function addSatellites(map: MapLibre, theme: Theme) {
  const stroke = BASEMAP[theme].stroke;
  map.addSource(SOURCE, {
    type: "geojson",
    data: { type: "FeatureCollection", features: [] },
    cluster: true,
    clusterRadius: 42,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterProperties: {
      worst: ["max", ["get", "status"]],
      bwMax: ["max", ["get", "bw"]],
      regionMin: ["min", ["get", "region"]],
      regionMax: ["max", ["get", "region"]],
      rolloutWorst: ["max", ["get", "rollout"]],
    },
  });
  map.addLayer({
    id: LAYERS.clusters,
    type: "circle",
    source: SOURCE,
    filter: ["has", "point_count"],
    paint: {
      "circle-color": "#94a3b8",
      "circle-radius": ["step", ["get", "point_count"], 12, 10, 15, 50, 19, 250, 24, 1000, 29],
      "circle-stroke-width": 2,
      "circle-stroke-color": stroke,
      "circle-opacity": 0.92,
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
    // Dark figures with a light halo read on every cluster colour, amber and yellow included.
    paint: { "text-color": "#0b1220", "text-halo-color": "rgba(255,255,255,0.75)", "text-halo-width": 1.2 },
  });
  map.addLayer({
    id: LAYERS.points,
    type: "circle",
    source: SOURCE,
    filter: ["!", ["has", "point_count"]],
    paint: {
      "circle-color": "#94a3b8",
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 1, 4.5, 6, 6.5, 12, 8],
      "circle-stroke-width": 1.5,
      "circle-stroke-color": stroke,
    },
  });
  map.addLayer({
    id: LAYERS.selected,
    type: "circle",
    source: SOURCE,
    filter: ["==", ["get", "slug"], ""],
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 1, 9, 12, 13],
      "circle-color": "rgba(0,0,0,0)",
      "circle-stroke-width": 3,
      "circle-stroke-color": "#6366f1",
    },
  });
}

/** Repaints the basemap and the satellites' outlines when the console's theme changes. */
export function applyTheme(map: MapLibre, theme: Theme, ownBasemap: boolean) {
  if (!map.isStyleLoaded()) return;
  const c = BASEMAP[theme];
  if (ownBasemap) {
    map.setPaintProperty("background", "background-color", c.ocean);
    map.setPaintProperty("land", "fill-color", c.land);
    map.setPaintProperty("borders", "line-color", c.border);
  }
  map.setPaintProperty(LAYERS.tint, "fill-opacity", c.tint);
  map.setPaintProperty(LAYERS.clusters, "circle-stroke-color", c.stroke);
  map.setPaintProperty(LAYERS.points, "circle-stroke-color", c.stroke);
}
