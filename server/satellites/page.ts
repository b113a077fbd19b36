import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../errors";
import { satelliteWhere } from "./list";
import { SatelliteFilter } from "./schemas";
import { toSatelliteView, type SatelliteView } from "./view";

export type SatelliteKeysetPage = {
  /** How many satellites the filters match in all, whatever page this is. */
  total: number;
  /** Up to `limit + 1` satellites in slug order, so the caller can tell whether a next page exists. */
  items: SatelliteView[];
};

/**
 * The Satellites list's filters (the same `satelliteWhere` as the console's list), read as a keyset page in
 * slug order after `after`: slugs are unique and never change, so a page never repeats or skips a satellite
 * while others are registered or retired.
 */
export async function listSatellitePage(
  ctx: Ctx,
  filter: unknown,
  page: { limit: number; after?: string },
  now = new Date(),
): Promise<SatelliteKeysetPage> {
  authorize(ctx, "satellites.read");
  const query = parseInput(SatelliteFilter, filter ?? {});
  const where = satelliteWhere(query, now);
  const [total, rows] = await Promise.all([
    db.satellite.count({ where }),
    db.satellite.findMany({
      where: page.after === undefined ? where : { AND: [where, { slug: { gt: page.after } }] },
      orderBy: { slug: "asc" },
      take: page.limit + 1,
    }),
  ]);
  return { total, items: rows.map((row) => toSatelliteView(row, now)) };
}
