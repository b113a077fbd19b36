// The basemap in each console theme: Orrery's own land and sea, and the outline around every satellite.
export const BASEMAP = {
  light: { ocean: "#dce6f0", land: "#f7f9fb", border: "#c5ced9", stroke: "#ffffff" },
  dark: { ocean: "#0a111c", land: "#1a2331", border: "#2f3a4b", stroke: "#0d1117" },
} as const;
export type Theme = keyof typeof BASEMAP;
