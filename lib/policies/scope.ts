import { z } from "zod";

// Which satellites a policy (or a waiver's selector) covers. Dimensions combine with AND, values within one
// with OR; labels must all match. `{ all: true }` covers every satellite that is not decommissioned.

const regionId = z.string().trim().min(1).max(60);
export const scopeSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z
    .object({
      regions: z.array(regionId).max(50).optional().meta({ label: "Regions" }),
      kinds: z
        .array(z.enum(["datacenter", "edge", "cloud", "colo"]))
        .max(4)
        .optional()
        .meta({ label: "Kinds" }),
      labels: z
        .record(z.string().trim().min(1).max(63), z.string().max(200))
        .optional()
        .meta({ label: "Labels" }),
    })
    .strict()
    .refine(
      (s) => (s.regions?.length ?? 0) + (s.kinds?.length ?? 0) + Object.keys(s.labels ?? {}).length > 0,
      {
        message: "names no regions, kinds or labels; choose all satellites instead",
      },
    ),
]);
export type PolicyScope = z.infer<typeof scopeSchema>;

export type ScopedSatellite = {
  regionId: string;
  kind: string;
  labels: Readonly<Record<string, string>>;
  decommissionedAt?: Date | null;
  lifecycle?: string;
};

export function isDecommissioned(s: ScopedSatellite): boolean {
  return Boolean(s.decommissionedAt) || s.lifecycle === "decommissioned";
}

/** Whether a satellite is in a scope; a decommissioned satellite is in none. Unknown shapes match nothing. */
export function inScope(scope: unknown, s: ScopedSatellite): boolean {
  if (isDecommissioned(s)) return false;
  if (!scope || typeof scope !== "object") return false;
  const sc = scope as { all?: unknown; regions?: unknown; kinds?: unknown; labels?: unknown };
  if (sc.all === true) return true;
  const regions = Array.isArray(sc.regions) ? (sc.regions as string[]) : [];
  const kinds = Array.isArray(sc.kinds) ? (sc.kinds as string[]) : [];
  const labels = sc.labels && typeof sc.labels === "object" ? Object.entries(sc.labels) : [];
  if (regions.length === 0 && kinds.length === 0 && labels.length === 0) return false;
  if (regions.length && !regions.includes(s.regionId)) return false;
  if (kinds.length && !kinds.includes(s.kind)) return false;
  return labels.every(([k, v]) => s.labels[k] === v);
}

/** Words for a scope: "all satellites", "regions eu-gdpr, in-dpdp; labels tier=gold". */
export function describeScope(scope: unknown): string {
  const sc = (scope ?? {}) as {
    all?: boolean;
    regions?: string[];
    kinds?: string[];
    labels?: Record<string, string>;
  };
  if (sc.all) return "all satellites";
  const parts: string[] = [];
  if (sc.regions?.length) parts.push(`regions ${sc.regions.join(", ")}`);
  if (sc.kinds?.length) parts.push(`kinds ${sc.kinds.join(", ")}`);
  const labels = Object.entries(sc.labels ?? {});
  if (labels.length) parts.push(`labels ${labels.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  return parts.join("; ") || "no satellites";
}
