import { z } from "zod";

/** A resource id in a path. PostgreSQL refuses text with a NUL, so control characters are refused first. */
export const pathId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f]+$/, "is not an id");
/** What the incident and maintenance operations share: path ids, cursors, the tag and who may write. */
export const idParams = z.object({ id: pathId });
export type IdParams = z.infer<typeof idParams>;
/** A page's cursor: the last row's sort time and id. */
export const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);
export const INCIDENT_TAGS: [string] = ["Incidents"];
export const INCIDENT_WRITE =
  "Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites " +
  "and region all lie in its scope.";
