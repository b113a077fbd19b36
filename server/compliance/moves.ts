// Which satellites change region when a region's countries change: one pure function, asked by the preview
// and by the save alike, so what the admin is shown is exactly what is applied.
import { createHash } from "node:crypto";
import { releaseAllowedIn } from "@/lib/residency";

export const FALLBACK_REGION = "global";

export type CountryMapRegion = { id: string; countries: readonly string[]; isRetired: boolean };

export type MovableSatellite = {
  id: string;
  slug: string;
  name: string;
  country: string;
  regionId: string;
  isRegionPinned: boolean;
  isDecommissioned: boolean;
  stackVersion: string | null;
};

export type ReleaseCertification = { version: string; certifiedRegionIds: readonly string[] };

export type SatelliteMove = {
  satelliteId: string;
  slug: string;
  name: string;
  country: string;
  from: string;
  to: string;
  /** What the move means for residency, or null when nothing changes for it. */
  residency: string | null;
};

/**
 * The region a country's satellites fall into: the live region that lists it, otherwise the fallback.
 * Retired regions keep their countries for the record but take no new satellites.
 */
export function regionOfCountry(regions: readonly CountryMapRegion[], country: string): string {
  const match = regions.find((r) => !r.isRetired && r.countries.includes(country));
  return match?.id ?? FALLBACK_REGION;
}

/** The first live region other than `exceptId` that already lists each of `countries`. */
export function countryOverlaps(
  regions: readonly (CountryMapRegion & { name: string })[],
  exceptId: string,
  countries: readonly string[],
): { country: string; regionId: string; regionName: string }[] {
  return countries.flatMap((country) => {
    const other = regions.find((r) => r.id !== exceptId && !r.isRetired && r.countries.includes(country));
    return other ? [{ country, regionId: other.id, regionName: other.name }] : [];
  });
}

/**
 * The satellites whose country maps to another region once `after` replaces `before`. Pinned satellites
 * (an admin chose their region) and decommissioned ones stay where they are; so does a satellite that is
 * already in its new region.
 */
export function plannedMoves(
  before: readonly CountryMapRegion[],
  after: readonly CountryMapRegion[],
  satellites: readonly MovableSatellite[],
  releases: readonly ReleaseCertification[],
): SatelliteMove[] {
  const byVersion = new Map(releases.map((r) => [r.version, r]));
  return satellites
    .flatMap((s) => {
      if (s.isRegionPinned || s.isDecommissioned) return [];
      const was = regionOfCountry(before, s.country);
      const to = regionOfCountry(after, s.country);
      if (was === to || s.regionId === to) return [];
      return [
        {
          satelliteId: s.id,
          slug: s.slug,
          name: s.name,
          country: s.country,
          from: s.regionId,
          to,
          residency: residencyNote(s, to, byVersion),
        },
      ];
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function residencyNote(
  s: MovableSatellite,
  to: string,
  releases: ReadonlyMap<string, ReleaseCertification>,
): string | null {
  if (!s.stackVersion) return null;
  const release = releases.get(s.stackVersion);
  if (!release) return `runs ${s.stackVersion}, which is not a published release`;
  if (releaseAllowedIn(release, to)) return null;
  return `runs ${s.stackVersion}, which is not certified for ${to}: certify it there or upgrade the satellite`;
}

/** What the admin confirmed: the countries and the moves, so a save refuses a preview that went stale. */
export function previewFingerprint(countries: readonly string[], moves: readonly SatelliteMove[]): string {
  const text = [
    [...countries].sort().join(","),
    ...moves.map((m) => `${m.satelliteId}:${m.from}>${m.to}`).sort(),
  ].join("|");
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}
