import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import type { Role } from "../auth/policy";
import { transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import {
  fieldRefusal,
  listText,
  loadOwner,
  requirePerson,
  userIdOf,
  type Owner,
  type PersonCtx,
} from "./people";
import { intersectScopes, isRoleAbove, isWithinScope } from "./scope";
import { CreateApiTokenInput, DEFAULT_EXPIRY_DAYS, type CreatedApiToken } from "./schemas";
import { hashApiTokenSecret, newApiTokenSecret, prefixOf, tokenLabel } from "./secret";
import { tokenInclude, toTokenView } from "./view";

const DAY_MS = 86_400_000;
const refuse = (field: string, fragment: string) => fieldRefusal(CreateApiTokenInput, field, fragment);

/**
 * Creates an API token and answers its secret this once; only the secret's SHA-256 is stored.
 *
 * Anyone signed in makes tokens for themselves; an admin (`tokens.manage`) also for another user. A token
 * never carries more than its creator or its owner: its role is at most both roles, its regions lie within
 * both scopes. An API token may create a token (the CLI's `orrery token create`), but only one that cannot
 * outlive or outreach it: for the same user, a role at most its own, regions within its own scope, and an
 * expiry no later than its own. So a leaked token can never mint a stronger or longer-lived one.
 */
export async function createApiToken(ctx: Ctx, input: unknown, now = new Date()): Promise<CreatedApiToken> {
  requirePerson(ctx);
  const parsed = parseInput(CreateApiTokenInput, input ?? {});
  const self = userIdOf(ctx.actor);
  const ownerId = parsed.userId ?? self;
  if (ownerId !== self) {
    if (ctx.actor.kind === "apiToken") {
      throw new AppError("FORBIDDEN", "An API token can create tokens only for its own user.");
    }
    authorize(ctx, "tokens.manage", undefined, "Only an admin may create a token for another user.");
  }
  return transaction(async (tx) => {
    const owner = await loadOwner(tx, ownerId);
    if (!owner) throw refuse("userId", "names no user");
    if (owner.disabledAt) throw refuse("userId", `names ${owner.email}, whose account is disabled`);
    checkRole(ctx, owner, parsed.role);
    const regionIds = await allowedRegions(tx, ctx, owner, parsed.regionIds);
    const expiresAt = await expiryOf(tx, ctx, parsed.expiresInDays, now);
    let secret = newApiTokenSecret();
    // Two tokens sharing a prefix would shadow each other; 62^8 prefixes make this loop all but never turn.
    while (await tx.apiToken.findUnique({ where: { prefix: prefixOf(secret) }, select: { id: true } })) {
      secret = newApiTokenSecret();
    }
    const row = await tx.apiToken.create({
      data: {
        name: parsed.name,
        prefix: prefixOf(secret),
        secretHash: hashApiTokenSecret(secret),
        userId: owner.id,
        createdById: self,
        role: parsed.role,
        expiresAt,
        regionScope: { create: (regionIds ?? []).map((regionId) => ({ regionId })) },
      },
      include: tokenInclude,
    });
    const scope = regionIds ? `regions ${listText(regionIds)}` : "every region";
    await recordAudit(tx, ctx, {
      action: "apiToken.create",
      targetType: "apiToken",
      targetId: row.id,
      summary: `Created API token ${tokenLabel(row)} for ${owner.email}: ${parsed.role}, ${scope}, expires ${expiresAt.toISOString()}`,
      data: { prefix: row.prefix, role: parsed.role, regionIds, ownerId: owner.id },
    });
    return { token: toTokenView(row, now), secret };
  });
}

function checkRole(ctx: PersonCtx, owner: Owner, role: Role): void {
  const isForSelf = owner.id === userIdOf(ctx.actor);
  const mine = ctx.actor.kind === "apiToken" ? "this token's role" : "your own role";
  if (isRoleAbove(role, ctx.actor.role)) {
    throw refuse("role", `cannot be above ${mine} (${ctx.actor.role})`);
  }
  if (isRoleAbove(role, owner.role)) {
    const whose = isForSelf ? "your account's role" : `the role of ${owner.email}`;
    throw refuse("role", `cannot be above ${whose} (${owner.role})`);
  }
}

/** The regions to store: those asked for, checked against both scopes; none asked = as wide as both allow. */
async function allowedRegions(
  tx: Tx,
  ctx: PersonCtx,
  owner: Owner,
  asked: string[] | undefined,
): Promise<string[] | null> {
  const creatorScope = ctx.actor.regionIds;
  if (!asked || asked.length === 0) {
    const widest = intersectScopes(creatorScope, owner.scope);
    if (widest && widest.length === 0) {
      throw refuse(
        "regionIds",
        `cannot be chosen: your regions and those of ${owner.email} have none in common`,
      );
    }
    return widest?.sort() ?? null;
  }
  const found = await tx.complianceRegion.findMany({
    where: { id: { in: asked } },
    select: { id: true, retiredAt: true },
  });
  const unknown = asked.filter((id) => !found.some((r) => r.id === id));
  if (unknown.length) throw refuse("regionIds", `names unknown regions: ${listText(unknown)}`);
  const retired = found.filter((r) => r.retiredAt).map((r) => r.id);
  if (retired.length) throw refuse("regionIds", `names retired regions: ${listText(retired)}`);
  if (!isWithinScope(asked, creatorScope)) {
    const outside = asked.filter((id) => !creatorScope?.includes(id));
    const mine = ctx.actor.kind === "apiToken" ? "this token's regions" : "your regions";
    throw refuse(
      "regionIds",
      `cannot reach beyond ${mine} (${listText(creatorScope ?? [])}): ${listText(outside)}`,
    );
  }
  if (!isWithinScope(asked, owner.scope)) {
    const outside = asked.filter((id) => !owner.scope?.includes(id));
    throw refuse(
      "regionIds",
      `cannot reach beyond the regions of ${owner.email} (${listText(owner.scope ?? [])}): ${listText(outside)}`,
    );
  }
  return [...asked].sort();
}

/** 90 days unless asked; a token making a token caps it at its own expiry. */
async function expiryOf(tx: Tx, ctx: PersonCtx, days: number | undefined, now: Date): Promise<Date> {
  const asked = new Date(now.getTime() + (days ?? DEFAULT_EXPIRY_DAYS) * DAY_MS);
  if (ctx.actor.kind !== "apiToken") return asked;
  const parent = await tx.apiToken.findUnique({
    where: { id: ctx.actor.id },
    select: { expiresAt: true, revokedAt: true },
  });
  if (!parent || parent.revokedAt || parent.expiresAt <= now) {
    throw new AppError("UNAUTHORIZED", "This API token is no longer valid.");
  }
  if (asked <= parent.expiresAt) return asked;
  if (days === undefined) return parent.expiresAt;
  throw refuse(
    "expiresInDays",
    `cannot end after the token making it expires (${parent.expiresAt.toISOString().slice(0, 10)})`,
  );
}
