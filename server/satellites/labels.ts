import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { transaction } from "../db";
import { AppError, parseInput } from "../errors";
import { Labels, SatelliteLabelsInput } from "./schemas";
import { applySatelliteUpdate, satelliteEdited } from "./update";

const refuse = (field: string, fragment: string) =>
  new AppError("VALIDATION", `${field}: ${fragment}`, { fields: { [field]: fragment } });

function asLabels(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/**
 * Replaces a satellite's labels, or merges some in and removes others, as one edit: the new set is worked
 * out from the labels read in the edit's own transaction, so two merges at once both land.
 */
export async function changeSatelliteLabels(ctx: Ctx, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "satellites.write");
  const { id, set, merge, remove } = parseInput(SatelliteLabelsInput, input ?? {});
  if (set !== undefined && (merge !== undefined || remove !== undefined)) {
    throw refuse("set", "replaces every label, so it cannot be combined with merge or remove");
  }
  if (set === undefined && merge === undefined && remove === undefined) {
    throw refuse("set", "is required, unless merge or remove is given");
  }
  const updated = await transaction(async (tx) => {
    const before = await tx.satellite.findUnique({ where: { id }, select: { labels: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such satellite.");
    const next = set ?? { ...asLabels(before.labels), ...merge };
    for (const key of remove ?? []) delete next[key];
    const checked = Labels.safeParse(next);
    if (!checked.success) {
      throw refuse(merge ? "merge" : "set", `would leave ${Object.keys(next).length} labels; at most 32`);
    }
    return applySatelliteUpdate(tx, ctx, { id, labels: checked.data });
  });
  satelliteEdited(updated.id);
  return updated;
}
