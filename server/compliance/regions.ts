import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Tx } from "../db";

export type RegionSummary = {
  id: string;
  name: string;
  jurisdiction: string;
  frameworks: string[];
  residencyRule: string;
  color: string;
  countries: string[];
};

export const FALLBACK_REGION = "global";

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export async function listRegions(ctx: Ctx): Promise<RegionSummary[]> {
  authorize(ctx, "satellites.read");
  const rows = await db.complianceRegion.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    jurisdiction: r.jurisdiction,
    frameworks: asStrings(r.frameworks),
    residencyRule: r.residencyRule,
    color: r.color,
    countries: asStrings(r.countries),
  }));
}

/** The region a country's satellites fall into unless an admin pins another one. */
export async function regionForCountry(tx: Tx, country: string): Promise<string> {
  const regions = await tx.complianceRegion.findMany({ select: { id: true, countries: true } });
  const match = regions.find((r) => asStrings(r.countries).includes(country));
  if (match) return match.id;
  if (regions.some((r) => r.id === FALLBACK_REGION)) return FALLBACK_REGION;
  throw new Error(`No compliance region covers ${country} and the fallback region is missing`);
}
