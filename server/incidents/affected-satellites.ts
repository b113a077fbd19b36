import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";

export type ScopedSatellite = { id: string; slug: string; name: string; regionId: string };

/** A VALIDATION error on one form field, worded like the zod ones. */
export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", `${field}: ${message}`, { fields: { [field]: message } });
}

/** Looks satellites up by id or slug; unknown and decommissioned ones are refused by name. */
export async function findSatellites(tx: Tx, refs: string[]): Promise<ScopedSatellite[]> {
  const rows = await tx.satellite.findMany({
    where: { OR: [{ id: { in: refs } }, { slug: { in: refs } }] },
    select: { id: true, slug: true, name: true, regionId: true, lifecycle: true },
    orderBy: { slug: "asc" },
  });
  const missing = refs.filter((ref) => !rows.some((s) => s.id === ref || s.slug === ref));
  if (missing.length) {
    throw fieldError(
      "satellites",
      `unknown satellite${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`,
    );
  }
  const retired = rows.filter((s) => s.lifecycle === "decommissioned").map((s) => s.slug);
  if (retired.length) {
    throw fieldError(
      "satellites",
      `${retired.join(", ")} ${retired.length > 1 ? "are" : "is"} decommissioned and cannot be affected`,
    );
  }
  return rows.map(({ id, slug, name, regionId }) => ({ id, slug, name, regionId }));
}

export function distinctRegions(satellites: { regionId: string }[], extra?: string | null): string[] {
  const ids = new Set(satellites.map((s) => s.regionId));
  if (extra) ids.add(extra);
  return [...ids].sort();
}

/** "a, b, c and 4 more": audit summaries stay one line however many satellites an incident touches. */
export function slugList(slugs: string[], max = 5): string {
  if (slugs.length <= max) return slugs.join(", ");
  return `${slugs.slice(0, max).join(", ")} and ${slugs.length - max} more`;
}

/** "2026-11-20 10:02 UTC", as messages and audit summaries write times. */
export const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
