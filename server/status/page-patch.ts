import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { AppError } from "../errors";
import { getStatusPage, updateStatusPage, type StatusPageSummary } from "./pages";

/**
 * Changes only the fields given, for the API: the page as it is, with `patch` laid over it, saved through
 * the console's own update, so every rule of a full save (thresholds in order, a selection, known regions
 * and satellites, the secret link) holds for a partial one too.
 */
export async function patchStatusPage(ctx: Ctx, id: string, patch: unknown): Promise<StatusPageSummary> {
  authorize(ctx, "status-pages.manage");
  if (patch !== undefined && (typeof patch !== "object" || patch === null || Array.isArray(patch))) {
    throw new AppError("VALIDATION", "body: must be a JSON object", {
      fields: { body: "must be a JSON object" },
    });
  }
  const current = await getStatusPage(ctx, id);
  const { secret: _secret, updatedAt: _updatedAt, logoUrl, accentColor, ...fields } = current;
  await updateStatusPage(ctx, {
    ...fields,
    logoUrl: logoUrl ?? undefined,
    accentColor: accentColor ?? undefined,
    ...(patch as Record<string, unknown> | undefined),
    id: current.id,
  });
  return getStatusPage(ctx, current.id);
}
