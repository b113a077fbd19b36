import "server-only";
import { publish } from "../bus";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { conflictOnUnique, transaction, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { regionForCountry } from "../compliance/regions";
import { SatelliteInput } from "./schemas";
import { derivedColumns } from "./view";

export async function resolveRegion(tx: Tx, country: string, regionId?: string): Promise<string> {
  if (!regionId) return regionForCountry(tx, country);
  const region = await tx.complianceRegion.findUnique({ where: { id: regionId }, select: { id: true } });
  if (!region) {
    throw new AppError("VALIDATION", `regionId: no compliance region "${regionId}"`, {
      fields: { regionId: `no compliance region "${regionId}"` },
    });
  }
  return region.id;
}

/** An admin registers a satellite ahead of its agent; it stays `pending` until the agent enrolls. */
export async function registerSatellite(ctx: Ctx, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "satellites.write");
  const parsed = SatelliteInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const s = parsed.data;
  try {
    const created = await transaction(async (tx) => {
      const regionId = await resolveRegion(tx, s.country, s.regionId);
      const created = await tx.satellite.create({
        data: {
          slug: s.slug,
          name: s.name,
          kind: s.kind,
          provider: s.provider,
          city: s.city,
          country: s.country,
          lat: s.lat,
          lon: s.lon,
          regionId,
          isRegionPinned: !!s.regionId,
          labels: s.labels,
          ...derivedColumns(s),
          cpuCores: s.cpuCores,
          memoryGb: s.memoryGb,
          storageTb: s.storageTb,
          uplinkMbps: s.uplinkMbps,
          downlinkMbps: s.downlinkMbps,
          heartbeatIntervalSec: s.heartbeatIntervalSec ?? 10,
          stackVersion: s.stackVersion ?? null,
          agentVersion: s.agentVersion ?? null,
          lifecycle: "pending",
        },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, ctx, {
        action: "satellite.register",
        targetType: "satellite",
        targetId: created.id,
        summary: `Registered ${s.slug} (${s.name}) in ${s.city}, ${s.country} — ${regionId}`,
        data: { ...s, regionId },
      });
      return created;
    });
    // After the commit, so every process's fleet state and agent identities read the new row.
    publish({ type: "fleet.changed", satelliteIds: [created.id] });
    return created;
  } catch (error) {
    conflictOnUnique(error, { slug: `slug: "${s.slug}" is already taken` });
  }
}
