import { z } from "zod";
import { CONNECTIVITY, HEALTH } from "@/lib/connectivity";
import { LIFECYCLES, SATELLITE_KINDS } from "@/lib/fleet";
import { DecommissionInput } from "../../satellites/decommission";
import type { SatelliteDetail } from "../../satellites/get";
import {
  SatelliteFilter,
  SatelliteInput,
  SatelliteLabelsInput,
  SatelliteUpdate,
} from "../../satellites/schemas";
import { SEVERITIES } from "../../satellites/severity";
import type { SatelliteView } from "../../satellites/view";
import { listOf, pageQuery, type ListPage } from "../pagination";

const time = (description?: string) => z.string().meta({ format: "date-time", description });

const satelliteFields = z.object({
  id: z.string(),
  slug: z.string().meta({ example: "de-fra-edge-01" }),
  name: z.string(),
  kind: z.enum(SATELLITE_KINDS),
  provider: z.string(),
  city: z.string(),
  country: z.string().meta({ description: "ISO 3166-1 alpha-2.", example: "DE" }),
  lat: z.number(),
  lon: z.number(),
  regionId: z.string().meta({ description: "The compliance region it belongs to.", example: "eu-gdpr" }),
  isRegionPinned: z
    .boolean()
    .meta({ description: "Set by hand rather than derived from the country; a country change keeps it." }),
  labels: z.record(z.string(), z.string()),
  cpuCores: z.number().int(),
  memoryGb: z.number().int(),
  storageTb: z.number(),
  uplinkMbps: z.number().int(),
  downlinkMbps: z.number().int(),
  stackVersion: z.string().nullable(),
  agentVersion: z.string().nullable(),
  lifecycle: z.enum(LIFECYCLES),
  heartbeatIntervalSec: z.number().int(),
  lastSeenAt: time().nullable(),
  connectivity: z.enum(CONNECTIVITY),
  health: z.enum(HEALTH),
  severity: z.enum(SEVERITIES).meta({ description: "Connectivity and health in one order, worst first." }),
  healthChangedAt: time().nullable(),
  services: z
    .record(z.string(), z.string())
    .nullable()
    .meta({ description: "Each service's last reported status; null while not connected." }),
  rxMbps: z.number().nullable(),
  txMbps: z.number().nullable(),
  decommissionedAt: time().nullable(),
  createdAt: time(),
  updatedAt: time(),
});

/** A satellite as every list shows it; `SatelliteView` is the type this must describe. */
export const satelliteSchema: z.ZodType<SatelliteView> = satelliteFields.meta({ id: "Satellite" });

/** One satellite, with its region named. */
export const satelliteDetailSchema: z.ZodType<SatelliteDetail> = satelliteFields
  .extend({
    region: z.object({ id: z.string(), name: z.string(), jurisdiction: z.string(), color: z.string() }),
  })
  .meta({ id: "SatelliteDetail" });

export const satelliteListQuery = SatelliteFilter.extend(pageQuery.shape);

export type SatelliteList = ListPage<SatelliteView> & { total: number };
export const satelliteListSchema: z.ZodType<SatelliteList> = listOf(satelliteSchema).extend({
  total: z.number().int().meta({ description: "How many satellites match the filters, on every page." }),
});

/** Registering: the console's own schema. */
export const createSatelliteBody = SatelliteInput.meta({ id: "CreateSatellite" });

/** Editing: the console's schema without the id, which the path names. Every field is optional. */
export const updateSatelliteBody = SatelliteUpdate.omit({ id: true }).meta({ id: "UpdateSatellite" });

export const satelliteLabelsBody = SatelliteLabelsInput.omit({ id: true }).meta({ id: "SatelliteLabels" });

export const decommissionBody = DecommissionInput.omit({ id: true }).meta({ id: "DecommissionSatellite" });
