import { z } from "zod";
import type { ReleaseView } from "../../releases/view";
import { CreateReleaseInput, ReleaseListFilter, UpdateReleaseInput } from "../../releases/schemas";
import { pageQuery } from "../pagination";

/** A release as the console shows it; `ReleaseView` is the type this must describe. */
export const releaseSchema: z.ZodType<ReleaseView> = z
  .object({
    id: z.string(),
    version: z.string().meta({ example: "2026.12.0" }),
    notes: z.string(),
    artifactSizeMb: z.number(),
    minAgentVersion: z.string().meta({ example: "1.4.0" }),
    regionIds: z
      .array(z.string())
      .meta({ description: "The compliance regions it is certified for: rollouts carry it nowhere else." }),
    createdBy: z.string().nullable().meta({ description: "The publisher's email, if known." }),
    createdAt: z.string().meta({ format: "date-time" }),
    satelliteCount: z.number().int().meta({ description: "Satellites in service running this version." }),
    rolloutCount: z.number().int(),
    activeRolloutCount: z.number().int(),
  })
  .meta({ id: "Release" });

export const releaseListQuery = ReleaseListFilter.extend(pageQuery.shape);

/** Publishing: the console's own schema. */
export const createReleaseBody = CreateReleaseInput.meta({ id: "CreateRelease" });

/** Editing: the console's schema without the id, which the path names. Every field is optional. */
export const updateReleaseBody = UpdateReleaseInput.omit({ id: true }).meta({ id: "UpdateRelease" });

export const deletedRelease = z.object({ id: z.string(), version: z.string() });
