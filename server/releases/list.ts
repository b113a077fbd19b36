import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db, type Prisma } from "../db";
import { AppError, parseInput } from "../errors";
import { compareVersions, isDottedVersion } from "../rollouts/plan";
import { ReleaseListFilter } from "./schemas";
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

/** Where a page of the API's list starts: after the release created at `createdAt` with this id. */
export type ReleasePageKey = { createdAt: string; id: string };

/**
 * The API's list: newest published first, read as a keyset page of `limit + 1` rows after `after` (versions
 * sort as dotted numbers only in memory, which a page cannot do), optionally one exact version.
 */
export async function listReleasePage(
  ctx: Ctx,
  filter: unknown,
  page: { limit: number; after?: ReleasePageKey },
): Promise<ReleaseView[]> {
  authorize(ctx, "releases.read");
  const { version } = parseInput(ReleaseListFilter, filter ?? {});
  const and: Prisma.ReleaseWhereInput[] = [];
  if (version !== undefined) and.push({ version });
  if (page.after) {
    const at = new Date(page.after.createdAt);
    and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: page.after.id } }] });
  }
  const rows = await db.release.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    include: releaseInclude,
  });
  return toReleaseViews(db, rows);
}
