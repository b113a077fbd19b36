// What a person's IdP groups give them in Orrery. Pure, so the rules are tested without a database.
import { ROLES, type Role } from "../auth/policy";

export type GroupGrant = { group: string; role: Role; regionIds: string[] };

export type SsoAccess =
  | { isGranted: true; role: Role; regionIds: string[] | null; groups: string[] }
  | { isGranted: false; groups: string[] };

const rank = (role: Role) => ROLES.indexOf(role);

/**
 * The highest role among the mapped groups wins. Its region scope is the union of the scopes of the
 * mappings that grant that role, and a mapping without regions means every region, so it wins the union.
 * Scopes of lower roles are left out on purpose: a company-wide viewer group must not lift an operator's
 * region scope to every region. No mapped group is no access.
 */
export function accessFromGroups(groups: readonly string[], grants: readonly GroupGrant[]): SsoAccess {
  const seen = [...new Set(groups)].sort();
  const matched = grants.filter((g) => seen.includes(g.group));
  if (matched.length === 0) return { isGranted: false, groups: seen };
  const role = matched.reduce<Role>((best, g) => (rank(g.role) > rank(best) ? g.role : best), "viewer");
  const winners = matched.filter((g) => g.role === role);
  const regionIds = winners.some((g) => g.regionIds.length === 0)
    ? null
    : [...new Set(winners.flatMap((g) => g.regionIds))].sort();
  return { isGranted: true, role, regionIds, groups: matched.map((g) => g.group).sort() };
}

/** Whether a user's stored role and scope already match what their groups give. */
export function sameAccess(
  current: { role: Role; regionIds: readonly string[] },
  next: { role: Role; regionIds: readonly string[] | null },
): boolean {
  const want = [...(next.regionIds ?? [])].sort().join(",");
  return current.role === next.role && [...current.regionIds].sort().join(",") === want;
}
