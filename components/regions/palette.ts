// Region colours are muted on purpose: the map and the lists use saturated green, amber and red for health,
// and a region tinted like one of them reads as a status. These suggestions keep clear of them in both themes.
export const SUGGESTED_REGION_COLOURS = [
  "#5b7a99",
  "#6c7fb0",
  "#7d6b9e",
  "#8b86a8",
  "#4f8a8b",
  "#6a8e8a",
  "#6e8fa3",
  "#5d6d8c",
  "#8a7f6a",
  "#9a7b8f",
  "#8c6f7d",
  "#7a8a6e",
] as const;

/** Saturation (0–1) of a #rrggbb colour, as HSL defines it; null for anything else. */
export function saturationOf(hex: string): number | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const light = (max + min) / 2;
  return (max - min) / (light > 0.5 ? 2 - max - min : max + min);
}

/** Bright colours compete with the health colours; a hint says so, the colour is still allowed. */
export function isLoud(hex: string): boolean {
  const s = saturationOf(hex);
  return s !== null && s > 0.55;
}
