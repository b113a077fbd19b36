import "server-only";
import { z } from "zod";
import { PUBLIC_STATUSES } from "@/lib/status/public-status";

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** An incident opens unresolved; resolving is a later step with its own audit row. */
export const OPEN_STATUSES = ["investigating", "identified", "monitoring"] as const;
export const INCIDENT_IMPACTS = ["none", "minor", "major", "critical"] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];
export const INCIDENT_FILTERS = ["open", "proposed", "resolved", "dismissed"] as const;
export type IncidentFilter = (typeof INCIDENT_FILTERS)[number];
export const MAINTENANCE_PHASES = ["active", "upcoming", "past"] as const;
export type MaintenancePhase = (typeof MAINTENANCE_PHASES)[number];

export const MAX_SATELLITES = 500;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Satellites arrive as an array (API, repeated form fields) or as slugs separated by commas or spaces. */
function splitRefs(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const out = list.flatMap((v) => (typeof v === "string" ? v.split(/[\s,]+/) : [v]));
  return [...new Set(out.filter((v) => v !== ""))];
}

const SatelliteRefs = z.preprocess(
  splitRefs,
  z
    .array(z.string({ error: "name satellites by slug or id" }).max(100, "is not a satellite slug or id"))
    .min(1, "pick at least one affected satellite")
    .max(MAX_SATELLITES, `at most ${MAX_SATELLITES} satellites`),
);

/** Form times without an offset are UTC, as the console shows every time in UTC. */
function toDate(value: unknown): unknown {
  if (value instanceof Date) return value;
  if (typeof value !== "string" || value.trim() === "") return value === "" ? undefined : value;
  const text = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text) ? `${text}Z` : text;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? text : date;
}
const DateTime = z.preprocess(
  toDate,
  z.date({ error: (issue) => (issue.input === undefined ? "is required" : "is not a date and time") }),
);

const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const Id = z.string({ error: "is required" }).trim().min(1, "is required").max(64, "is not an id");
const Title = z
  .string({ error: "is required" })
  .trim()
  .min(3, "must be at least 3 characters")
  .max(200, "must be at most 200 characters");
const Body = z
  .string({ error: "is required" })
  .trim()
  .min(1, "say what is happening")
  .max(5000, "must be at most 5,000 characters");
const Impact = z.enum(INCIDENT_IMPACTS, { error: `must be one of ${INCIDENT_IMPACTS.join(", ")}` });
/** "auto" (or blank when opening) follows the impact: docs/status-model.md. */
export const FOLLOW_IMPACT = "auto";
const ComponentStatus = z
  .enum([...PUBLIC_STATUSES, FOLLOW_IMPACT], { error: "pick a status or follow the impact" })
  .meta({ label: "Status of affected components" });

export const OpenIncidentInput = z.object({
  title: Title,
  impact: Impact,
  status: z.preprocess(
    blankToUndefined,
    z.enum(OPEN_STATUSES, { error: `must be one of ${OPEN_STATUSES.join(", ")}` }).default("investigating"),
  ),
  body: Body,
  satellites: SatelliteRefs,
  isPublished: checkbox,
  componentStatus: z.preprocess(blankToUndefined, ComponentStatus.default(FOLLOW_IMPACT)),
});
export type OpenIncidentInput = z.infer<typeof OpenIncidentInput>;

export const PostIncidentUpdateInput = z.object({
  id: Id,
  status: z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(", ")}` }),
  impact: Impact,
  body: Body,
  /** Absent or blank keeps the incident's choice. */
  componentStatus: z.preprocess(blankToUndefined, ComponentStatus.optional()),
});
export type PostIncidentUpdateInput = z.infer<typeof PostIncidentUpdateInput>;

export const ResolveIncidentInput = z.object({
  id: Id,
  body: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(5000, "must be at most 5,000 characters")
      .default("This incident has been resolved."),
  ),
});
export type ResolveIncidentInput = z.infer<typeof ResolveIncidentInput>;

export const IncidentRef = z.object({ id: Id });
export type IncidentRef = z.infer<typeof IncidentRef>;

export const SetAffectedSatellitesInput = z.object({ id: Id, satellites: SatelliteRefs });
export type SetAffectedSatellitesInput = z.infer<typeof SetAffectedSatellitesInput>;

export const IncidentQuery = z.object({
  filter: z.enum(INCIDENT_FILTERS).default("open").catch("open"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  limit: z.coerce.number().int().min(1).max(200).default(25).catch(25),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const ScheduleMaintenanceInput = z
  .object({
    title: Title,
    description: z.preprocess(
      blankToUndefined,
      z.string().trim().max(2000, "must be at most 2,000 characters").default(""),
    ),
    startsAt: DateTime,
    endsAt: DateTime,
    satellites: SatelliteRefs,
  })
  .refine((w) => w.endsAt.getTime() > w.startsAt.getTime(), {
    path: ["endsAt"],
    message: "must be after the start",
  });
export type ScheduleMaintenanceInput = z.infer<typeof ScheduleMaintenanceInput>;

export const MaintenanceQuery = z.object({
  phase: z.enum(MAINTENANCE_PHASES).default("upcoming").catch("upcoming"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  limit: z.coerce.number().int().min(1).max(200).default(25).catch(25),
});
export type MaintenanceQuery = z.infer<typeof MaintenanceQuery>;

/** The API's filters on incidents: a console tab, a timeline status, a region the incident touches. */
export const IncidentListFilter = z.object({
  filter: z
    .enum(INCIDENT_FILTERS, { error: `must be one of ${INCIDENT_FILTERS.join(", ")}` })
    .optional()
    .meta({
      label: "Filter",
      description: "open, proposed, resolved or dismissed; every incident when left out.",
    }),
  status: z
    .enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(", ")}` })
    .optional()
    .meta({ label: "Status" }),
  region: z
    .string({ error: "must be one region id" })
    .trim()
    .min(1, "is required")
    .max(40, "is not a region id")
    .optional()
    .meta({ label: "Region", description: "Incidents touching this compliance region." }),
});
export type IncidentListFilter = z.infer<typeof IncidentListFilter>;

/** The API's filters on maintenance windows: a phase (every window when left out) and a region. */
export const MaintenanceListFilter = z.object({
  phase: z
    .enum(MAINTENANCE_PHASES, { error: `must be one of ${MAINTENANCE_PHASES.join(", ")}` })
    .optional()
    .meta({ label: "Phase" }),
  region: IncidentListFilter.shape.region,
});
export type MaintenanceListFilter = z.infer<typeof MaintenanceListFilter>;

/** Corrects an open incident or a proposal in place; the timeline tells readers about changes instead. */
export const EditIncidentInput = z
  .object({
    title: Title.optional(),
    impact: Impact.optional(),
    componentStatus: ComponentStatus.optional(),
  })
  .refine((e) => e.title !== undefined || e.impact !== undefined || e.componentStatus !== undefined, {
    message: "change at least the title, the impact or the status of affected components",
    path: ["title"],
  });
export type EditIncidentInput = z.infer<typeof EditIncidentInput>;
