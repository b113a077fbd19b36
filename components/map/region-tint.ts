// The land tint of compliance regions: each region's own colour, muted so that no region can read as a
// health colour. A region's colour is chosen by an admin and may be red; its tint never looks "critical".
import { chroma, labToRgb, over, parseHex, rgbToLab, toHex, type Rgb } from "./color-math";
import { BASEMAP, type Theme } from "./basemap-colors";

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
