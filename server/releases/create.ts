import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { conflictOnUnique, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { CreateReleaseInput } from "./schemas";
import { checkRegionsExist, releaseInclude, toReleaseViews, type ReleaseView } from "./view";

function duplicate(version: string): AppError {
  const message = `${version} already exists; publish a new version instead`;
  return new AppError("CONFLICT", `version: ${message}`, { fields: { version: message } });
}

export async function createRelease(ctx: Ctx, input: unknown): Promise<ReleaseView> {
  authorize(ctx, "releases.write");
  const parsed = CreateReleaseInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const r = parsed.data;
  return transaction(async (tx) => {
    await checkRegionsExist(tx, r.regionIds);
    if (await tx.release.findUnique({ where: { version: r.version }, select: { id: true } })) {
      throw duplicate(r.version);
    }
    try {
      const release = await tx.release.create({
        data: {
          version: r.version,
          notes: r.notes,
          artifactSizeMb: r.artifactSizeMb,
          minAgentVersion: r.minAgentVersion,
          createdById: personOf(ctx.actor),
          certifiedRegions: { create: r.regionIds.map((regionId) => ({ regionId })) },
        },
        include: releaseInclude,
      });
      await recordAudit(tx, ctx, {
        action: "release.create",
        targetType: "release",
        targetId: release.id,
        summary: `Published release ${r.version} certified for ${r.regionIds.join(", ")} (${r.artifactSizeMb} MB, agent ≥ ${r.minAgentVersion})`,
        data: { version: r.version, regionIds: r.regionIds },
      });
      const [view] = await toReleaseViews(tx, [release]);
      return view;
    } catch (error) {
      // Two admins publishing the same version at once: the unique index decides.
      conflictOnUnique(error, { version: duplicate(r.version).message });
    }
  });
}
