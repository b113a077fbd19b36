import { describe, expect, it } from "vitest";
import { isLoud, saturationOf, SUGGESTED_REGION_COLOURS } from "./palette";

describe("region colours", () => {
  it("suggests only muted colours", () => {
    expect(SUGGESTED_REGION_COLOURS.filter(isLoud)).toEqual([]);
  });

  it("calls the seed's bright colours loud, greys muted, and anything but #rrggbb unknown", () => {
    expect(isLoud("#ef4444")).toBe(true);
    expect(isLoud("#22c55e")).toBe(true);
    expect(isLoud("#64748b")).toBe(false);
    expect(saturationOf("#777777")).toBe(0);
    expect(saturationOf("blue")).toBeNull();
  });
});
