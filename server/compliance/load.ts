import "server-only";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { asStrings } from "./regions";
import type { CountryMapRegion, MovableSatellite, ReleaseCertification } from "./moves";

export type RegionRow = CountryMapRegion & {
  name: string;
  jurisdiction: string;
  frameworks: string[];
  color: string;
  residencyRule: "in_region" | "allow_list" | "unrestricted";
  residencyAllowed: string[];
  description: string;
  retiredAt: Date | null;
  updatedAt: Date;
};

/** Every region with its lists parsed: the country map is always judged whole. */
export async function loadRegions(client: Db | Tx): Promise<RegionRow[]> {
  const rows = await client.complianceRegion.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    jurisdiction: r.jurisdiction,
    frameworks: asStrings(r.frameworks),
    color: r.color,
    countries: asStrings(r.countries),
    residencyRule: r.residencyRule,
    residencyAllowed: asStrings(r.residencyAllowed),
    description: r.description,
    retiredAt: r.retiredAt,
    isRetired: r.retiredAt !== null,
    updatedAt: r.updatedAt,
  }));
}

export function findRegion(regions: readonly RegionRow[], id: string): RegionRow {
  const region = regions.find((r) => r.id === id);
  if (!region) throw new AppError("NOT_FOUND", `There is no compliance region "${id}".`);
  return region;
}

/** The satellites a change of countries could move: those in the countries concerned, any region. */
export async function loadMovable(
  client: Db | Tx,
  countries: readonly string[],
): Promise<MovableSatellite[]> {
  if (countries.length === 0) return [];
  const rows = await client.satellite.findMany({
    where: { country: { in: [...countries] } },
    select: {
      id: true,
      slug: true,
      name: true,
      country: true,
      regionId: true,
      isRegionPinned: true,
      decommissionedAt: true,
      stackVersion: true,
    },
  });
  return rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    country: s.country,
    regionId: s.regionId,
    isRegionPinned: s.isRegionPinned,
    isDecommissioned: s.decommissionedAt !== null,
    stackVersion: s.stackVersion,
  }));
}

/** The certifications of the versions these satellites run, for the residency notes of a preview. */
export async function loadCertifications(
  client: Db | Tx,
  versions: readonly string[],
): Promise<ReleaseCertification[]> {
  if (versions.length === 0) return [];
  const rows = await client.release.findMany({
    where: { version: { in: [...new Set(versions)] } },
    select: { version: true, certifiedRegions: { select: { regionId: true } } },
  });
  return rows.map((r) => ({
    version: r.version,
    certifiedRegionIds: r.certifiedRegions.map((c) => c.regionId),
  }));
}
