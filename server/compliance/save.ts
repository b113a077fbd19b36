import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction, type Db, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { findRegion, loadCertifications, loadMovable, loadRegions, type RegionRow } from "./load";
import {
  countryOverlaps,
  FALLBACK_REGION,
  plannedMoves,
  previewFingerprint,
  type SatelliteMove,
} from "./moves";
import { CreateRegionInput, UpdateRegionInput } from "./schemas";

/** What a change of countries would do, shown before it is applied. */
export type RegionPreview = {
  id: string;
  countriesAdded: string[];
  countriesRemoved: string[];
  moves: SatelliteMove[];
  /** Sent back with "Apply": a save whose moves differ from it answers a fresh preview instead. */
  fingerprint: string;
  /** The admin confirmed an earlier preview, but the fleet or the countries changed since. */
  isStale: boolean;
};

export type RegionSaveResult =
  { status: "preview"; preview: RegionPreview } | { status: "saved"; id: string; moved: number };

type Parsed = CreateRegionInput;
type Plan = { current: RegionRow | null; residencyAllowed: string[]; preview: RegionPreview };

const invalid = (field: string, message: string) =>
  new AppError("VALIDATION", message, { fields: { [field]: message } });

/** A new compliance region. Countries it takes over move their satellites, after a preview. */
export async function createRegion(ctx: Ctx, input: unknown): Promise<RegionSaveResult> {
  authorize(ctx, "regions.manage");
  const parsed = CreateRegionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return transaction((tx) => save(tx, ctx, parsed.data, "create"));
}

/** Edits a region; its id never changes. A change of countries answers a preview until it is confirmed. */
export async function updateRegion(ctx: Ctx, input: unknown): Promise<RegionSaveResult> {
  authorize(ctx, "regions.manage");
  const parsed = UpdateRegionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return transaction((tx) => save(tx, ctx, parsed.data, "update"));
}

/** The preview alone, written nowhere: what saving these countries would move now. */
export async function previewRegionChange(ctx: Ctx, input: unknown): Promise<RegionPreview> {
  authorize(ctx, "regions.manage");
  const parsed = UpdateRegionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const regions = await loadRegions(db);
  const isNew = !regions.some((r) => r.id === parsed.data.id);
  return (await plan(db, parsed.data, isNew ? "create" : "update")).preview;
}

async function plan(client: Db | Tx, data: Parsed, mode: "create" | "update"): Promise<Plan> {
  const regions = await loadRegions(client);
  const current = mode === "update" ? findRegion(regions, data.id) : null;
  if (mode === "create" && regions.some((r) => r.id === data.id)) {
    throw new AppError("CONFLICT", `The id ${data.id} is taken: region ids never change, pick another.`, {
      fields: { id: `The id ${data.id} is taken: region ids never change, pick another.` },
    });
  }
  if (data.id === FALLBACK_REGION && data.countries.length > 0) {
    throw invalid(
      "countries",
      "The global region covers every country no other region lists; it lists none.",
    );
  }
  checkOverlaps(regions, data);
  const residencyAllowed = allowedRegions(regions, current, data);
  const before = current?.countries ?? [];
  const countriesAdded = data.countries.filter((c) => !before.includes(c));
  const countriesRemoved = before.filter((c) => !data.countries.includes(c));
  const isRetired = current?.isRetired ?? false;
  const after = [
    ...regions.filter((r) => r.id !== data.id),
    { id: data.id, countries: data.countries, isRetired },
  ];
  const satellites = await loadMovable(client, [...countriesAdded, ...countriesRemoved]);
  const certifications = await loadCertifications(
    client,
    satellites.flatMap((s) => (s.stackVersion ? [s.stackVersion] : [])),
  );
  const moves = plannedMoves(regions, after, satellites, certifications);
  const fingerprint = previewFingerprint(data.countries, moves);
  const isStale = data.previewed !== undefined && data.previewed !== fingerprint;
  return {
    current,
    residencyAllowed,
    preview: { id: data.id, countriesAdded, countriesRemoved, moves, fingerprint, isStale },
  };
}

function checkOverlaps(regions: RegionRow[], data: Parsed): void {
  const overlaps = countryOverlaps(regions, data.id, data.countries);
  if (overlaps.length === 0) return;
  const byRegion = new Map<string, string[]>();
  for (const o of overlaps) {
    const key = `${o.regionName} (${o.regionId})`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), o.country]);
  }
  const parts = [...byRegion].map(
    ([region, codes]) =>
      `${codes.slice(0, 8).join(", ")}${codes.length > 8 ? ` and ${codes.length - 8} more` : ""} ${codes.length === 1 ? "belongs" : "belong"} to ${region}`,
  );
  throw invalid(
    "countries",
    `${parts.join("; ")}. A country belongs to one region only: remove it there first.`,
  );
}

/** The regions data may also go to: none unless the rule is an allow list, which names known live ones. */
function allowedRegions(regions: RegionRow[], current: RegionRow | null, data: Parsed): string[] {
  if (data.residencyRule !== "allow_list") return [];
  if (data.residencyAllowed.length === 0) {
    throw invalid("residencyAllowed", "An allow list names at least one region data may also go to.");
  }
  if (data.residencyAllowed.includes(data.id)) {
    throw invalid("residencyAllowed", "A region always allows itself; leave it out of its allow list.");
  }
  const had = new Set(current?.residencyAllowed ?? []);
  const unknown = data.residencyAllowed.filter((id) => {
    const region = regions.find((r) => r.id === id);
    return !region || (region.isRetired && !had.has(id));
  });
  if (unknown.length > 0) {
    throw invalid(
      "residencyAllowed",
      `${unknown.join(", ")} ${unknown.length === 1 ? "is not a region" : "are not regions"} you can allow (unknown or retired).`,
    );
  }
  return data.residencyAllowed;
}

async function save(tx: Tx, ctx: Ctx, data: Parsed, mode: "create" | "update"): Promise<RegionSaveResult> {
  const { current, residencyAllowed, preview } = await plan(tx, data, mode);
  const countriesChanged = preview.countriesAdded.length > 0 || preview.countriesRemoved.length > 0;
  if (countriesChanged && data.previewed !== preview.fingerprint) return { status: "preview", preview };
  const fields = {
    name: data.name,
    jurisdiction: data.jurisdiction,
    frameworks: data.frameworks,
    color: data.color,
    countries: data.countries,
    residencyRule: data.residencyRule,
    residencyAllowed,
    description: data.description,
  };
  if (current) {
    const { count } = await tx.complianceRegion.updateMany({
      where: { id: data.id, updatedAt: current.updatedAt },
      data: fields,
    });
    if (count !== 1) throw new AppError("CONFLICT", `${data.name} changed while you edited it; reload it.`);
  } else {
    await tx.complianceRegion.create({ data: { id: data.id, ...fields } });
  }
  await recordAudit(tx, ctx, {
    action: mode === "create" ? "region.create" : "region.update",
    targetType: "region",
    targetId: data.id,
    summary:
      `${mode === "create" ? "Created" : "Edited"} compliance region ${data.id} (${data.name})` +
      (countriesChanged ? countrySummary(preview) : ""),
    data: { ...fields, before: current ? changedFrom(current, fields) : null },
  });
  await applyMoves(tx, ctx, preview.moves);
  return { status: "saved", id: data.id, moved: preview.moves.length };
}

function countrySummary(p: RegionPreview): string {
  const parts = [
    p.countriesAdded.length ? `added ${p.countriesAdded.join(", ")}` : null,
    p.countriesRemoved.length ? `removed ${p.countriesRemoved.join(", ")}` : null,
    `${p.moves.length} satellite${p.moves.length === 1 ? "" : "s"} moved`,
  ];
  return `: ${parts.filter(Boolean).join("; ")}`;
}

/** The previous value of each field that changed, for the audit entry. */
function changedFrom<K extends keyof RegionRow>(current: RegionRow, fields: Record<K, unknown>) {
  const before: Record<string, string | string[]> = {};
  for (const key of Object.keys(fields) as K[]) {
    const old = current[key];
    if (JSON.stringify(old) === JSON.stringify(fields[key])) continue;
    if (typeof old === "string") before[key] = old;
    else if (Array.isArray(old)) before[key] = [...(old as readonly string[])];
  }
  return before;
}

/** Each move guarded by what the preview saw, and audited on the satellite it moved. */
async function applyMoves(tx: Tx, ctx: Ctx, moves: readonly SatelliteMove[]): Promise<void> {
  for (const m of moves) {
    const { count } = await tx.satellite.updateMany({
      where: { id: m.satelliteId, regionId: m.from, isRegionPinned: false },
      data: { regionId: m.to },
    });
    if (count !== 1) {
      throw new AppError(
        "CONFLICT",
        `${m.slug} changed while the region was saved; preview the change again.`,
      );
    }
    await recordAudit(tx, ctx, {
      action: "satellite.region-move",
      targetType: "satellite",
      targetId: m.satelliteId,
      summary: `Moved ${m.slug} from ${m.from} to ${m.to}: ${m.country} now belongs to ${m.to}`,
      data: { from: m.from, to: m.to, country: m.country, residency: m.residency },
    });
  }
}
