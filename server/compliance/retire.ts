import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { transaction, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { findRegion, loadRegions } from "./load";
import { countryOverlaps, FALLBACK_REGION } from "./moves";
import { RegionRef, RetireRegionInput } from "./schemas";

export type RegionLifecycleResult = { id: string; message: string };

/** What still points at a region: each one keeps it from being deleted. */
export async function regionUsage(tx: Tx, id: string) {
  const [satellites, decommissioned, users, statusPages, releases] = await Promise.all([
    tx.satellite.count({ where: { regionId: id, decommissionedAt: null } }),
    tx.satellite.count({ where: { regionId: id, decommissionedAt: { not: null } } }),
    tx.userRegion.count({ where: { regionId: id } }),
    tx.statusPageRegion.count({ where: { regionId: id } }),
    tx.releaseRegion.count({ where: { regionId: id } }),
  ]);
  return { satellites, decommissioned, users, statusPages, releases };
}

function refuseFallback(id: string, verb: string): void {
  if (id === FALLBACK_REGION) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `The global region cannot be ${verb}: satellites in countries no other region lists fall into it.`,
    );
  }
}

/**
 * Retires a region: kept with its satellites for the record, offered for nothing new, and its countries
 * no longer take new satellites (they fall into the global region until another region lists them).
 */
export async function retireRegion(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<RegionLifecycleResult> {
  authorize(ctx, "regions.manage");
  const parsed = RetireRegionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, reason } = parsed.data;
  refuseFallback(id, "retired");
  return transaction(async (tx) => {
    const region = findRegion(await loadRegions(tx), id);
    if (region.isRetired) throw new AppError("PRECONDITION_FAILED", `${region.name} is already retired.`);
    await tx.complianceRegion.update({ where: { id }, data: { retiredAt: now } });
    const usage = await regionUsage(tx, id);
    const summary = `Retired compliance region ${id} (${region.name})${reason ? `: ${reason}` : ""}`;
    await recordAudit(tx, ctx, {
      action: "region.retire",
      targetType: "region",
      targetId: id,
      summary,
      data: { reason: reason ?? null, satellites: usage.satellites },
    });
    return { id, message: `${region.name} is retired: it is offered for nothing new.` };
  });
}

/** Offers a retired region again, unless another region took its countries meanwhile. */
export async function restoreRegion(ctx: Ctx, input: unknown): Promise<RegionLifecycleResult> {
  authorize(ctx, "regions.manage");
  const parsed = RegionRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id } = parsed.data;
  return transaction(async (tx) => {
    const regions = await loadRegions(tx);
    const region = findRegion(regions, id);
    if (!region.isRetired) throw new AppError("PRECONDITION_FAILED", `${region.name} is not retired.`);
    const overlaps = countryOverlaps(regions, id, region.countries);
    if (overlaps.length > 0) {
      const named = overlaps.slice(0, 5).map((o) => `${o.country} (now in ${o.regionName}, ${o.regionId})`);
      throw new AppError(
        "PRECONDITION_FAILED",
        `${region.name} cannot come back with its countries: ${named.join(", ")}${overlaps.length > 5 ? ` and ${overlaps.length - 5} more` : ""} belong to another region now. Remove them from one of the two first.`,
      );
    }
    await tx.complianceRegion.update({ where: { id }, data: { retiredAt: null } });
    await recordAudit(tx, ctx, {
      action: "region.restore",
      targetType: "region",
      targetId: id,
      summary: `Restored compliance region ${id} (${region.name})`,
    });
    return { id, message: `${region.name} is offered again.` };
  });
}

/**
 * Deletes a region nothing uses. A region with satellites (decommissioned ones included: they keep their
 * history), users scoped to it or status pages showing it is refused with what holds it: retire it instead.
 * Release certifications for it go with it.
 */
export async function deleteRegion(ctx: Ctx, input: unknown): Promise<RegionLifecycleResult> {
  authorize(ctx, "regions.manage");
  const parsed = RegionRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id } = parsed.data;
  refuseFallback(id, "deleted");
  return transaction(async (tx) => {
    const region = findRegion(await loadRegions(tx), id);
    const usage = await regionUsage(tx, id);
    const held = [
      usage.satellites ? `${usage.satellites} satellite${usage.satellites === 1 ? "" : "s"}` : null,
      usage.decommissioned
        ? `${usage.decommissioned} decommissioned satellite${usage.decommissioned === 1 ? "" : "s"}`
        : null,
      usage.users ? `${usage.users} user${usage.users === 1 ? "" : "s"} scoped to it` : null,
      usage.statusPages ? `${usage.statusPages} status page${usage.statusPages === 1 ? "" : "s"}` : null,
    ].filter((x): x is string => x !== null);
    if (held.length > 0) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${region.name} cannot be deleted: it has ${held.join(", ")}. Retire it instead; it stays for the record.`,
      );
    }
    await tx.complianceRegion.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      action: "region.delete",
      targetType: "region",
      targetId: id,
      summary: `Deleted compliance region ${id} (${region.name})`,
      data: { releasesUncertified: usage.releases },
    });
    return { id, message: `${region.name} was deleted.` };
  });
}
