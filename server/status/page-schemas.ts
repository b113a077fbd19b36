import "server-only";
import { z } from "zod";
import { DEFAULT_DEBOUNCE_SEC, DEFAULT_STATUS_THRESHOLDS, MAX_DEBOUNCE_SEC } from "@/lib/status/status-model";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** Forms send one value per line (or repeated fields); the API sends arrays. */
const lines = (v: unknown) => {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v.map(String) : String(v).split(/[\r\n,]+/);
  return list.map((s) => s.trim()).filter(Boolean);
};
const checkbox = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";

/** Blank form fields take the default; anything else must read as a number. */
const number = (v: unknown) => {
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return undefined;
  return typeof v === "string" ? Number(v.trim()) : v;
};
const percent = (label: string, fallback: number) =>
  z
    .preprocess(
      number,
      z
        .number({ error: "must be a percentage" })
        .gt(0, "must be above 0 %")
        .max(100, "must be at most 100 %")
        .default(fallback),
    )
    .meta({ label });

const Origin = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, "use an origin such as https://example.com (no path)");
/** Absent keeps the page's custom host; blank unbinds it; a name must be one of STATUS_CUSTOM_HOSTS. */
const hostName = (v: unknown) => {
  if (v === undefined) return undefined;
  if (v === null || (typeof v === "string" && v.trim() === "")) return null;
  return typeof v === "string" ? v.trim().toLowerCase().replace(/\.$/, "") : v;
};
const Label = z.string().regex(/^[a-z0-9][a-z0-9_./-]{0,62}=[^|\n]{0,100}$/, 'labels select as "key=value"');

export const StatusPageFields = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens")
    .min(2, "must be at least 2 characters")
    .max(63, "must be at most 63 characters"),
  title: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  description: z.preprocess(blank, z.string().trim().max(500, "must be at most 500 characters").default("")),
  visibility: z.enum(["public", "unlisted", "disabled"], { error: "must be public, unlisted or disabled" }),
  includeAll: z.preprocess(checkbox, z.boolean()),
  regionIds: z.preprocess(lines, z.array(z.string().max(40)).max(50)),
  labels: z.preprocess(lines, z.array(Label).max(20, "at most 20 labels")),
  satelliteSlugs: z.preprocess(
    lines,
    z.array(z.string().max(100)).max(500, "at most 500 satellites by hand"),
  ),
  showSatellites: z.preprocess(checkbox, z.boolean()),
  allowedOrigins: z.preprocess(lines, z.array(Origin).max(20, "at most 20 origins")),
  logoUrl: z.preprocess(
    blank,
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .max(500)
      .optional(),
  ),
  accentColor: z.preprocess(
    blank,
    z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "use a colour such as #4f46e5")
      .optional(),
  ),
  customHost: z.preprocess(
    hostName,
    z
      .string()
      .max(253, "must be at most 253 characters")
      .regex(
        /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
        "use a host name such as status.example.com",
      )
      .nullable()
      .optional(),
  ),
  degradedPct: percent("Degraded performance from", DEFAULT_STATUS_THRESHOLDS.degradedPct),
  partialPct: percent("Partial outage from", DEFAULT_STATUS_THRESHOLDS.partialPct),
  majorPct: percent("Major outage from", DEFAULT_STATUS_THRESHOLDS.majorPct),
  debounceSec: z
    .preprocess(
      number,
      z
        .number({ error: "must be a number of seconds" })
        .int("must be whole seconds")
        .min(0, "must be at least 0 seconds")
        .max(MAX_DEBOUNCE_SEC, `must be at most ${MAX_DEBOUNCE_SEC} seconds (an hour)`)
        .default(DEFAULT_DEBOUNCE_SEC),
    )
    .meta({ label: "Hold a new status for" }),
});

/** The thresholds rise: 0 < degraded < partial < major ≤ 100 (docs/status-model.md). */
function inOrder<T extends { degradedPct: number; partialPct: number; majorPct: number }>(
  page: T,
  ctx: z.RefinementCtx,
) {
  if (page.partialPct <= page.degradedPct) {
    ctx.addIssue({
      code: "custom",
      path: ["partialPct"],
      message: `must be above the degraded performance threshold (${page.degradedPct} %)`,
    });
  }
  if (page.majorPct <= page.partialPct) {
    ctx.addIssue({
      code: "custom",
      path: ["majorPct"],
      message: `must be above the partial outage threshold (${page.partialPct} %)`,
    });
  }
}

export const StatusPageInput = StatusPageFields.superRefine(inOrder);
export type StatusPageInput = z.input<typeof StatusPageInput>;
export const UpdateStatusPageInput = StatusPageFields.extend({
  id: z.string().min(1, "is required"),
}).superRefine(inOrder);
export const StatusPageIdInput = z.object({ id: z.string().min(1, "is required") });
