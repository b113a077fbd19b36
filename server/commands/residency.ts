import "server-only";
import { releaseAllowedIn } from "@/lib/residency";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { CommandType } from "./types";

/**
 * Residency for commands: a command that moves something into a satellite's compliance region must be
 * allowed there, or the whole request is refused with the reason.
 *
 * Which command types carry something into the region:
 * - `stack.upgrade` carries a release (by `releaseId` or `version`): it must be certified for the region.
 * - `stack.rollback` with a `version` carries that release back in: same rule. Without a version it returns
 *   to the build the satellite already had, and carries nothing new.
 * - The others carry no release and no customer data: `service.restart`, `satellite.cordon`,
 *   `satellite.uncordon`, `satellite.maintenance`, `agent.rotate-credentials` (a new token for that
 *   satellite only), `link.set-limit`, and `diagnostics.run` (its results are operational checks, not data).
 *
 * A new data-carrying type adds one entry to RESIDENCY_RULES: what it carries, and why a region refuses it.
 */

type Target = { slug: string; regionId: string };

/** What a command carries, and for a region it may not enter, why not (e.g. "is not certified for"). */
type Carried = { what: string; refusalFor: (regionId: string) => string | null; note: string };

type ResidencyRule = (tx: Tx, payload: Record<string, unknown>) => Promise<Carried | null>;

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION", `${field}: ${message}`, { fields: { [field]: message } });
}

/** The release a payload names, by id or version; when both are given they must agree. */
async function carriedRelease(tx: Tx, payload: Record<string, unknown>): Promise<Carried> {
  const releaseId = typeof payload.releaseId === "string" ? payload.releaseId : undefined;
  const version = typeof payload.version === "string" ? payload.version.trim() : undefined;
  if (!releaseId && !version) throw invalid("payload.version", "is required");
  const release = await tx.release.findFirst({
    where: releaseId ? { id: releaseId } : { version },
    select: { version: true, certifiedRegions: { select: { regionId: true } } },
  });
  if (!release) {
    if (releaseId) throw invalid("payload.releaseId", `no release ${releaseId}`);
    throw invalid(
      "payload.version",
      `no release ${version} is published; only published releases can be sent`,
    );
  }
  if (version && version !== release.version) {
    throw invalid("payload.version", `release ${releaseId} is ${release.version}, not ${version}`);
  }
  const certified = release.certifiedRegions.map((c) => c.regionId).sort();
  return {
    what: `release ${release.version}`,
    refusalFor: (regionId) =>
      releaseAllowedIn({ certifiedRegionIds: certified }, regionId) ? null : "is not certified for",
    note: certified.length
      ? `It is certified for ${certified.join(", ")}.`
      : "It is not certified anywhere yet.",
  };
}

export const RESIDENCY_RULES: Partial<Record<CommandType, ResidencyRule>> = {
  "stack.upgrade": carriedRelease,
  "stack.rollback": async (tx, payload) => (payload.version ? carriedRelease(tx, payload) : null),
};

/**
 * Refuses the whole request when what the command carries may not enter one of the targets' regions,
 * naming each refused region with its count and an example satellite.
 */
export async function assertResidency(
  tx: Tx,
  type: CommandType,
  payload: Record<string, unknown>,
  targets: readonly Target[],
): Promise<void> {
  const rule = RESIDENCY_RULES[type];
  if (!rule) return;
  const carried = await rule(tx, payload);
  if (!carried) return;
  const refused = new Map<string, { reason: string; slugs: string[] }>();
  const allowed = new Set<string>();
  for (const t of targets) {
    const known = refused.get(t.regionId);
    if (known) {
      known.slugs.push(t.slug);
      continue;
    }
    if (allowed.has(t.regionId)) continue;
    const reason = carried.refusalFor(t.regionId);
    if (reason) refused.set(t.regionId, { reason, slugs: [t.slug] });
    else allowed.add(t.regionId);
  }
  if (refused.size === 0) return;
  // Grouped by reason, so two uncertified regions read as one sentence.
  const byReason = new Map<string, { regionId: string; detail: string }[]>();
  for (const [regionId, { reason, slugs }] of refused) {
    const detail = targets.length === 1 ? slugs[0] : `${slugs.length} of these satellites, e.g. ${slugs[0]}`;
    byReason.set(reason, [...(byReason.get(reason) ?? []), { regionId, detail }]);
  }
  const sentence = (withDetail: boolean) =>
    [...byReason]
      .map(([reason, regions]) => {
        const list = regions.map((r) => (withDetail ? `${r.regionId} (${r.detail})` : r.regionId));
        return `${reason} ${list.join(" or ")}`;
      })
      .join("; ");
  const field = typeof payload.version === "string" ? "payload.version" : "payload.releaseId";
  throw new AppError("PRECONDITION_FAILED", `Residency: ${carried.what} ${sentence(true)}. ${carried.note}`, {
    fields: { [field]: sentence(false) },
  });
}
