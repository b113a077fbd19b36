import { Popup, type GeoJSONSource, type Map as MapLibre, type MapGeoJSONFeature } from "maplibre-gl";
import { MAP_ROLLOUT_LABEL, MAP_ROLLOUT_STATES, MAP_STATUS_LABEL, MAP_STATUSES } from "@/lib/fleet-map";
import { formatCount, formatNumber } from "@/lib/format";
import { countProperty, RING_ORDER } from "./cluster-ring";
import { CLUSTER_MAX_ZOOM, LAYERS, SOURCE } from "./map-layers";
import styles from "./map-canvas.module.css";

export type MapHandlers = {
  onSelect: (at: number) => void;
  onSelectGroup: (at: number[]) => void;
  /** A satellite's name, when its feature carries none (the overview's points carry only states). */
  nameOf?: (at: number) => Promise<string | null>;
};

/** "3 critical", "1 offline", "66 healthy": a cluster's members by status, worst first. */
function clusterMix(props: Record<string, unknown>): string[] {
  return RING_ORDER.flatMap((s) => {
    const n = Number(props[countProperty(s)]) || 0;
    return n > 0 ? [`${formatNumber(n)} ${MAP_STATUS_LABEL[s].toLowerCase()}`] : [];
  });
}

function hoverContent(feature: MapGeoJSONFeature, handlers: MapHandlers): HTMLElement {
  const box = document.createElement("div");
  // The plain name is what the end-to-end tests find the tooltip by.
  box.className = `${styles.tip} map-tip`;
  const title = document.createElement("strong");
  const line = document.createElement("span");
  const props = feature.properties as Record<string, unknown>;
  if (props.cluster) {
    title.textContent = formatCount(Number(props.point_count), "satellite");
    line.textContent = [...clusterMix(props), "click to zoom in"].join(" · ");
  } else {
    if (typeof props.name === "string") title.textContent = props.name;
    else {
      title.textContent = "…";
      void handlers
        .nameOf?.(Number(props.i))
        .then((name) => void (title.textContent = name ?? "Satellite"))
        .catch(() => void (title.textContent = "Satellite"));
    }
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

/**
 * Hover shows a satellite's or cluster's summary; a click selects a satellite, zooms into a cluster, or
 * lists a cluster that never separates. Handlers are read at event time so they may change between renders.
 * Returns the cleanup.
 */
export function attachInteractions(map: MapLibre, handlers: () => MapHandlers): () => void {
  const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, maxWidth: "280px" });
  let hovered = "";
  const hover = (e: { features?: MapGeoJSONFeature[]; lngLat: { lng: number; lat: number } }) => {
    const f = e.features?.[0];
    if (!f) return;
    map.getCanvas().style.cursor = "pointer";
    const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
    // One hover per feature: moving within the same point keeps its popup (and its name look-up).
    const key = `${f.layer.id}:${f.id ?? f.properties.cluster_id}`;
    if (key === hovered && popup.isOpen()) return;
    hovered = key;
    popup.setLngLat([lon, lat]).setDOMContent(hoverContent(f, handlers())).addTo(map);
  };
  const leave = () => {
    hovered = "";
    map.getCanvas().style.cursor = "";
    popup.remove();
  };
  for (const layer of [LAYERS.points, LAYERS.clusters]) {
    map.on("mousemove", layer, hover);
    map.on("mouseleave", layer, leave);
  }
  map.on("click", LAYERS.points, (e) => {
    const at = e.features?.[0]?.properties?.i;
    if (typeof at === "number") handlers().onSelect(at);
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
      handlers().onSelectGroup(leaves.map((l) => Number(l.properties?.i)).filter((i) => Number.isInteger(i)));
      return;
    }
    const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
    map.easeTo({ center: [lon, lat], zoom, duration: 450 });
  });
  return () => popup.remove();
}
