import "server-only";
import { nextOpening, type Opening, type WindowScope, type WindowSpec } from "@/lib/windows";
import type { Db, Tx } from "../db";

type Row = {
  id: string;
  name: string;
  kind: "allow" | "freeze";
  rrule: string;
  durationMin: number;
  timeZone: string | null;
  scope: unknown;
  enabled: boolean;
};

/** The stored scope, read defensively: anything unexpected covers nobody rather than everyone. */
export function scopeOf(value: unknown): WindowScope {
  if (!value || typeof value !== "object") return {};
  const v = value as Record<string, unknown>;
  if (v.all === true) return { all: true };
  const strings = (x: unknown) =>
    Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : [];
  return { regions: strings(v.regions), labels: strings(v.labels), satelliteIds: strings(v.satelliteIds) };
}

export function specOf(row: Row): WindowSpec {
  return { ...row, scope: scopeOf(row.scope) };
}

export async function loadEnabledWindows(client: Db | Tx): Promise<WindowSpec[]> {
  const rows = await client.deploymentWindow.findMany({ where: { enabled: true }, orderBy: { id: "asc" } });
  return rows.map(specOf);
}

const labelsOf = (v: unknown): Record<string, string> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : {};

/**
 * Whether each satellite may be changed at `now`: one query for the windows and one for the satellites.
 * With no enabled window at all, every satellite is open without reading the satellites.
 */
export async function openingsFor(
  client: Db | Tx,
  satelliteIds: readonly string[],
  now: Date,
  windows?: WindowSpec[],
): Promise<Map<string, Opening>> {
  const specs = windows ?? (await loadEnabledWindows(client));
  const out = new Map<string, Opening>();
  if (satelliteIds.length === 0) return out;
  if (specs.length === 0) {
    for (const id of satelliteIds) out.set(id, { open: true, reason: "no deployment window applies" });
    return out;
  }
  const satellites = await client.satellite.findMany({
    where: { id: { in: [...satelliteIds] } },
    select: { id: true, regionId: true, labels: true, country: true, lon: true, lat: true },
  });
  for (const s of satellites) out.set(s.id, nextOpening(specs, { ...s, labels: labelsOf(s.labels) }, now));
  return out;
}
