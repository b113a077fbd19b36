import { z } from "zod";
import { PUBLIC_STATUSES } from "@/lib/status/public-status";
import { StatusPageFields, StatusPageInput } from "../../status/page-schemas";
import type { StatusPageSummary } from "../../status/pages";
import { PinComponentFields, type StatusPinView } from "../../status/pins";

export const statusPageSchema: z.ZodType<StatusPageSummary> = z
  .object({
    id: z.string(),
    slug: z.string().meta({ example: "fleet" }),
    title: z.string(),
    visibility: z
      .enum(["public", "unlisted", "disabled"])
      .meta({ description: "unlisted pages answer only at their secret link; disabled pages not at all." }),
    secret: z.string().nullable().meta({ description: "The secret link's key of an unlisted page." }),
    includeAll: z.boolean().meta({ description: "The whole fleet." }),
    regionIds: z.array(z.string()),
    labels: z.array(z.string()).meta({ description: 'Satellites with any of these "key=value" labels.' }),
    satelliteSlugs: z.array(z.string()),
    showSatellites: z.boolean(),
    allowedOrigins: z.array(z.string()).meta({ description: "Origins that may embed the page." }),
    customHost: z
      .string()
      .nullable()
      .meta({ description: "One of the operator's STATUS_CUSTOM_HOSTS the page also answers on." }),
    description: z.string(),
    logoUrl: z.string().nullable(),
    accentColor: z.string().nullable(),
    degradedPct: z.number(),
    partialPct: z.number(),
    majorPct: z.number(),
    debounceSec: z.number().int().meta({ description: "How long a new region status must hold." }),
    updatedAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "StatusPage" });

export const createStatusPageBody = StatusPageInput.meta({ id: "CreateStatusPage" });
/** Any of the page's fields; the others keep their values. */
export const updateStatusPageBody = StatusPageFields.partial().meta({ id: "UpdateStatusPage" });

export const statusPinSchema: z.ZodType<StatusPinView> = z
  .object({
    id: z.string(),
    component: z.string().meta({ description: "The region pinned." }),
    status: z.enum(PUBLIC_STATUSES),
    reason: z.string(),
    createdAt: z.string().meta({ format: "date-time" }),
    expiresAt: z.string().meta({ format: "date-time" }),
    clearedAt: z.string().nullable().meta({ format: "date-time" }),
    createdBy: z.string().nullable(),
    isActive: z.boolean(),
  })
  .meta({ id: "StatusPin" });

/** A pin's fields; the path names the page. `duration` "until" needs `until`. */
export const pinBody = PinComponentFields.omit({ statusPageId: true }).meta({ id: "PinComponent" });
