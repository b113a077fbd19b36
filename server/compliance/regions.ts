import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Tx } from "../db";
import { FALLBACK_REGION, regionOfCountry } from "./moves";

export type RegionSummary = {
  id: string;
  name: string;
  jurisdiction: string;
  frameworks: string[];
  residencyRule: string;
  color: string;
  countries: string[];
  /** When an admin retired it; retired regions are left out of lists unless asked for. */
  retiredAt: string | null;
};

export { FALLBACK_REGION };

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * The compliance regions, by id. A retired region is offered for nothing new (satellite, user and status
 * page forms, release certifications, rollout selectors), so it is left out unless `includeRetired` asks
 * for it, as a view of what already exists does.
 */
export async function listRegions(
  ctx: Ctx,
  opts: { includeRetired?: boolean } = {},
): Promise<RegionSummary[]> {
  authorize(ctx, "satellites.read");
  const rows = await db.complianceRegion.findMany({
    where: opts.includeRetired ? {} : { retiredAt: null },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    jurisdiction: r.jurisdiction,
    frameworks: asStrings(r.frameworks),
    residencyRule: r.residencyRule,
    color: r.color,
    countries: asStrings(r.countries),
    retiredAt: r.retiredAt?.toISOString() ?? null,
  }));
}

/** The region a country's satellites fall into unless an admin pins another one; never a retired one. */
export async function regionForCountry(tx: Tx, country: string): Promise<string> {
  const regions = await tx.complianceRegion.findMany({
    select: { id: true, countries: true, retiredAt: true },
  });
  const id = regionOfCountry(
    regions.map((r) => ({ id: r.id, countries: asStrings(r.countries), isRetired: r.retiredAt !== null })),
    country,
  );
  if (regions.some((r) => r.id === id)) return id;
  throw new Error(`No compliance region covers ${country} and the fallback region is missing`);
}
