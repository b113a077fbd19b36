import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Actor, type Ctx } from "../auth/context";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/policy";
import { conflictOnUnique, db, transaction, type Tx } from "../db";
import { env } from "../env";
import { AppError, validationError } from "../errors";
import { DEMO_EMAIL_DOMAIN, isProductionMode } from "../startup-checks";
import { revokedSummary, revokeTokensBeyondOwner } from "../tokens/owner-changes";
import { CreateUserInput, SetUserDisabledInput, UpdateUserInput } from "./schemas";

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: Role;
  regionIds: string[];
  isDisabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

const include = { regionScope: { select: { regionId: true } } } as const;
type UserRow = Awaited<ReturnType<typeof db.user.findFirstOrThrow<{ include: typeof include }>>>;

function toView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    regionIds: u.regionScope.map((r) => r.regionId).sort(),
    isDisabled: !!u.disabledAt,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

async function checkRegions(tx: Tx, regionIds: string[]) {
  if (regionIds.length === 0) return;
  const found = await tx.complianceRegion.findMany({
    where: { id: { in: regionIds } },
    select: { id: true },
  });
  const missing = regionIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    const message = `unknown region${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`;
    throw new AppError("VALIDATION", `regionIds: ${message}`, { fields: { regionIds: message } });
  }
}

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
  authorize(ctx, "users.manage");
  const rows = await db.user.findMany({ include, orderBy: [{ disabledAt: "asc" }, { email: "asc" }] });
  return rows.map(toView);
}

/**
 * A production core refuses to start while an account of the demo domain (published password) is enabled,
 * so production never creates or re-enables one, from the console or the CLI.
 */
function refuseDemoAccount(email: string): void {
  if (isProductionMode(env) && email.endsWith(DEMO_EMAIL_DOMAIN)) {
    const message = `is reserved for demo accounts (${DEMO_EMAIL_DOMAIN}); use a real address`;
    throw new AppError("VALIDATION", `email: ${message}`, { fields: { email: message } });
  }
}

/** Creates a user without a session: the CLI (`npm run user:create`) and the seed use this. */
export async function createUserUnchecked(
  tx: Tx,
  who: Ctx | { type: "system"; label: string },
  input: CreateUserInput,
): Promise<UserView> {
  refuseDemoAccount(input.email);
  await checkRegions(tx, input.regionIds ?? []);
  try {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        regionScope: { create: (input.regionIds ?? []).map((regionId) => ({ regionId })) },
      },
      include,
    });
    await recordAudit(tx, who, {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      summary: `Created ${user.email} as ${user.role}${input.regionIds?.length ? ` scoped to ${input.regionIds.join(", ")}` : ""}`,
    });
    return toView(user);
  } catch (error) {
    conflictOnUnique(error, { email: `email: ${input.email} already has an account` });
  }
}

export async function createUser(ctx: Ctx, input: unknown): Promise<UserView> {
  authorize(ctx, "users.manage");
  const parsed = CreateUserInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return transaction((tx) => createUserUnchecked(tx, ctx, parsed.data));
}

export async function updateUser(ctx: Ctx, input: unknown): Promise<UserView> {
  authorize(ctx, "users.manage");
  const parsed = UpdateUserInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, name, role, regionIds } = parsed.data;
  return transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, include });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    if (id === personOf(ctx.actor) && role && role !== "admin") {
      throw new AppError("PRECONDITION_FAILED", "You cannot remove your own admin role; ask another admin.");
    }
    if (regionIds) await checkRegions(tx, regionIds);
    const changes: string[] = [];
    if (name !== undefined && name !== before.name) changes.push(`name → ${name}`);
    if (role && role !== before.role) changes.push(`role ${before.role} → ${role}`);
    const beforeRegions = toView(before).regionIds;
    if (regionIds && JSON.stringify([...regionIds].sort()) !== JSON.stringify(beforeRegions)) {
      changes.push(`regions ${beforeRegions.join(",") || "all"} → ${regionIds.join(",") || "all"}`);
      await tx.userRegion.deleteMany({ where: { userId: id } });
      await tx.userRegion.createMany({ data: regionIds.map((regionId) => ({ userId: id, regionId })) });
    }
    const user = await tx.user.update({
      where: { id },
      data: {
        name,
        role,
        // A role or scope change applies to open sessions too.
        sessionVersion: role && role !== before.role ? { increment: 1 } : undefined,
      },
      include,
    });
    // The user's API tokens may carry no more than the user now does.
    const view = toView(user);
    const revoked = changes.length
      ? await revokeTokensBeyondOwner(tx, ctx, {
          id,
          email: user.email,
          isDisabled: false,
          role: user.role,
          scope: view.regionIds.length ? view.regionIds : null,
        })
      : [];
    await recordAudit(tx, ctx, {
      action: "user.update",
      targetType: "user",
      targetId: id,
      summary: `Edited ${user.email}: ${changes.join("; ") || "no changes"}${revokedSummary(revoked)}`,
    });
    return view;
  });
}

export async function setUserDisabled(ctx: Ctx, input: unknown, now = new Date()): Promise<UserView> {
  authorize(ctx, "users.manage");
  const parsed = SetUserDisabledInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { id, isDisabled } = parsed.data;
  if (id === personOf(ctx.actor) && isDisabled) {
    throw new AppError("PRECONDITION_FAILED", "You cannot disable your own account.");
  }
  return transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    if (!isDisabled) refuseDemoAccount(before.email);
    const user = await tx.user.update({
      where: { id },
      data: {
        disabledAt: isDisabled ? (before.disabledAt ?? now) : null,
        // Ends every open session at once.
        sessionVersion: isDisabled ? { increment: 1 } : undefined,
      },
      include,
    });
    // A disabled user's API tokens stop at once; enabling the user again does not bring them back.
    const revoked = isDisabled
      ? await revokeTokensBeyondOwner(tx, ctx, { id, email: user.email, isDisabled: true }, now)
      : [];
    await recordAudit(tx, ctx, {
      action: isDisabled ? "user.disable" : "user.enable",
      targetType: "user",
      targetId: id,
      summary: `${isDisabled ? "Disabled" : "Re-enabled"} ${user.email}${revokedSummary(revoked)}`,
    });
    return toView(user);
  });
}

/** Turns a session's claims into an actor, or null when the user is gone, disabled or the session is old. */
export async function actorForSession(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  const regionIds = user.regionScope.map((r) => r.regionId);
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    regionIds: regionIds.length ? regionIds : null,
  };
}
