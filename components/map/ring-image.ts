import type { Map as MapLibre } from "maplibre-gl";
import { parseBadgeImageId, parseRingImageId, ringArcs } from "./cluster-ring";
import { BASEMAP, STATUS_COLOR, type Theme } from "./map-colors";

/** The ring image's outer radius in CSS pixels; the layer scales it to each cluster's size. */
export const RING_RADIUS = 32;
/** The coloured band, as a share of the radius; the disc inside carries the member count. */
const BAND = 0.34;

export const RING_CENTER = {
  light: { disc: "#ffffff", text: "#0b1220" },
  dark: { disc: "#1b2330", text: "#e6eaf0" },
} as const satisfies Record<Theme, { disc: string; text: string }>;

function drawRing(id: string, pixelRatio: number): ImageData | null {
  const ring = parseRingImageId(id);
  if (!ring) return null;
  const size = Math.ceil(2 * RING_RADIUS * pixelRatio);
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  // Read back at once (getImageData): a canvas kept on the CPU answers without a GPU stall, which with
  // software GL cost tens of ms per image, and a live update or a zoom can ask for dozens in one task.
  const g = canvas.getContext("2d", { willReadFrequently: true });
  if (!g) return null;
  const c = size / 2;
  const outer = c;
  const stroke = Math.max(1, 1.5 * pixelRatio);
  const band = (outer - stroke) * BAND;
  // The outline in the basemap's stroke colour separates neighbouring clusters, as for single dots.
  g.fillStyle = BASEMAP[ring.theme].stroke;
  g.beginPath();
  g.arc(c, c, outer, 0, 2 * Math.PI);
  g.fill();
  const r = outer - stroke;
  const arcs = ringArcs(ring.weights);
  for (const arc of arcs) {
    g.fillStyle = STATUS_COLOR[arc.status];
    g.beginPath();
    g.moveTo(c, c);
    const from = -Math.PI / 2 + arc.start * 2 * Math.PI;
    const to = -Math.PI / 2 + arc.end * 2 * Math.PI;
    g.arc(c, c, r, from, to);
    g.closePath();
    g.fill();
  }
  // Thin gaps between arcs keep two neighbouring statuses apart at a glance.
  if (arcs.length > 1) {
    g.strokeStyle = BASEMAP[ring.theme].stroke;
    g.lineWidth = Math.max(1, pixelRatio);
    for (const arc of arcs) {
      const angle = -Math.PI / 2 + arc.start * 2 * Math.PI;
      g.beginPath();
      g.moveTo(c, c);
      g.lineTo(c + r * Math.cos(angle), c + r * Math.sin(angle));
      g.stroke();
    }
  }
  g.fillStyle = RING_CENTER[ring.theme].disc;
  g.beginPath();
  g.arc(c, c, r - band, 0, 2 * Math.PI);
  g.fill();
  return g.getImageData(0, 0, size, size);
}

/** The badge's pill, in CSS pixels: room for "99+" at the badge's text size. */
export const BADGE = { width: 22, height: 15 };

function drawBadge(id: string, pixelRatio: number): ImageData | null {
  const status = parseBadgeImageId(id);
  if (!status) return null;
  const w = Math.ceil(BADGE.width * pixelRatio);
  const h = Math.ceil(BADGE.height * pixelRatio);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext("2d", { willReadFrequently: true });
  if (!g) return null;
  g.fillStyle = "#ffffff";
  g.beginPath();
  g.roundRect(0, 0, w, h, h / 2);
  g.fill();
  const inset = 1.25 * pixelRatio;
  g.fillStyle = STATUS_COLOR[status];
  g.beginPath();
  g.roundRect(inset, inset, w - 2 * inset, h - 2 * inset, h / 2 - inset);
  g.fill();
  return g.getImageData(0, 0, w, h);
}

/**
 * Makes each ring the first time a cluster needs it. Images stay with the map (a few dozen distinct mixes
 * in practice), so panning, zooming and live updates reuse them.
 */
export function provideRingImages(map: MapLibre): void {
  const pixelRatio = Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));
  map.setMissingStyleImageResolver((id) => {
    if (map.hasImage(id)) return;
    const image = drawRing(id, pixelRatio) ?? drawBadge(id, pixelRatio);
    if (image) map.addImage(id, image, { pixelRatio });
  });
}
