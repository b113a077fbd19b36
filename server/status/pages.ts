import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { conflictOnUnique, db, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { encodeLabelPair, labelPairsOf } from "@/lib/labels";
import { statusConfigChanged } from "./changes";
import { configuredHosts } from "./v2/hosts";
import {
  StatusPageIdInput as IdInput,
  StatusPageInput,
  UpdateStatusPageInput as UpdateInput,
} from "./page-schemas";

export { StatusPageInput };

export type StatusPageSummary = {
  id: string;
  slug: string;
  title: string;
  visibility: "public" | "unlisted" | "disabled";
  secret: string | null;
  includeAll: boolean;
  regionIds: string[];
  labels: string[];
  satelliteSlugs: string[];
  showSatellites: boolean;
  allowedOrigins: string[];
  description: string;
  logoUrl: string | null;
  accentColor: string | null;
  degradedPct: number;
  partialPct: number;
  majorPct: number;
  debounceSec: number;
  /** One of STATUS_CUSTOM_HOSTS the page also answers on, or null. */
  customHost: string | null;
  updatedAt: string;
};

const include = {
  regions: { select: { regionId: true } },
  satellites: { select: { satellite: { select: { slug: true } } } },
} as const;

type Row = Awaited<ReturnType<typeof loadRow>>;
function loadRow(id: string) {
  return db.statusPage.findUnique({ where: { id }, include });
}

function toSummary(row: NonNullable<Row>): StatusPageSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    visibility: row.visibility,
    secret: row.secret,
    includeAll: row.includeAll,
    regionIds: row.regions.map((r) => r.regionId).sort(),
    labels: labelPairsOf(row.labelSelector),
    satelliteSlugs: row.satellites.map((s) => s.satellite.slug).sort(),
    showSatellites: row.showSatellites,
    allowedOrigins: Array.isArray(row.allowedOrigins)
      ? row.allowedOrigins.filter((o): o is string => typeof o === "string")
      : [],
    description: row.description,
    logoUrl: row.logoUrl,
    accentColor: row.accentColor,
    degradedPct: row.degradedPct,
    partialPct: row.partialPct,
    majorPct: row.majorPct,
    debounceSec: row.debounceSec,
    customHost: row.customHost,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listStatusPages(ctx: Ctx): Promise<StatusPageSummary[]> {
  authorize(ctx, "status-pages.manage");
  const rows = await db.statusPage.findMany({ orderBy: { slug: "asc" }, include });
  return rows.map(toSummary);
}

export async function getStatusPage(ctx: Ctx, id: string): Promise<StatusPageSummary> {
  authorize(ctx, "status-pages.manage");
  const row = typeof id === "string" && id.length <= 100 ? await loadRow(id) : null;
  if (!row) throw new AppError("NOT_FOUND", "No such status page.");
  return toSummary(row);
}

/** Checks the selection names things that exist, and turns slugs into ids. */
async function resolveSelection(input: z.output<typeof StatusPageInput>) {
  const regions = await db.complianceRegion.findMany({
    where: { id: { in: input.regionIds } },
    select: { id: true },
  });
  const known = new Set(regions.map((r) => r.id));
  const unknownRegion = input.regionIds.find((r) => !known.has(r));
  if (unknownRegion) {
    throw new AppError("VALIDATION", `regionIds: "${unknownRegion}" is not a compliance region`, {
      fields: { regionIds: `"${unknownRegion}" is not a compliance region` },
    });
  }
  const satellites = await db.satellite.findMany({
    where: { slug: { in: input.satelliteSlugs } },
    select: { id: true, slug: true },
  });
  const bySlug = new Map(satellites.map((s) => [s.slug, s.id]));
  const unknownSat = input.satelliteSlugs.find((s) => !bySlug.has(s));
  if (unknownSat) {
    throw new AppError("VALIDATION", `satelliteSlugs: no satellite "${unknownSat}"`, {
      fields: { satelliteSlugs: `no satellite "${unknownSat}"` },
    });
  }
  if (input.customHost && !configuredHosts().includes(input.customHost)) {
    const hosts = configuredHosts();
    const message = hosts.length
      ? `must be one of the configured hosts: ${hosts.join(", ")}`
      : "no custom hosts are configured (STATUS_CUSTOM_HOSTS)";
    throw new AppError("VALIDATION", `customHost: ${message}`, { fields: { customHost: message } });
  }
  if (!input.includeAll && !input.regionIds.length && !input.labels.length && !input.satelliteSlugs.length) {
    throw new AppError("VALIDATION", "regionIds: choose the whole fleet, regions, labels or satellites", {
      fields: { regionIds: "choose the whole fleet, regions, labels or satellites" },
    });
  }
  return {
    regionIds: [...known],
    satelliteIds: [...new Set(satellites.map((s) => s.id))],
    // Any of these pairs, several values of one key included: encoded like a satellite's label text.
    labelSelector: input.labels.length
      ? `|${[...new Set(input.labels)].map(encodeLabelPair).join("|")}|`
      : "",
  };
}

function columns(input: z.output<typeof StatusPageInput>, labelSelector: string, secret: string | null) {
  return {
    title: input.title,
    description: input.description,
    visibility: input.visibility,
    secret,
    includeAll: input.includeAll,
    labelSelector,
    showSatellites: input.showSatellites,
    allowedOrigins: input.allowedOrigins,
    logoUrl: input.logoUrl ?? null,
    accentColor: input.accentColor?.toLowerCase() ?? null,
    degradedPct: input.degradedPct,
    partialPct: input.partialPct,
    majorPct: input.majorPct,
    debounceSec: input.debounceSec,
    // Absent (a caller that does not know the field) keeps the binding as it is.
    ...(input.customHost !== undefined ? { customHost: input.customHost } : {}),
  };
}

/** The audit summary's note of a custom host bound or unbound by an update. */
function hostChange(before: string | null, after: string | null | undefined): string {
  if (after === undefined || after === before) return "";
  return after ? `, now also on ${after}` : `, no longer on ${before}`;
}

const newSecret = () => randomBytes(18).toString("base64url");

export async function createStatusPage(ctx: Ctx, raw: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "status-pages.manage");
  const parsed = StatusPageInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const sel = await resolveSelection(input);
  try {
    const page = await transaction(async (tx) => {
      const created = await tx.statusPage.create({
        data: {
          slug: input.slug,
          ...columns(input, sel.labelSelector, input.visibility === "unlisted" ? newSecret() : null),
          regions: { create: sel.regionIds.map((regionId) => ({ regionId })) },
          satellites: { create: sel.satelliteIds.map((satelliteId) => ({ satelliteId })) },
        },
      });
      await recordAudit(tx, ctx, {
        action: "status-page.create",
        targetType: "status-page",
        targetId: created.id,
        summary: `Created status page ${created.slug} (${created.visibility})`,
      });
      return created;
    });
    statusConfigChanged(page.id);
    return { id: page.id, slug: page.slug };
  } catch (error) {
    conflictOnUnique(error, { slug: `A status page "${input.slug}" already exists` });
  }
}

export async function updateStatusPage(ctx: Ctx, raw: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "status-pages.manage");
  const parsed = UpdateInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const existing = await loadRow(input.id);
  if (!existing) throw new AppError("NOT_FOUND", "No such status page.");
  const sel = await resolveSelection(input);
  // An unlisted page keeps its link while it stays unlisted. Any other visibility drops it, so a page made
  // unlisted again gets a new link and the old one stays dead.
  const staysUnlisted = existing.visibility === "unlisted" && existing.secret !== null;
  const secret = input.visibility !== "unlisted" ? null : staysUnlisted ? existing.secret : newSecret();
  try {
    await transaction(async (tx) => {
      await tx.statusPageRegion.deleteMany({ where: { statusPageId: input.id } });
      await tx.statusPageSatellite.deleteMany({ where: { statusPageId: input.id } });
      await tx.statusPage.update({
        where: { id: input.id },
        data: {
          slug: input.slug,
          ...columns(input, sel.labelSelector, secret),
          regions: { create: sel.regionIds.map((regionId) => ({ regionId })) },
          satellites: { create: sel.satelliteIds.map((satelliteId) => ({ satelliteId })) },
        },
      });
      await recordAudit(tx, ctx, {
        action: "status-page.update",
        targetType: "status-page",
        targetId: input.id,
        summary: `Updated status page ${input.slug} (${input.visibility})${hostChange(existing.customHost, input.customHost)}`,
      });
    });
  } catch (error) {
    conflictOnUnique(error, {
      slug: `A status page "${input.slug}" already exists`,
      customHost: `Another status page already answers on ${input.customHost}`,
    });
  }
  statusConfigChanged(input.id);
  return { id: input.id, slug: input.slug };
}

/** A new secret link for an unlisted page: the old link stops working at once. */
export async function rotateStatusPageSecret(ctx: Ctx, raw: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "status-pages.manage");
  const parsed = IdInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const page = await transaction(async (tx) => {
    const row = await tx.statusPage.findUnique({ where: { id: parsed.data.id } });
    if (!row) throw new AppError("NOT_FOUND", "No such status page.");
    await tx.statusPage.update({ where: { id: row.id }, data: { secret: newSecret() } });
    await recordAudit(tx, ctx, {
      action: "status-page.rotate-link",
      targetType: "status-page",
      targetId: row.id,
      summary: `Replaced the secret link of status page ${row.slug}`,
    });
    return row;
  });
  statusConfigChanged(page.id);
  return { id: page.id, slug: page.slug };
}

export async function deleteStatusPage(ctx: Ctx, raw: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx, "status-pages.manage");
  const parsed = IdInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const page = await transaction(async (tx) => {
    const row = await tx.statusPage.findUnique({ where: { id: parsed.data.id } });
    if (!row) throw new AppError("NOT_FOUND", "No such status page.");
    await tx.statusPage.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx, {
      action: "status-page.delete",
      targetType: "status-page",
      targetId: row.id,
      summary: `Deleted status page ${row.slug}`,
    });
    return row;
  });
  statusConfigChanged(page.id);
  return { id: page.id, slug: page.slug };
}
