import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { compareVersions, isDottedVersion } from "./plan";

export type ReleaseOption = {
  id: string;
  version: string;
  notes: string;
  artifactSizeMb: number;
  minAgentVersion: string;
  certifiedRegionIds: string[];
};

/** The releases a rollout can carry, newest version first (dotted versions compared as numbers). */
export async function listReleaseOptions(ctx: Ctx): Promise<ReleaseOption[]> {
  authorize(ctx, "releases.read");
  const rows = await db.release.findMany({
    include: { certifiedRegions: { select: { regionId: true } } },
    orderBy: { createdAt: "desc" },
  });
  const options = rows.map((r) => ({
    id: r.id,
    version: r.version,
    notes: r.notes,
    artifactSizeMb: r.artifactSizeMb,
    minAgentVersion: r.minAgentVersion,
    certifiedRegionIds: r.certifiedRegions.map((c) => c.regionId).sort(),
  }));
  return options.sort((a, b) =>
    isDottedVersion(a.version) && isDottedVersion(b.version) ? compareVersions(b.version, a.version) : 0,
  );
}
