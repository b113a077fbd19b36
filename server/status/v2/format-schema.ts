import { z } from "zod";

// The public Statuspage v2 read format (https://<page>.statuspage.io/api/v2/, "Status API" documentation),
// written from that documentation, not from Orrery's code, so tests can hold every v2 answer to it.
// Objects are strict: a field the format does not name is a mistake here too.

const time = z.iso.datetime({ offset: true });
const componentStatus = z.enum([
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
]);
const incidentStatus = z.enum(["investigating", "identified", "monitoring", "resolved", "postmortem"]);
const maintenanceStatus = z.enum(["scheduled", "in_progress", "verifying", "completed"]);

export const V2PageSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  url: z.url(),
  time_zone: z.string().min(1),
  updated_at: time,
});

export const V2ComponentSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  status: componentStatus,
  created_at: time,
  updated_at: time,
  position: z.number().int(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.string().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  /** Only on groups: the ids of the components in the group. */
  components: z.array(z.string()).optional(),
});

const affectedComponent = z.strictObject({
  code: z.string(),
  name: z.string(),
  old_status: componentStatus,
  new_status: componentStatus,
});

const update = (status: z.ZodType) =>
  z.strictObject({
    id: z.string(),
    status,
    body: z.string(),
    incident_id: z.string(),
    created_at: time,
    updated_at: time,
    display_at: time,
    affected_components: z.array(affectedComponent).nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.string().nullable(),
    tweet_id: z.string().nullable(),
  });

const incidentFields = {
  id: z.string(),
  name: z.string(),
  created_at: time,
  updated_at: time,
  monitoring_at: time.nullable(),
  resolved_at: time.nullable(),
  shortlink: z.url(),
  started_at: time,
  page_id: z.string(),
  components: z.array(V2ComponentSchema),
};

export const V2IncidentSchema = z.strictObject({
  ...incidentFields,
  status: incidentStatus,
  impact: z.enum(["none", "minor", "major", "critical"]),
  incident_updates: z.array(update(incidentStatus)),
});

export const V2MaintenanceSchema = z.strictObject({
  ...incidentFields,
  status: maintenanceStatus,
  impact: z.enum(["none", "minor", "major", "critical", "maintenance"]),
  incident_updates: z.array(update(maintenanceStatus)),
  scheduled_for: time,
  scheduled_until: time,
});

export const V2StatusSchema = z.strictObject({
  indicator: z.enum(["none", "minor", "major", "critical", "maintenance"]),
  description: z.string(),
});

const page = { page: V2PageSchema };
/** Each endpoint's answer, by its path under api/v2/. */
export const V2_SCHEMAS = {
  "summary.json": z.strictObject({
    ...page,
    components: z.array(V2ComponentSchema),
    incidents: z.array(V2IncidentSchema),
    scheduled_maintenances: z.array(V2MaintenanceSchema),
    status: V2StatusSchema,
  }),
  "status.json": z.strictObject({ ...page, status: V2StatusSchema }),
  "components.json": z.strictObject({ ...page, components: z.array(V2ComponentSchema) }),
  "incidents.json": z.strictObject({ ...page, incidents: z.array(V2IncidentSchema).max(50) }),
  "incidents/unresolved.json": z.strictObject({
    ...page,
    incidents: z.array(V2IncidentSchema.refine((i) => i.status !== "resolved" && i.status !== "postmortem")),
  }),
  "scheduled-maintenances.json": z.strictObject({
    ...page,
    scheduled_maintenances: z.array(V2MaintenanceSchema).max(50),
  }),
  "scheduled-maintenances/upcoming.json": z.strictObject({
    ...page,
    scheduled_maintenances: z.array(V2MaintenanceSchema.refine((m) => m.status === "scheduled")),
  }),
  "scheduled-maintenances/active.json": z.strictObject({
    ...page,
    scheduled_maintenances: z.array(
      V2MaintenanceSchema.refine((m) => m.status === "in_progress" || m.status === "verifying"),
    ),
  }),
} as const;

/** A single incident, /status/<slug>/incidents/<id>.json. */
export const V2SingleIncidentSchema = z.strictObject({ ...page, incident: V2IncidentSchema });
