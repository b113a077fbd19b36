import "server-only";
import { publish } from "../bus";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { resolveRegion } from "./register";
import { SatelliteUpdate } from "./schemas";
import { derivedColumns } from "./view";

export async function updateSatellite(ctx: Ctx, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "satellites.write");
  const parsed = SatelliteUpdate.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const updated = await transaction((tx) => applySatelliteUpdate(tx, ctx, parsed.data));
  satelliteEdited(updated.id);
  return updated;
}

/** After an edit has committed: every process re-reads the satellite (fleet state, agent identity). */
export function satelliteEdited(id: string): void {
  publish({ type: "fleet.changed", satelliteIds: [id] });
}

/**
 * The edit itself, in the caller's transaction, once the caller has authorized and parsed it: the edit
 * form, and label changes worked out from the labels read in that same transaction.
 */
export async function applySatelliteUpdate(
  tx: Tx,
  ctx: Ctx,
  { id, ...patch }: SatelliteUpdate,
): Promise<{ id: string; slug: string }> {
  const before = await tx.satellite.findUnique({ where: { id } });
  if (!before) throw new AppError("NOT_FOUND", "No such satellite.");
  if (before.lifecycle === "decommissioned") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${before.slug} is decommissioned and can no longer be edited.`,
    );
  }
  const merged = { ...before, ...patch };
  const countryChanged = patch.country !== undefined && patch.country !== before.country;
  const regionId =
    patch.regionId !== undefined
      ? await resolveRegion(tx, merged.country, patch.regionId)
      : countryChanged && !before.isRegionPinned
        ? await resolveRegion(tx, merged.country)
        : before.regionId;
  const changed = Object.fromEntries(
    Object.entries(patch).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before]),
    ),
  );
  if (regionId !== before.regionId) changed.regionId = regionId;
  const updated = await tx.satellite.update({
    where: { id },
    data: {
      ...patch,
      regionId,
      isRegionPinned: patch.regionId !== undefined ? true : before.isRegionPinned,
      labels: merged.labels ?? {},
      ...derivedColumns({
        ...merged,
        labels: (patch.labels ?? before.labels ?? {}) as Record<string, string>,
      }),
    },
    select: { id: true, slug: true },
  });
  await recordAudit(tx, ctx, {
    action: "satellite.update",
    targetType: "satellite",
    targetId: id,
    summary: `Edited ${before.slug}: ${Object.keys(changed).join(", ") || "no changes"}`,
    data: { changed: JSON.parse(JSON.stringify(changed)) },
  });
  return updated;
}
