import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { toSatelliteView, type SatelliteView } from "./view";

export type SatelliteDetail = SatelliteView & {
  region: { id: string; name: string; jurisdiction: string; color: string };
};

export async function getSatellite(ctx: Ctx, idOrSlug: string, now = new Date()): Promise<SatelliteDetail> {
  authorize(ctx, "satellites.read");
  if (typeof idOrSlug !== "string" || idOrSlug.length === 0 || idOrSlug.length > 100) {
    throw new AppError("NOT_FOUND", "No such satellite.");
  }
  const row = await db.satellite.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    include: { region: { select: { id: true, name: true, jurisdiction: true, color: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", `No satellite "${idOrSlug}".`);
  return { ...toSatelliteView(row, now), region: row.region };
}
