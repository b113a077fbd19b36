// Roles are data: this table is the single source for what each role may do. Verbs, route handlers and the
// navigation all ask the same question through `can`.

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "satellites.read",
  "telemetry.read",
  "commands.read",
  "rollouts.read",
  "incidents.read",
  "releases.read",
  "audit.read",
  "alerts.read",
  "commands.write",
  "rollouts.write",
  "incidents.write",
  "alerts.silence",
  "rollouts.approve",
  "satellites.write",
  "releases.write",
  "tokens.manage",
  "users.manage",
  "status-pages.manage",
  "regions.manage",
  "alerts.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  "satellites.read",
  "telemetry.read",
  "commands.read",
  "rollouts.read",
  "incidents.read",
  "releases.read",
];
const OPERATE: Permission[] = [
  "audit.read",
  "alerts.read",
  "commands.write",
  "rollouts.write",
  "incidents.write",
  "alerts.silence",
];
const ADMINISTER: Permission[] = [
  "rollouts.approve",
  "satellites.write",
  "releases.write",
  "tokens.manage",
  "users.manage",
  "status-pages.manage",
  "regions.manage",
  "alerts.manage",
];

export const POLICY: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  operator: new Set([...READ, ...OPERATE]),
  admin: new Set([...READ, ...OPERATE, ...ADMINISTER]),
};

/** Permissions that act on a satellite and so respect an operator's region scope. */
export const REGION_SCOPED: ReadonlySet<Permission> = new Set([
  "commands.write",
  "rollouts.write",
  "incidents.write",
]);

export function can(role: Role, permission: Permission): boolean {
  return POLICY[role].has(permission);
}
