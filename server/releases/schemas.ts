import { z } from "zod";

// Forms send strings: an empty field means "not given", never zero.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") });

// Dotted numbers with an optional pre-release, the subset of what the rollout planner compares
// (isDottedVersion) that also matches a satellite's reported stack version exactly: no "v" prefix.
const DOTTED = /^\d{1,9}(\.\d{1,9}){1,3}(-[0-9A-Za-z.-]{1,20})?$/;

export const DottedVersion = text
  .trim()
  .min(1, "is required")
  .max(40, "must be at most 40 characters")
  .regex(DOTTED, "use a dotted version such as 2026.12.0");

const Notes = text.trim().max(4000, "must be at most 4,000 characters");

const ArtifactSizeMb = z.preprocess(
  (v) => {
    const value = blankToUndefined(v);
    if (typeof value !== "string") return value;
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  },
  z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a number") })
    .gt(0, "must be greater than 0 MB")
    .max(1_000_000, "must be at most 1,000,000 MB"),
);

/** Region ids from a form (repeated checkboxes) or JSON; duplicates collapse, order does not matter. */
const RegionIds = z.preprocess(
  (v) => (v === undefined || v === null ? v : Array.isArray(v) ? v : String(v).split(",")),
  z
    .array(z.string().trim().min(1).max(40), { error: "choose at least one compliance region" })
    .min(1, "choose at least one compliance region")
    .max(50, "at most 50 regions")
    .transform((ids) => [...new Set(ids)].sort()),
);

export const CreateReleaseInput = z.object({
  version: DottedVersion,
  notes: Notes.default(""),
  artifactSizeMb: ArtifactSizeMb,
  regionIds: RegionIds,
  minAgentVersion: DottedVersion,
});
export type CreateReleaseInput = z.infer<typeof CreateReleaseInput>;

export const UpdateReleaseInput = z.object({
  id: text.min(1, "is required"),
  // Accepted only so a client that sends the whole release back is not refused for it; the verb refuses
  // any version other than the current one.
  version: z.preprocess(blankToUndefined, text.trim().optional()),
  notes: Notes.optional(),
  regionIds: RegionIds.optional(),
  minAgentVersion: DottedVersion.optional(),
});
export type UpdateReleaseInput = z.infer<typeof UpdateReleaseInput>;

export const DeleteReleaseInput = z.object({ id: text.min(1, "is required") });
export type DeleteReleaseInput = z.infer<typeof DeleteReleaseInput>;

/** The API's filter on the list of releases: one exact version, so a script can find a release's id. */
export const ReleaseListFilter = z.object({
  version: z.preprocess(blankToUndefined, text.trim().max(40, "must be at most 40 characters").optional()),
});
export type ReleaseListFilter = z.infer<typeof ReleaseListFilter>;
