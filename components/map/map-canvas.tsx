"use client";

import {
  getVersion,
  LngLatBounds,
  Map as MapLibre,
  NavigationControl,
  Popup,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type GeoJSONSourceDiff,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import {
  MAP_ROLLOUT_LABEL,
  MAP_ROLLOUT_STATES,
  MAP_STATUS_LABEL,
  MAP_STATUSES,
  type ColorMode,
  type FleetMapPoint,
} from "@/lib/fleet-map";
import { BASEMAP, clusterColor, pointColor, type RegionColor, type Theme } from "./map-colors";

declare global {
  interface Window {
    /** The overview's map, for end-to-end tests that query its rendered features. */
    orreryFleetMap?: MapLibre;
  }
}

setWorkerUrl(`/api/v1/map/worker?v=${getVersion()}`);

export type MapRegion = RegionColor & { countries: string[] };

type Props = {
  points: FleetMapPoint[] | null;
  regions: MapRegion[];
  mode: ColorMode;
  showRegions: boolean;
  selected: string | null;
  /** A deployment's own style; the offline basemap is drawn when there is none. */
  styleUrl: string | null;
  /** Bumped to fit the map to the current points. */
  fitRequest: number;
  /** The filters the points answer; the map fits itself once to each new set. */
  fitKey: string | null;
  onSelect: (slug: string) => void;
  onSelectGroup: (slugs: string[]) => void;
};

const SOURCE = "satellites";
const CLUSTER_MAX_ZOOM = 11;
const LAYERS = { clusters: "sat-clusters", count: "sat-cluster-count", points: "sat-points" } as const;

function currentTheme(): Theme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function absolute(path: string): string {
  return new URL(path, window.location.href).href;
}

function tintColor(regions: MapRegion[]): ExpressionSpecification {
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

function offlineStyle(theme: Theme): StyleSpecification {
  const c = BASEMAP[theme];
  return {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": c.ocean } }],
  };
}

/** Country shapes from the basemap endpoint; land and borders only when Orrery draws the whole basemap. */
function addBasemap(map: MapLibre, theme: Theme, withLand: boolean) {
  const c = BASEMAP[theme];
  map.addSource("countries", { type: "geojson", data: absolute("/api/v1/map/basemap") });
  if (withLand) {
    map.addLayer({ id: "land", type: "fill", source: "countries", paint: { "fill-color": c.land } });
  }
  map.addLayer({
    id: "region-tint",
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

function addSatellites(map: MapLibre, theme: Theme) {
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
    id: "sat-selected",
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

type Feature = GeoJSON.Feature<GeoJSON.Point, Omit<FleetMapPoint, "lon" | "lat">>;

function toFeature(p: FleetMapPoint, id: number): Feature {
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
    },
  };
}

const keyOf = (p: FleetMapPoint) =>
  `${p.lon},${p.lat},${p.name},${p.region},${p.status},${p.bw},${p.rollout}`;

/** Fit to points without assuming the fleet is one blob: a fleet on every continent shows the world. */
function boundsOf(points: FleetMapPoint[]): LngLatBounds | null {
  if (points.length === 0) return null;
  const bounds = new LngLatBounds();
  for (const p of points) bounds.extend([p.lon, p.lat]);
  return bounds;
}

function hoverContent(feature: MapGeoJSONFeature): HTMLElement {
  const box = document.createElement("div");
  box.className = "map-tip";
  const title = document.createElement("strong");
  const line = document.createElement("span");
  const props = feature.properties as Record<string, unknown>;
  if (props.cluster) {
    title.textContent = `${Number(props.point_count).toLocaleString("en")} satellites`;
    const worst = MAP_STATUSES[Number(props.worst)] ?? "unknown";
    line.textContent = `Worst: ${MAP_STATUS_LABEL[worst]} · click to zoom in`;
  } else {
    title.textContent = String(props.name);
    const status = MAP_STATUSES[Number(props.status)] ?? "unknown";
    const rollout = MAP_ROLLOUT_STATES[Number(props.rollout)] ?? "none";
    const bw = Number(props.bw);
    line.textContent = [
      MAP_STATUS_LABEL[status],
      bw >= 0 ? `link ${bw} %` : null,
      rollout !== "none" ? `rollout: ${MAP_ROLLOUT_LABEL[rollout]}` : null,
    ]
      .filter(Boolean)
      .join(" · ");
  }
  box.append(title, line);
  return box;
}

export default function MapCanvas(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ids = useRef(new Map<string, number>());
  const shown = useRef(new Map<string, string>());
  const nextId = useRef(1);
  const fittedKey = useRef<string | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  // The map is created once; data, colours and selection are applied to it by the effects below, so
  // live updates never recreate it and the viewport and the open panel survive every poll.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const theme = currentTheme();
    const styleUrl = latest.current.styleUrl;
    const idMap = ids.current;
    let map: MapLibre;
    try {
      map = new MapLibre({
        container: el,
        style: styleUrl ?? offlineStyle(theme),
        center: [10, 25],
        zoom: 1.2,
        minZoom: 0.6,
        maxZoom: 16,
        renderWorldCopies: false,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void Promise.resolve().then(() => setFailure(message));
      return;
    }
    mapRef.current = map;
    window.orreryFleetMap = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), "bottom-right");
    map.on("error", (e) => {
      if (e.error?.message?.includes("WebGL")) setFailure(e.error.message);
    });
    map.on("load", () => {
      addBasemap(map, theme, !styleUrl);
      addSatellites(map, theme);
      setLoaded(true);
    });

    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, maxWidth: "280px" });
    const hover = (e: { features?: MapGeoJSONFeature[]; lngLat: { lng: number; lat: number } }) => {
      const f = e.features?.[0];
      if (!f) return;
      map.getCanvas().style.cursor = "pointer";
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      popup.setLngLat([lon, lat]).setDOMContent(hoverContent(f)).addTo(map);
    };
    const leave = () => {
      map.getCanvas().style.cursor = "";
      popup.remove();
    };
    for (const layer of [LAYERS.points, LAYERS.clusters]) {
      map.on("mousemove", layer, hover);
      map.on("mouseleave", layer, leave);
    }
    map.on("click", LAYERS.points, (e) => {
      const slug = e.features?.[0]?.properties?.slug;
      if (typeof slug === "string") latest.current.onSelect(slug);
    });
    map.on("click", LAYERS.clusters, async (e) => {
      const f = e.features?.[0];
      if (!f) return;
      const source = map.getSource(SOURCE) as GeoJSONSource;
      const clusterId = Number(f.properties.cluster_id);
      const zoom = await source.getClusterExpansionZoom(clusterId);
      // Satellites in one building never separate: list them instead of zooming forever.
      if (zoom > CLUSTER_MAX_ZOOM || map.getZoom() >= CLUSTER_MAX_ZOOM) {
        const leaves = await source.getClusterLeaves(clusterId, 200, 0);
        latest.current.onSelectGroup(
          leaves.map((l) => String(l.properties?.slug)).filter((s) => s !== "undefined"),
        );
        return;
      }
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      map.easeTo({ center: [lon, lat], zoom, duration: 450 });
    });

    const themeWatch = new MutationObserver(() => applyTheme(map, currentTheme(), !styleUrl));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(el);

    return () => {
      themeWatch.disconnect();
      resize.disconnect();
      popup.remove();
      if (window.orreryFleetMap === map) delete window.orreryFleetMap;
      map.remove();
      mapRef.current = null;
      idMap.clear();
      shown.current = new Map();
      fittedKey.current = null;
    };
  }, []);

  // Data: a diff against what the map shows, so an update touches only the satellites that changed.
  const { points, fitKey } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !points) return;
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const before = shown.current;
    const after = new Map<string, string>();
    const add: Feature[] = [];
    const update: NonNullable<GeoJSONSourceDiff["update"]> = [];
    for (const p of points) {
      const key = keyOf(p);
      after.set(p.slug, key);
      const prev = before.get(p.slug);
      if (prev === key) continue;
      let id = ids.current.get(p.slug);
      if (id === undefined) {
        id = nextId.current++;
        ids.current.set(p.slug, id);
      }
      if (prev === undefined) {
        add.push(toFeature(p, id));
      } else {
        const f = toFeature(p, id);
        update.push({
          id,
          newGeometry: f.geometry,
          addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })),
        });
      }
    }
    const remove: number[] = [];
    for (const slug of before.keys()) {
      if (!after.has(slug)) remove.push(ids.current.get(slug) as number);
    }
    shown.current = after;
    if (before.size === 0) {
      void source.setData({ type: "FeatureCollection", features: add });
    } else if (add.length || update.length || remove.length) {
      void source.updateData({ add, update, remove });
    }
    if (fitKey !== null && fitKey !== fittedKey.current && points.length > 0) {
      const first = fittedKey.current === null;
      fittedKey.current = fitKey;
      const bounds = boundsOf(points);
      if (bounds) map.fitBounds(bounds, { padding: 48, maxZoom: first ? 6 : 9, duration: first ? 0 : 500 });
    }
  }, [points, fitKey, loaded]);

  const { mode, regions, showRegions, selected, fitRequest } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setPaintProperty(LAYERS.points, "circle-color", pointColor(mode, regions));
    map.setPaintProperty(LAYERS.clusters, "circle-color", clusterColor(mode, regions));
  }, [mode, regions, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setPaintProperty("region-tint", "fill-color", tintColor(regions));
    map.setLayoutProperty("region-tint", "visibility", showRegions ? "visible" : "none");
  }, [regions, showRegions, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setFilter("sat-selected", ["==", ["get", "slug"], selected ?? ""]);
  }, [selected, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || fitRequest === 0) return;
    const bounds = boundsOf(latest.current.points ?? []);
    if (bounds) map.fitBounds(bounds, { padding: 60, maxZoom: 9, duration: 500 });
  }, [fitRequest, loaded]);

  return (
    <div className="map-canvas" data-map-loaded={loaded ? "true" : undefined}>
      <div ref={container} className="map-surface" />
      {failure && (
        <div className="map-failure" role="alert">
          <strong>The map could not start.</strong>
          <span>{failure}</span>
          <span>The KPIs above and the Satellites list still show the fleet.</span>
        </div>
      )}
    </div>
  );
}

function applyTheme(map: MapLibre, theme: Theme, ownBasemap: boolean) {
  if (!map.isStyleLoaded()) return;
  const c = BASEMAP[theme];
  if (ownBasemap) {
    map.setPaintProperty("background", "background-color", c.ocean);
    map.setPaintProperty("land", "fill-color", c.land);
    map.setPaintProperty("borders", "line-color", c.border);
  }
  map.setPaintProperty("region-tint", "fill-opacity", c.tint);
  map.setPaintProperty(LAYERS.clusters, "circle-stroke-color", c.stroke);
  map.setPaintProperty(LAYERS.points, "circle-stroke-color", c.stroke);
}
