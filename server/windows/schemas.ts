import { z } from "zod";
import { isKnownZone, parseWindowRule } from "@/lib/windows";

// Forms send strings: an empty field means "not given".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const toList = (v: unknown) =>
  v === undefined || v === null || v === ""
    ? []
    : Array.isArray(v)
      ? v
      : String(v)
          .split(/[,\n]/)
          .map((s) => s.trim())
          .filter(Boolean);
const toBoolean = (v: unknown) => (v === "on" || v === "true" ? true : v === "false" || v === "" ? false : v);
const text = z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") });

export const WINDOW_KINDS = ["allow", "freeze"] as const;
const MAX_DURATION_MIN = 7 * 24 * 60;

const Rrule = text
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2,000 characters")
  .superRefine((value, ctx) => {
    const parsed = parseWindowRule(value);
    if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
  });

const TimeZone = z.preprocess(
  blankToUndefined,
  text
    .trim()
    .max(64)
    .refine(isKnownZone, "is not a time zone we know; use an IANA name such as Europe/Berlin")
    .nullish()
    .transform((v) => v ?? null),
);

const DurationMin = z.preprocess(
  (v) => {
    const value = blankToUndefined(v);
    return typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  },
  z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a number of minutes") })
    .int("must be whole minutes")
    .min(1, "must be at least 1 minute")
    .max(MAX_DURATION_MIN, "must be at most 7 days (10,080 minutes)"),
);

const WindowFields = z.object({
  name: text.trim().min(1, "is required").max(120, "must be at most 120 characters"),
  kind: z.enum(WINDOW_KINDS, { error: "must be allow or freeze" }),
  rrule: Rrule,
  durationMin: DurationMin,
  timeZone: TimeZone,
  /** The whole fleet; otherwise regions and labels intersect, and listed satellites are added. */
  all: z.preprocess(toBoolean, z.boolean({ error: "must be true or false" })).default(false),
  regions: z.preprocess(toList, z.array(z.string().max(40)).max(50, "at most 50 regions")),
  labels: z.preprocess(
    toList,
    z
      .array(
        z
          .string()
          .max(200)
          .regex(/^[^=\s]+=.*$/, 'write each label as "key=value"'),
      )
      .max(20, "at most 20 labels"),
  ),
  satelliteIds: z.preprocess(toList, z.array(z.string().max(100)).max(1000, "at most 1,000 satellites")),
  enabled: z.preprocess(toBoolean, z.boolean({ error: "must be true or false" })).default(true),
});

function scopeIsChosen(w: { all: boolean; regions: string[]; labels: string[]; satelliteIds: string[] }) {
  return w.all || w.regions.length + w.labels.length + w.satelliteIds.length > 0;
}
const SCOPE_MESSAGE = "choose the whole fleet, or at least one region, label or satellite";

export const CreateWindowInput = WindowFields.refine(scopeIsChosen, {
  message: SCOPE_MESSAGE,
  path: ["regions"],
});
export type CreateWindowInput = z.infer<typeof CreateWindowInput>;

export const UpdateWindowInput = WindowFields.extend({ id: text.min(1, "is required").max(100) }).refine(
  scopeIsChosen,
  { message: SCOPE_MESSAGE, path: ["regions"] },
);
export type UpdateWindowInput = z.infer<typeof UpdateWindowInput>;

export const WindowIdInput = z.object({ id: text.min(1, "is required").max(100) });

export const EnableWindowInput = WindowIdInput.extend({
  enabled: z.preprocess(toBoolean, z.boolean({ error: "must be true or false" })),
});
