import { describe, expect, it } from "vitest";
import type { MapStatus } from "@/lib/fleet-map";
import { chroma, deltaE, labToRgb, parseHex, rgbToLab, toHex } from "./color-math";
import { BASEMAP, STATUS_COLOR } from "./map-colors";
import { mutedTint, tintOnLand } from "./region-tint";

// The demo's regions, every health colour itself, and the extremes an admin could pick.
const REGION_COLORS = [
  "#3b82f6", "#6366f1", "#ef4444", "#0ea5e9", "#f43f5e", "#22c55e", "#84cc16", "#f97316", "#14b8a6",
  "#06b6d4", "#e11d48", "#a855f7", "#eab308", "#dc2626", "#d946ef", "#f59e0b", "#10b981", "#64748b",
  ...Object.values(STATUS_COLOR),
  "#ff0000", "#00ff00", "#0000ff", "#ffff00", "#ff00ff", "#000000", "#ffffff", "#f0f",
]; // prettier-ignore

// The least distance (CIE76 ΔE) between what the eye sees of a tint and each status colour. Measured:
// 59–95 for the coloured statuses; 24 for "health unknown", a slate grey, against the dark theme's slate
// tints. "Never seen" is a neutral grey and no alarm. Above ~30 two colours are never confused.
const MIN_DISTANCE: Partial<Record<MapStatus, number>> = {
  healthy: 50,
  degraded: 50,
  stale: 50,
  critical: 50,
  offline: 50,
  unknown: 20,
};
const lab = (hex: string) => rgbToLab(parseHex(hex)!);

describe("colour maths", () => {
  it("reads #rrggbb and #rgb, and nothing else", () => {
    expect(parseHex("#ef4444")).toEqual({ r: 239, g: 68, b: 68 });
    expect(parseHex("#F0F")).toEqual({ r: 255, g: 0, b: 255 });
    expect(parseHex("red")).toBeNull();
    expect(parseHex("#12345")).toBeNull();
  });

  it("goes to CIELAB and back without drift", () => {
    for (const hex of ["#ef4444", "#22a55a", "#1a2331", "#f7f9fb"]) {
      expect(toHex(labToRgb(lab(hex)))).toBe(hex);
    }
    expect(lab("#ffffff").l).toBeCloseTo(100, 1);
    expect(chroma(lab("#808080"))).toBeLessThan(0.01);
  });
});

describe("a region's land tint", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`never comes near a health colour (${theme})`, () => {
      for (const color of REGION_COLORS) {
        const seen = lab(tintOnLand(color, theme));
        for (const [status, least] of Object.entries(MIN_DISTANCE)) {
          const distance = deltaE(seen, lab(STATUS_COLOR[status as MapStatus]));
          expect(distance, `${color} as a tint vs ${status} (${theme})`).toBeGreaterThan(least);
        }
      }
    });

    it(`is muted: little colour, whatever the region's own (${theme})`, () => {
      for (const color of REGION_COLORS) {
        expect(chroma(lab(tintOnLand(color, theme))), color).toBeLessThan(16);
        // Still visible on the land, so regions show at all.
        expect(deltaE(lab(tintOnLand(color, theme)), lab(BASEMAP[theme].land)), color).toBeGreaterThan(5);
      }
    });
  }

  it("keeps the region's hue, so neighbours stay apart", () => {
    const hue = (hex: string) => {
      const { a, b } = lab(hex);
      return (Math.atan2(b, a) * 180) / Math.PI;
    };
    for (const color of ["#3b82f6", "#22c55e", "#a855f7", "#ef4444"]) {
      expect(Math.abs(hue(mutedTint(color, "light")) - hue(color))).toBeLessThan(12);
    }
    expect(deltaE(lab(tintOnLand("#3b82f6", "light")), lab(tintOnLand("#22c55e", "light")))).toBeGreaterThan(
      8,
    );
  });

  it("turns a red region into a pale grey-pink, far from critical", () => {
    const tint = lab(tintOnLand("#ef4444", "light"));
    expect(deltaE(tint, lab(STATUS_COLOR.critical))).toBeGreaterThan(50);
  });

  it("draws an unreadable colour as grey", () => {
    expect(mutedTint("not a colour", "light")).toBe(mutedTint("#94a3b8", "light"));
  });
});
