import { z } from "zod";
import { isCountryCode } from "@/lib/countries";

// Forms send strings: lists come as repeated keys or as text separated by commas or new lines, and an empty
// field means "not given". The messages are sentences a person can act on, each naming its field.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function toList(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return [];
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((x) => (typeof x === "string" ? x.split(/[\n,]/) : [x]))
    .flatMap((x) => (typeof x !== "string" ? [x] : x.trim() ? [x.trim()] : []));
}

const unique = (items: string[]) => [...new Set(items)];

export const RESIDENCY_RULES = ["in_region", "allow_list", "unrestricted"] as const;
export type ResidencyRule = (typeof RESIDENCY_RULES)[number];

export const RegionId = z
  .string({ error: "The id is required." })
  .trim()
  .min(2, "The id needs at least 2 characters.")
  .max(40, "The id can be at most 40 characters.")
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "The id uses lower-case letters, digits and single hyphens, such as eu-gdpr.",
  );

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

const RegionFields = z.object({
  name: z
    .string({ error: "The name is required." })
    .trim()
    .min(2, "The name needs at least 2 characters.")
    .max(80, "The name can be at most 80 characters."),
  jurisdiction: z
    .string({ error: "The jurisdiction is required." })
    .trim()
    .min(2, "Say which jurisdiction the region answers to, such as European Union.")
    .max(120, "The jurisdiction can be at most 120 characters."),
  frameworks: z.preprocess(
    toList,
    z
      .array(z.string().max(40, "Each framework can be at most 40 characters."))
      .max(12, "List at most 12 frameworks.")
      .transform(unique),
  ),
  color: z
    .string({ error: "Pick a colour." })
    .trim()
    .regex(HEX_COLOUR, "The colour is a hex value such as #5b7a99.")
    .transform((c) => c.toLowerCase()),
  countries: z.preprocess(
    (v) => (toList(v) as unknown[]).map((c) => (typeof c === "string" ? c.toUpperCase() : c)),
    z
      .array(z.string())
      .max(250, "A region can cover at most 250 countries.")
      .superRefine((codes, ctx) => {
        const bad = codes.filter((c) => !isCountryCode(c));
        if (bad.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: `${bad.slice(0, 5).join(", ")} ${bad.length === 1 ? "is not a country code" : "are not country codes"}: use ISO codes such as DE or JP.`,
          });
        }
      })
      .transform((codes) => unique(codes).sort()),
  ),
  residencyRule: z.enum(RESIDENCY_RULES, {
    error: "Choose where data may go: in the region only, an allow list, or anywhere.",
  }),
  residencyAllowed: z.preprocess(
    toList,
    z.array(z.string().max(40)).max(50, "Allow at most 50 regions.").transform(unique),
  ),
  description: z.preprocess(
    (v) => blankToUndefined(v) ?? "",
    z.string().trim().max(500, "The description can be at most 500 characters."),
  ),
});

/** A new region: everything, with its id, which never changes afterwards. */
export const CreateRegionInput = RegionFields.extend({
  id: RegionId,
  /** The fingerprint of the preview the admin saw; without it a change of countries answers a preview. */
  previewed: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});
export type CreateRegionInput = z.infer<typeof CreateRegionInput>;

export const UpdateRegionInput = CreateRegionInput;
export type UpdateRegionInput = CreateRegionInput;

export const RegionRef = z.object({
  id: z.string({ error: "Say which region." }).trim().min(1, "Say which region.").max(40),
});

export const RetireRegionInput = RegionRef.extend({
  reason: z.preprocess(
    blankToUndefined,
    z.string().trim().max(500, "The reason can be at most 500 characters.").optional(),
  ),
});
