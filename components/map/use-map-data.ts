import type { GeoJSONSource, Map as MapLibre } from "maplibre-gl";
import { useEffect, useRef, type RefObject } from "react";
import type { FleetMapPoint } from "@/lib/fleet-map";
import { boundsOf, diffPoints, emptyShown } from "./map-data";
import { SOURCE } from "./map-layers";

/**
 * Keeps the map's satellites in step with `points` by applying only what changed, and fits the map once
 * to `fitTo` for each new `fitKey` (the filters the points answer, and the scope). Returns a reset for
 * when the map is removed.
 */
export function useMapData(
  mapRef: RefObject<MapLibre | null>,
  isLoaded: boolean,
  points: FleetMapPoint[] | null,
  fitTo: FleetMapPoint[] | null,
  fitKey: string | null,
): () => void {
  const shown = useRef(emptyShown());
  const fittedKey = useRef<string | null>(null);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || !points) return;
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const isFirst = shown.current.keys.size === 0;
    const { add, update, remove } = diffPoints(shown.current, points);
    if (isFirst) {
      void source.setData({ type: "FeatureCollection", features: add });
    } else if (add.length || update.length || remove.length) {
      void source.updateData({ add, update, remove });
    }
    if (fitKey !== null && fitKey !== fittedKey.current && fitTo && fitTo.length > 0) {
      const first = fittedKey.current === null;
      fittedKey.current = fitKey;
      const bounds = boundsOf(fitTo);
      if (bounds) map.fitBounds(bounds, { padding: 48, maxZoom: first ? 6 : 9, duration: first ? 0 : 500 });
    }
  }, [mapRef, points, fitTo, fitKey, isLoaded]);

  return () => {
    shown.current = emptyShown();
    fittedKey.current = null;
  };
}
