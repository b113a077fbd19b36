import type { GeoJSONSource, Map as MapLibre } from "maplibre-gl";
import { useEffect, useRef, type RefObject } from "react";
import { allFeatures, boundsOf, emptyShown, updatesFor, type MapData } from "./map-data";
import { SOURCE } from "./map-layers";

/**
 * Keeps the map's satellites in step with `data`: the changed satellites' properties when the layout is the
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
    else if (update.length > 0) void source.updateData({ update });
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
