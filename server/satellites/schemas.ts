import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { CONNECTIVITY, HEALTH } from "@/lib/connectivity";
import { LIFECYCLES, SATELLITE_KINDS, SATELLITE_SORTS } from "@/lib/fleet";

// Forms send strings: an empty field means "not given", never zero.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
function toNumber(v: unknown): unknown {
  const value = blankToUndefined(v);
  if (typeof value !== "string") return value;
  const n = Number(value);
  return Number.isNaN(n) ? value : n;
}
const num = (what: string) => z.number({ error: `${what} must be a number` });
const number = (schema: z.ZodNumber) => z.preprocess(toNumber, schema);
const int = (min: number, max: number, what: string) =>
  number(
    num(what)
      .int(`${what} must be a whole number`)
      .min(min, `${what} must be at least ${min}`)
      .max(max, `${what} must be at most ${max}`),
  );

export const Slug = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");

const LABEL_KEY = /^[a-z0-9][a-z0-9_./-]{0,62}$/;

/** Labels arrive as an object (API) or as "key=value" lines (forms). */
export const Labels = z.preprocess(
  (value, ctx) => {
    if (typeof value !== "string") return value ?? {};
    const out: Record<string, string> = {};
    for (const line of value.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      const eq = trimmed.indexOf("=");
      if (eq <= 0) {
        ctx.addIssue({ code: "custom", message: `"${trimmed}" is not key=value`, input: value });
        return z.NEVER;
      }
      out[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
    }
    return out;
  },
  z
    .record(
      z.string(),
      z.string({ error: "label values are text" }).max(100, "label values are at most 100 characters"),
    )
    .superRefine((labels, ctx) => {
      const keys = Object.keys(labels);
      if (keys.length > 32) ctx.addIssue({ code: "custom", message: "at most 32 labels" });
      for (const key of keys) {
        if (!LABEL_KEY.test(key)) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `"${key}" is not a label key: lower-case letters, digits, . _ / -, up to 63 characters`,
          });
        }
      }
    }),
);

const Version = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, "use a version such as 2026.11.1 or 1.4.0");

export const SatelliteInput = z.object({
  slug: Slug,
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  kind: z.enum(SATELLITE_KINDS, { error: `must be one of ${SATELLITE_KINDS.join(", ")}` }),
  provider: z
    .string()
    .trim()
    .min(1, "is required")
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens"),
  city: z.string().trim().min(1, "is required").max(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "is not an ISO 3166-1 country code (for example DE, US, JP)"),
  lat: number(
    num("latitude")
      .min(-90, "latitude must be between -90 and 90")
      .max(90, "latitude must be between -90 and 90"),
  ),
  lon: number(
    num("longitude")
      .min(-180, "longitude must be between -180 and 180")
      .max(180, "longitude must be between -180 and 180"),
  ),
  regionId: z.preprocess(blankToUndefined, z.string().max(40).optional()),
  labels: Labels,
  cpuCores: int(1, 10_000_000, "cores"),
  memoryGb: int(1, 1_000_000_000, "memory"),
  storageTb: number(num("storage").min(0, "storage cannot be negative").max(1_000_000)),
  uplinkMbps: int(1, 100_000_000, "uplink"),
  downlinkMbps: int(1, 100_000_000, "downlink"),
  heartbeatIntervalSec: z.preprocess(blankToUndefined, int(5, 300, "interval").optional()),
  stackVersion: z.preprocess(blankToUndefined, Version.optional()),
  agentVersion: z.preprocess(blankToUndefined, Version.optional()),
});
export type SatelliteInput = z.infer<typeof SatelliteInput>;

export const SatelliteUpdate = SatelliteInput.omit({ slug: true })
  .partial()
  .extend({ id: z.string().min(1, "is required") });
export type SatelliteUpdate = z.infer<typeof SatelliteUpdate>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === "" || v === null) return undefined;
    const list = Array.isArray(v) ? v.flatMap((x) => String(x).split(",")) : String(v).split(",");
    return list.map((s) => s.trim()).filter(Boolean);
  }, z.array(item).optional());

/** The list's sorts: every stored column of lib/fleet.ts, and severity (./severity.ts), the default. */
export const SATELLITE_LIST_SORTS = ["severity", ...SATELLITE_SORTS] as const;
export type SatelliteListSort = (typeof SATELLITE_LIST_SORTS)[number];

export const SatelliteQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  region: csv(z.string().max(40)),
  kind: csv(z.enum(SATELLITE_KINDS)),
  provider: csv(z.string().max(60)),
  lifecycle: csv(z.enum(LIFECYCLES)),
  connectivity: csv(z.enum(CONNECTIVITY)),
  health: csv(z.enum(HEALTH)),
  label: csv(z.string().regex(/^[^=]+=.*$/, 'labels filter as "key=value"')),
  sort: z.preprocess(blankToUndefined, z.enum(SATELLITE_LIST_SORTS).default("severity")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("asc")),
  page: z.preprocess(blankToUndefined, int(1, 100_000, "page").default(1)),
  limit: z.preprocess(blankToUndefined, int(1, 10_000, "limit").default(50)),
});
export type SatelliteQuery = z.infer<typeof SatelliteQuery>;

/** The console list's keyset position: after the cursor of one page's last row, or before its first row's. */
export const SatelliteListCursor = z.object({
  after: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
  before: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
});

/** The list's filters alone, for a list paged by cursor (the REST API) rather than by page number. */
export const SatelliteFilter = SatelliteQuery.omit({ sort: true, dir: true, page: true, limit: true });
export type SatelliteFilter = z.infer<typeof SatelliteFilter>;

/** A change to a satellite's labels: replace them all (`set`), or add and overwrite some and drop others. */
export const SatelliteLabelsInput = z.object({
  id: z.string().min(1, "is required"),
  set: Labels.optional().meta({ label: "Labels", description: "Replaces every label." }),
  merge: Labels.optional().meta({
    label: "Labels to add",
    description: "Added, or overwriting the same key.",
  }),
  remove: z
    .array(z.string().max(63, "is not a label key"))
    .max(32, "may name at most 32 keys")
    .optional()
    .meta({ label: "Labels to remove", description: "Keys to drop; a key the satellite lacks is ignored." }),
});
export type SatelliteLabelsInput = z.infer<typeof SatelliteLabelsInput>;
