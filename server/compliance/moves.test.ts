import { describe, expect, it } from "vitest";
import {
  countryOverlaps,
  plannedMoves,
  previewFingerprint,
  regionOfCountry,
  type CountryMapRegion,
  type MovableSatellite,
} from "./moves";

const regions: CountryMapRegion[] = [
  { id: "eu", countries: ["DE", "FR"], isRetired: false },
  { id: "old", countries: ["IS"], isRetired: true },
  { id: "global", countries: [], isRetired: false },
];

const sat = (id: string, country: string, patch: Partial<MovableSatellite> = {}): MovableSatellite => ({
  id,
  slug: `s-${id}`,
  name: id,
  country,
  regionId: regionOfCountry(regions, country),
  isRegionPinned: false,
  isDecommissioned: false,
  stackVersion: null,
  ...patch,
});

describe("regionOfCountry", () => {
  it("answers the live region listing the country, else the fallback; retired regions take nobody", () => {
    expect(regionOfCountry(regions, "DE")).toBe("eu");
    expect(regionOfCountry(regions, "IS")).toBe("global");
    expect(regionOfCountry(regions, "JP")).toBe("global");
  });
});

describe("countryOverlaps", () => {
  it("names the live region already listing a country, never the region itself or a retired one", () => {
    const named = regions.map((r) => ({ ...r, name: r.id.toUpperCase() }));
    expect(countryOverlaps(named, "new", ["FR", "IS", "JP"])).toEqual([
      { country: "FR", regionId: "eu", regionName: "EU" },
    ]);
    expect(countryOverlaps(named, "eu", ["FR"])).toEqual([]);
  });
});

describe("plannedMoves", () => {
  const after: CountryMapRegion[] = [
    { id: "eu", countries: ["DE"], isRetired: false },
    { id: "fr", countries: ["FR", "JP"], isRetired: false },
    ...regions.slice(1),
  ];

  it("moves unpinned, live satellites whose country now maps elsewhere, with residency notes", () => {
    const moves = plannedMoves(
      regions,
      after,
      [
        sat("a", "FR", { stackVersion: "1.0" }),
        sat("b", "JP", { stackVersion: "2.0" }),
        sat("c", "FR", { isRegionPinned: true, regionId: "eu" }),
        sat("d", "FR", { isDecommissioned: true }),
        sat("e", "DE"),
        sat("f", "FR", { regionId: "fr" }),
      ],
      [
        { version: "1.0", certifiedRegionIds: ["eu"] },
        { version: "2.0", certifiedRegionIds: ["global", "fr"] },
      ],
    );
    expect(moves.map((m) => [m.slug, m.from, m.to, m.residency])).toEqual([
      [
        "s-a",
        "eu",
        "fr",
        "runs 1.0, which is not certified for fr: certify it there or upgrade the satellite",
      ],
      ["s-b", "global", "fr", null],
    ]);
  });

  it("moves nothing when the map does not change", () => {
    expect(plannedMoves(regions, regions, [sat("a", "FR"), sat("b", "JP")], [])).toEqual([]);
  });
});

describe("previewFingerprint", () => {
  it("changes with the countries or the moves, not with their order", () => {
    const move = {
      satelliteId: "a",
      slug: "s-a",
      name: "a",
      country: "FR",
      from: "eu",
      to: "fr",
      residency: null,
    };
    const base = previewFingerprint(["FR", "JP"], [move]);
    expect(previewFingerprint(["JP", "FR"], [move])).toBe(base);
    expect(previewFingerprint(["FR"], [move])).not.toBe(base);
    expect(previewFingerprint(["FR", "JP"], [])).not.toBe(base);
  });
});
