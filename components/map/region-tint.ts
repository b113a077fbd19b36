// The land tint of compliance regions: each region's own colour, muted so that no region can read as a
// health colour. A region's colour is chosen by an admin and may be red; its tint never looks "critical".
import { chroma, labToRgb, over, parseHex, rgbToLab, toHex, type Rgb } from "./color-math";
import type { ExpressionSpecification, FilterSpecification } from "maplibre-gl";
import { BASEMAP, type Theme } from "./basemap-colors";
import type { RegionColor } from "./map-colors";

export type MapRegion = RegionColor & { countries: string[] };

/**
 * Every tint keeps its region's hue but takes one lightness and at most a little chroma, then lies over
 * the land at a low opacity: neighbouring regions stay apart by hue, and none comes near a status colour.
 */
export const TINT = {
  light: { lightness: 72, maxChroma: 26, opacity: 0.32 },
  dark: { lightness: 48, maxChroma: 22, opacity: 0.3 },
} as const satisfies Record<Theme, { lightness: number; maxChroma: number; opacity: number }>;

/** Grey for a region whose colour cannot be read. */
const FALLBACK: Rgb = { r: 148, g: 163, b: 184 };

/** The tint colour of a region (drawn at TINT[theme].opacity over the land). */
export function mutedTint(color: string, theme: Theme): string {
  const lab = rgbToLab(parseHex(color) ?? FALLBACK);
  const c = chroma(lab);
  const { lightness, maxChroma } = TINT[theme];
  const scale = c > maxChroma ? maxChroma / c : 1;
  return toHex(labToRgb({ l: lightness, a: lab.a * scale, b: lab.b * scale }));
}

/** What the eye sees on Orrery's own basemap: the tint over the land, for the legend and the tests. */
export function tintOnLand(color: string, theme: Theme): string {
  const tint = parseHex(mutedTint(color, theme)) as Rgb;
  const land = parseHex(BASEMAP[theme].land) as Rgb;
  return toHex(over(tint, TINT[theme].opacity, land));
}

/** Each country in its region's muted tint (region-tint.ts), so no region reads as a health colour. */
export function tintColor(regions: MapRegion[], theme: Theme): ExpressionSpecification {
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const r of regions) {
    for (const iso of r.countries) {
      if (seen.has(iso)) continue;
      seen.add(iso);
      pairs.push(iso, mutedTint(r.color, theme));
    }
  }
  if (pairs.length === 0) return ["literal", "rgba(0,0,0,0)"] as unknown as ExpressionSpecification;
  return ["match", ["get", "iso"], ...pairs, "rgba(0,0,0,0)"] as unknown as ExpressionSpecification;
}

/**
 * Only the countries of some region: the others would be drawn fully transparent, and under software GL
 * every such country's pixels still cost each frame.
 */
export function tintFilter(regions: MapRegion[]): FilterSpecification {
  const isos = [...new Set(regions.flatMap((r) => r.countries))];
  return ["in", ["get", "iso"], ["literal", isos]] as unknown as FilterSpecification;
}
