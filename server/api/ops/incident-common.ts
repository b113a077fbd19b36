import { z } from "zod";

/** What the incident and maintenance operations share: path ids, cursors, the tag and who may write. */
export const idParams = z.object({ id: z.string().min(1).max(200) });
export type IdParams = z.infer<typeof idParams>;
/** A page's cursor: the last row's sort time and id. */
export const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);
export const INCIDENT_TAGS: [string] = ["Incidents"];
export const INCIDENT_WRITE =
  "Operators and admins (`incidents.write`). A region-scoped caller may act only on incidents whose satellites " +
  "and region all lie in its scope.";
