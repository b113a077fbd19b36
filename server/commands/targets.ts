import "server-only";
import { FLEET_FILTER_KEYS } from "@/lib/fleet-map";
import type { Tx } from "../db";
import { AppError, validationError } from "../errors";
import { satelliteWhere } from "../satellites/list";
import { SatelliteQuery } from "../satellites/schemas";

/** The most satellites one request may command: beyond it, a rollout with waves is the right tool. */
export const MAX_TARGETS = 5000;
const FILTER_KEYS: readonly string[] = [...FLEET_FILTER_KEYS, "lifecycle"];

/** Whom a command request names: these satellites, or whatever the fleet filters select. */
export type CommandTargetInput = { satelliteIds?: string[]; filter?: Record<string, unknown> };

export type Target = { id: string; slug: string; regionId: string; lifecycle: string };
/** The satellites a request resolved to; `filter` is the filter as given, "region=eu-gdpr&kind=edge". */
export type Resolved = { targets: Target[]; filter: string | null };

/**
 * The satellites a request names, by id or by the fleet filters: unknown ids are NOT_FOUND, a decommissioned
 * one PRECONDITION_FAILED, and a filter may match at most MAX_TARGETS.
 */
export async function resolveTargets(client: Tx, target: CommandTargetInput, now: Date): Promise<Resolved> {
  const select = { id: true, slug: true, regionId: true, lifecycle: true } as const;
  if (target.satelliteIds) {
    const ids = [...new Set(target.satelliteIds)];
    const rows = await client.satellite.findMany({ where: { id: { in: ids } }, select });
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) {
      const message = `no satellite ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`;
      throw new AppError("NOT_FOUND", `target.satelliteIds: ${message}`, {
        fields: { "target.satelliteIds": message },
      });
    }
    const retired = rows.filter((r) => r.lifecycle === "decommissioned").map((r) => r.slug);
    if (retired.length) {
      const who = retired.length === 1 ? `${retired[0]} is` : `${retired.length} of these satellites are`;
      throw new AppError(
        "PRECONDITION_FAILED",
        `${who} decommissioned and take${retired.length === 1 ? "s" : ""} no commands${retired.length > 1 ? ` (${retired.slice(0, 5).join(", ")})` : ""}.`,
      );
    }
    return { targets: rows.sort((a, b) => a.slug.localeCompare(b.slug)), filter: null };
  }
  const raw = Object.fromEntries(
    Object.entries(target.filter ?? {}).filter(([k, v]) => FILTER_KEYS.includes(k) && v !== "" && v != null),
  );
  const query = SatelliteQuery.safeParse(raw);
  if (!query.success) throw validationError(query.error, "target.filter.");
  // A decommissioned satellite takes no commands, whatever the lifecycle filter says.
  const where = { AND: [satelliteWhere(query.data, now), { lifecycle: { not: "decommissioned" as const } }] };
  const rows = await client.satellite.findMany({
    where,
    select,
    orderBy: { slug: "asc" },
    take: MAX_TARGETS + 1,
  });
  if (rows.length > MAX_TARGETS) {
    const total = await client.satellite.count({ where });
    throw new AppError(
      "VALIDATION",
      `These filters match ${total.toLocaleString("en")} satellites; one request may command at most ${MAX_TARGETS.toLocaleString("en")}. Narrow the filters, or use a rollout.`,
      { fields: { target: `matches ${total.toLocaleString("en")} satellites` } },
    );
  }
  if (rows.length === 0) {
    throw new AppError("PRECONDITION_FAILED", "No satellite that can take commands matches these filters.", {
      fields: { target: "matches no satellite" },
    });
  }
  const filter = Object.entries(raw)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
    .join("&");
  return { targets: rows, filter: filter || "the whole fleet" };
}
