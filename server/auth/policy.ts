// Roles are data: this table is the single source for what each role may do. Verbs, route handlers and the
// navigation all ask the same question through `can`.

// Ordered by reach: each role can do all the one before it can (token and sign-in rules compare ranks).
export const ROLES = ["viewer", "auditor", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "satellites.read",
  "telemetry.read",
  "commands.read",
  "rollouts.read",
  "incidents.read",
  "releases.read",
  "compliance.read",
  "audit.read",
  "compliance.report",
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
  "policies.manage",
  "windows.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  "satellites.read",
  "telemetry.read",
  "commands.read",
  "rollouts.read",
  "incidents.read",
  "releases.read",
  "compliance.read",
];
// An auditor reads the record and the evidence and changes nothing.
const AUDIT: Permission[] = ["audit.read", "compliance.report"];
const OPERATE: Permission[] = [
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
  "policies.manage",
  "windows.manage",
];

export const POLICY: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  auditor: new Set([...READ, ...AUDIT]),
  operator: new Set([...READ, ...AUDIT, ...OPERATE]),
  admin: new Set([...READ, ...AUDIT, ...OPERATE, ...ADMINISTER]),
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
