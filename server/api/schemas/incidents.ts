import { z } from "zod";
import { CONNECTIVITY } from "@/lib/connectivity";
import { LIFECYCLES } from "@/lib/fleet";
import { PUBLIC_STATUSES } from "@/lib/status/public-status";
import type { MaintenanceView } from "../../incidents/maintenance-read";
import type { IncidentDetail, IncidentSummary } from "../../incidents/read";
import {
  EditIncidentInput,
  INCIDENT_IMPACTS,
  INCIDENT_STATUSES,
  IncidentListFilter,
  MaintenanceListFilter,
  OpenIncidentInput,
  PostIncidentUpdateInput,
  ResolveIncidentInput,
  ScheduleMaintenanceInput,
  SetAffectedSatellitesInput,
} from "../../incidents/schemas";
import { pageQuery } from "../pagination";

const time = () => z.string().meta({ format: "date-time" });
const preview = z.array(z.object({ slug: z.string(), name: z.string() }));

const incidentFields = {
  id: z.string(),
  title: z.string(),
  impact: z.enum(INCIDENT_IMPACTS),
  componentStatus: z.enum(PUBLIC_STATUSES).nullable().meta({
    description: "The status its author chose for the components it names; null follows the impact.",
  }),
  status: z.enum(INCIDENT_STATUSES),
  isProposed: z.boolean().meta({ description: "A draft the reconciler proposed, not yet published." }),
  isPublished: z.boolean().meta({ description: "Shown on status pages." }),
  isDismissed: z.boolean(),
  regionId: z.string().nullable().meta({ description: "A proposal's own region." }),
  regionIds: z.array(z.string()).meta({ description: "Every region the incident touches." }),
  startedAt: time(),
  resolvedAt: time().nullable(),
  dismissedAt: time().nullable(),
  updatedAt: time(),
  satelliteCount: z.number().int(),
  satellitePreview: preview.meta({ description: "The first few affected satellites." }),
};

export const incidentSummarySchema: z.ZodType<IncidentSummary> = z
  .object(incidentFields)
  .meta({ id: "IncidentSummary" });

export const incidentSchema: z.ZodType<IncidentDetail> = z
  .object({
    ...incidentFields,
    createdBy: z.string().nullable(),
    satellites: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        name: z.string(),
        city: z.string(),
        regionId: z.string(),
        lifecycle: z.enum(LIFECYCLES),
        connectivity: z.enum(CONNECTIVITY),
      }),
    ),
    updates: z
      .array(
        z.object({
          id: z.string(),
          status: z.enum(INCIDENT_STATUSES),
          impact: z.enum(INCIDENT_IMPACTS).nullable(),
          body: z.string(),
          author: z.string().nullable().meta({ description: "null for the reconciler." }),
          createdAt: time(),
        }),
      )
      .meta({ description: "The timeline, newest first." }),
  })
  .meta({ id: "Incident" });

export const incidentListQuery = IncidentListFilter.extend(pageQuery.shape);
export const openIncidentBody = OpenIncidentInput.meta({ id: "OpenIncident" });
export const editIncidentBody = EditIncidentInput.meta({ id: "EditIncident" });
export const incidentUpdateBody = PostIncidentUpdateInput.omit({ id: true }).meta({
  id: "PostIncidentUpdate",
});
export const resolveIncidentBody = ResolveIncidentInput.omit({ id: true }).meta({ id: "ResolveIncident" });
export const affectedSatellitesBody = SetAffectedSatellitesInput.omit({ id: true }).meta({
  id: "SetAffectedSatellites",
});

export const maintenanceSchema: z.ZodType<MaintenanceView> = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    startsAt: time(),
    endsAt: time(),
    cancelledAt: time().nullable(),
    state: z.enum(["upcoming", "active", "over", "cancelled"]),
    createdBy: z.string().nullable(),
    regionIds: z.array(z.string()),
    satelliteCount: z.number().int(),
    satellitePreview: preview,
  })
  .meta({ id: "MaintenanceWindow" });

export const maintenanceListQuery = MaintenanceListFilter.extend(pageQuery.shape);
export const scheduleMaintenanceBody = ScheduleMaintenanceInput.meta({ id: "ScheduleMaintenance" });
