import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { compareVersions, isDottedVersion } from "../rollouts/plan";
import { releaseInclude, toReleaseViews, type ReleaseView } from "./view";

export type { ReleaseView } from "./view";

/** Newest version first, compared as dotted numbers (2026.10.0 after 2026.9.2); newest created breaks ties. */
function byVersionDesc(a: ReleaseView, b: ReleaseView): number {
  if (isDottedVersion(a.version) && isDottedVersion(b.version)) {
    const order = compareVersions(b.version, a.version);
    if (order !== 0) return order;
  }
  return b.createdAt.localeCompare(a.createdAt);
}

/** Every release, newest version first. Readable by viewers, so the rollout form can offer them. */
export async function listReleases(ctx: Ctx): Promise<ReleaseView[]> {
  authorize(ctx, "releases.read");
  const rows = await db.release.findMany({ include: releaseInclude });
  return (await toReleaseViews(db, rows)).sort(byVersionDesc);
}

export async function getRelease(ctx: Ctx, id: string): Promise<ReleaseView> {
  authorize(ctx, "releases.read");
  const row = await db.release.findUnique({ where: { id }, include: releaseInclude });
  if (!row) throw new AppError("NOT_FOUND", "No such release.");
  const [view] = await toReleaseViews(db, [row]);
  return view;
}
