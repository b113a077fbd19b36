"use client";

import {
  AttributionControl,
  getVersion,
  Map as MapLibre,
  NavigationControl,
  setWorkerUrl,
} from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ColorMode } from "@/lib/fleet-map";
import { boundsOf, type MapData } from "./map-data";
import { attachInteractions } from "./map-interactions";
import {
  addBasemap,
  addSatellites,
  applyBasemapTheme,
  clusterFor,
  currentTheme,
  LAYERS,
  offlineStyle,
  paintSatellites,
} from "./map-layers";
import { tintColor, tintFilter, type MapRegion } from "./region-tint";
import { provideRingImages } from "./ring-image";
import styles from "./map-canvas.module.css";
import noticeStyles from "./map-notice.module.css";
import { drawHeldFrames, useMapData } from "./use-map-data";

export type { MapRegion } from "./region-tint";

declare global {
  interface Window {
    /** The overview's map, for end-to-end tests that query its rendered features. */
    orreryFleetMap?: MapLibre;
  }
}

setWorkerUrl(`/api/v1/map/worker?v=${getVersion()}`);

type Props = {
  data: MapData | null;
  regions: MapRegion[];
  mode: ColorMode;
  showRegions: boolean;
  /** The selected satellite's index in `data`. */
  selected: number | null;
  /** A deployment's own style; the offline basemap is drawn when there is none. */
  styleUrl: string | null;
  /** What the map frames (indexes), when not all of it: a region-scoped user's own satellites. */
  fitTo?: Uint32Array | null;
  /** Bumped to fit the map to `fitTo`. */
  fitRequest: number;
  /** The filters the points answer (and the scope); the map fits itself once to each new one. */
  fitKey: string | null;
  onSelect: (at: number) => void;
  onSelectGroup: (at: number[]) => void;
  /** A satellite's name for its hover, when the data carries none. */
  nameOf?: (at: number) => Promise<string | null>;
};

export default function MapCanvas(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const resetData = useMapData(mapRef, loaded, props.data, props.fitTo ?? null, props.fitKey);
  const resetOnRemove = useRef(resetData);

  // The map is created once; data, colours and selection are applied to it by the effects below, so
  // live updates never recreate it and the viewport and the open panel survive every poll.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const theme = currentTheme();
    const styleUrl = latest.current.styleUrl;
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
        // Added below, and only for a deployment's own style, whose sources carry their credits.
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        // No symbol fade: each fade keeps the map drawing frames for 300 ms, and under software GL every frame
        // is read back from the GPU on the page's main thread. A live update reloads every satellite tile.
        fadeDuration: 0,
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
    if (styleUrl) map.addControl(new AttributionControl({ compact: true }), "bottom-right");
    provideRingImages(map);
    map.on("error", (e) => {
      if (e.error?.message?.includes("WebGL")) setFailure(e.error.message);
    });
    map.on("load", () => {
      addBasemap(map, theme, !styleUrl);
      addSatellites(map, theme, latest.current.mode);
      setLoaded(true);
    });
    const onTheme = () => {
      if (!map.isStyleLoaded()) return;
      const { mode, regions } = latest.current;
      const next = currentTheme();
      drawHeldFrames(map);
      applyBasemapTheme(map, next, !styleUrl, regions);
      paintSatellites(map, mode, regions, next);
    };
    const detach = attachInteractions(map, () => latest.current);

    const themeWatch = new MutationObserver(onTheme);
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(el);
    const reset = resetOnRemove.current;

    return () => {
      themeWatch.disconnect();
      resize.disconnect();
      detach();
      if (window.orreryFleetMap === map) delete window.orreryFleetMap;
      map.remove();
      mapRef.current = null;
      reset();
    };
  }, []);

  const { mode, regions, showRegions, selected, fitRequest } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    drawHeldFrames(map);
    paintSatellites(map, mode, regions, currentTheme());
    // Clusters add up only what the mode draws; until re-clustered for a new mode they show no figure.
    void clusterFor(map, mode).catch(() => undefined);
  }, [mode, regions, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    drawHeldFrames(map);
    map.setFilter(LAYERS.tint, tintFilter(regions));
    map.setPaintProperty(LAYERS.tint, "fill-color", tintColor(regions, currentTheme()));
    map.setLayoutProperty(LAYERS.tint, "visibility", showRegions ? "visible" : "none");
  }, [regions, showRegions, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    drawHeldFrames(map);
    map.setFilter(LAYERS.selected, ["==", ["get", "i"], selected ?? -1]);
  }, [selected, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || fitRequest === 0) return;
    const { data, fitTo } = latest.current;
    const bounds = data ? boundsOf(data.cols, fitTo) : null;
    if (bounds) map.fitBounds(bounds, { padding: 60, maxZoom: 9, duration: 500 });
  }, [fitRequest, loaded]);

  return (
    <div className={styles.canvas} data-map-loaded={loaded ? "true" : undefined}>
      {/* The plain name is what the end-to-end tests find the map's surface by. */}
      <div ref={container} className={`${styles.surface} map-surface`} />
      {failure && (
        <div className={noticeStyles.notice} role="alert">
          <strong>The map could not start.</strong>
          <span>{failure}</span>
          <span>The KPIs above and the Satellites list still show the fleet.</span>
        </div>
      )}
    </div>
  );
}
