import type { Actor } from "./actor";
import { can, REGION_SCOPED, type Permission, type Role } from "./policy";

/** What an action touches: satellites (named in refusals) and regions without a satellite (a proposal's). */
export type ScopeTargets = {
  satellites?: readonly { slug: string; regionId: string }[];
  regions?: readonly (string | null | undefined)[];
};

export type Refusal =
  | { reason: "signed-out"; code: "UNAUTHORIZED"; message: string }
  | { reason: "role"; code: "FORBIDDEN"; message: string; role: Role; permission: Permission }
  | {
      reason: "region-scope";
      code: "FORBIDDEN";
      message: string;
      permission: Permission;
      scope: string[];
      /** Refused regions, each with the targeted satellites in it (none for a bare region). */
      outside: { regionId: string; slugs: string[] }[];
    };

/**
 * The one authorization decision: null when the actor may do this to these targets, otherwise why not.
 * Region-scoped permissions refuse the whole request when any target lies outside the actor's regions.
 */
export function refusal(
  ctx: { actor: Actor | null },
  permission: Permission,
  targets: ScopeTargets = {},
): Refusal | null {
  const actor = ctx.actor;
  if (!actor) return { reason: "signed-out", code: "UNAUTHORIZED", message: "Sign in to continue." };
  if (!can(actor.role, permission)) {
    const message = `The ${actor.role} role does not have the "${permission}" permission.`;
    return { reason: "role", code: "FORBIDDEN", message, role: actor.role, permission };
  }
  const scope = actor.regionIds;
  if (!scope || !REGION_SCOPED.has(permission)) return null;
  const outside = new Map<string, string[]>();
  const satellites = targets.satellites ?? [];
  for (const s of satellites) {
    if (!scope.includes(s.regionId)) outside.set(s.regionId, [...(outside.get(s.regionId) ?? []), s.slug]);
  }
  const bareRegions = (targets.regions ?? []).filter(
    (r): r is string => !!r && !scope.includes(r) && !outside.has(r),
  );
  for (const r of bareRegions) outside.set(r, []);
  if (outside.size === 0) return null;
  return {
    reason: "region-scope",
    code: "FORBIDDEN",
    message: `${scopeMessage(scope, satellites, outside, bareRegions)} "${permission}" is region-scoped.`,
    permission,
    scope,
    outside: [...outside].map(([regionId, slugs]) => ({ regionId, slugs })),
  };
}

/** One wording for every verb and page: the scope, then an example satellite per refused region. */
function scopeMessage(
  scope: string[],
  satellites: readonly { slug: string; regionId: string }[],
  outside: Map<string, string[]>,
  bareRegions: string[],
): string {
  const parts: string[] = [];
  const refused = [...outside].filter(([, slugs]) => slugs.length > 0);
  if (satellites.length === 1 && refused.length === 1) {
    parts.push(`${satellites[0].slug} is in ${satellites[0].regionId}`);
  } else if (refused.length > 0) {
    const count = refused.reduce((n, [, slugs]) => n + slugs.length, 0);
    const groups = refused.map(([region, slugs]) => `${region} (${slugs.length}, e.g. ${slugs[0]})`);
    parts.push(
      `${count} of these ${satellites.length} satellites ${count === 1 ? "is" : "are"} outside it — ${groups.join(", ")}`,
    );
  }
  if (bareRegions.length > 0) {
    parts.push(`${bareRegions.join(", ")} ${bareRegions.length === 1 ? "is" : "are"} outside it`);
  }
  return `Your role is limited to ${scope.join(", ")}: ${parts.join("; ")}.`;
}
