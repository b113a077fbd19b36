import type { GeoJSONSource, MapSourceDataEvent, Map as MapLibre } from "maplibre-gl";
import { useEffect, useRef, type RefObject } from "react";
import { allFeatures, boundsOf, emptyShown, updatesFor, type MapData } from "./map-data";
import { SOURCE } from "./map-layers";

type Repainting = MapLibre & { triggerRepaint(): void };
/** The maps whose frames a live update holds, each with what ends the hold. */
const holding = new WeakMap<MapLibre, () => void>();
/** Long enough for 100,000 satellites to re-cluster and their tiles to come back on a busy machine. */
const HOLD_AT_MOST_MS = 8000;

/**
 * A live update re-clusters every satellite, so maplibre reloads every satellite tile and draws a frame as
 * each one arrives; under software GL each frame costs the page's main thread a read-back of the whole
 * canvas. Until the source's tiles are all back this holds the frames the reload asks for and then draws
 * once, showing the update whole rather than tile by tile. A camera move, a click, or a change the console
 * makes to the map's style (`drawHeldFrames`) ends the hold at once, so the reader is never kept waiting.
 */
export function drawOnceReloaded(map: MapLibre) {
  if (holding.has(map)) return;
  const m = map as Repainting;
  let asked = false;
  const release = () => {
    if (holding.get(map) !== release) return;
    holding.delete(map);
    // The instance's own method shadowed maplibre's; removing it restores the original.
    delete (m as Partial<Repainting>).triggerRepaint;
    map.off("sourcedata", check);
    map.off("movestart", release);
    map.off("click", release);
    clearTimeout(timer);
    if (asked) m.triggerRepaint();
  };
  // Not on the metadata event: the worker is done by then, but the tiles are only set reloading after it.
  const check = (e: MapSourceDataEvent) => {
    if (e.sourceDataType === "metadata") return;
    if (map.isSourceLoaded(SOURCE) && map.areTilesLoaded()) release();
  };
  m.triggerRepaint = () => {
    asked = true;
    if (map.isMoving()) release();
  };
  holding.set(map, release);
  map.on("sourcedata", check);
  map.on("movestart", release);
  map.on("click", release);
  const timer = setTimeout(release, HOLD_AT_MOST_MS);
}

/** Ends a live update's hold on the map's frames, before a change the reader asked for is drawn. */
export function drawHeldFrames(map: MapLibre) {
  holding.get(map)?.();
}

/**
 * Keeps the map's satellites in step with `data`: the changed satellites when the layout is the
 * one shown, everything otherwise; and fits the map once to `fitTo` (indexes, or all) for each new `fitKey`
 * (the filters the data answers, and the scope). Returns a reset for when the map is removed.
 */
export function useMapData(
  mapRef: RefObject<MapLibre | null>,
  isLoaded: boolean,
  data: MapData | null,
  fitTo: Uint32Array | null,
  fitKey: string | null,
): () => void {
  const shown = useRef(emptyShown());
  const fittedKey = useRef<string | null>(null);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || !data) return;
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const update = updatesFor(shown.current, data);
    // A whole load is a diff too: maplibre then keeps the features by id from the start, rather than converting
    // 100,000 of them on the main thread at the first live update.
    if (update === null) void source.updateData({ removeAll: true, add: allFeatures(data) });
    else if (update.length > 0) {
      drawOnceReloaded(map);
      void source.updateData({ add: update });
    }
    if (fitKey !== null && fitKey !== fittedKey.current && data.meta.count > 0) {
      const first = fittedKey.current === null;
      fittedKey.current = fitKey;
      const bounds = boundsOf(data.cols, fitTo);
      if (bounds) map.fitBounds(bounds, { padding: 48, maxZoom: first ? 6 : 9, duration: first ? 0 : 500 });
    }
  }, [mapRef, data, fitTo, fitKey, isLoaded]);

  return () => {
    shown.current = emptyShown();
    fittedKey.current = null;
  };
}
