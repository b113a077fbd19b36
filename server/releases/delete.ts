import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { Prisma, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { DeleteReleaseInput } from "./schemas";

function inUse(version: string, names: string[], total: number): AppError {
  const listed = names.map((n) => `"${n}"`).join(", ");
  const more = total > names.length ? ` and ${total - names.length} more` : "";
  const who = names.length ? `${total === 1 ? "rollout" : "rollouts"} ${listed}${more}` : "a rollout";
  return new AppError(
    "PRECONDITION_FAILED",
    `${version} cannot be deleted: ${who} ${total === 1 ? "uses" : "use"} it, and a rollout keeps its release for the record.`,
  );
}

/** Deletes a release no rollout has ever used; its certifications go with it. */
export async function deleteRelease(ctx: Ctx, input: unknown): Promise<{ id: string; version: string }> {
  authorize(ctx, "releases.write");
  const parsed = DeleteReleaseInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id } = parsed.data;
  return transaction(async (tx) => {
    const release = await tx.release.findUnique({
      where: { id },
      select: {
        version: true,
        _count: { select: { rollouts: true } },
        rollouts: { select: { name: true }, orderBy: { createdAt: "desc" }, take: 3 },
      },
    });
    if (!release) throw new AppError("NOT_FOUND", "No such release.");
    if (release._count.rollouts > 0) {
      throw inUse(
        release.version,
        release.rollouts.map((r) => r.name),
        release._count.rollouts,
      );
    }
    try {
      await tx.release.delete({ where: { id } });
    } catch (error) {
      // A rollout created since the check above: the foreign key refuses, and so do we.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
        throw inUse(release.version, [], 1);
      }
      throw error;
    }
    await recordAudit(tx, ctx, {
      action: "release.delete",
      targetType: "release",
      targetId: id,
      summary: `Deleted release ${release.version}`,
      data: { version: release.version },
    });
    return { id, version: release.version };
  });
}
