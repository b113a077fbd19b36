import "server-only";
import { recordAudit } from "../audit";
import type { UserActor } from "../auth/actor";
import { transaction, type Tx } from "../db";
import { accessFromGroups, sameAccess } from "./access";
import { grantsOf } from "./mappings";

/**
 * What SSO accounts carry as their password hash: not a PHC string, so argon2 can never verify it, and
 * password sign-in refuses accounts with an SSO link before it even tries.
 */
export const SSO_PASSWORD_HASH = "!sso-account:no-password";

export type SsoIdentity = {
  provider: string;
  subject: string;
  email: string;
  name: string;
  groups: string[];
};

export type SsoOutcome =
  | { isAllowed: true; userId: string; role: string; sessionVersion: number }
  | { isAllowed: false; reason: "no-mapped-group"; groups: string[] }
  | { isAllowed: false; reason: "disabled" | "email-taken" | "no-email" };

const SIGN_IN = { type: "system", label: "sign-in" } as const;

function actorOf(u: { id: string; email: string; name: string; role: UserActor["role"] }): UserActor {
  return { kind: "user", id: u.id, email: u.email, name: u.name, role: u.role, regionIds: null };
}

async function refuse(tx: Tx, identity: SsoIdentity, why: string, ip: string | undefined, userId?: string) {
  await recordAudit(
    tx,
    { actor: null, ip },
    {
      action: "user.sso-refused",
      targetType: "user",
      targetId: userId ?? null,
      summary: `${identity.email || identity.subject} was refused by ${identity.provider} single sign-on: ${why}`,
      data: { provider: identity.provider, groups: identity.groups },
    },
  );
}

/**
 * Decides a single sign-on from the groups in the ID token, creating the account on first sign-in and
 * bringing its role and region scope in line with the groups on every one (audited when they change).
 */
export async function completeSsoSignIn(
  identity: SsoIdentity,
  ip?: string,
  now = new Date(),
): Promise<SsoOutcome> {
  return transaction(async (tx) => {
    const access = accessFromGroups(identity.groups, await grantsOf(tx, identity.provider));
    const linked = await tx.user.findUnique({
      where: { ssoProvider_ssoSubject: { ssoProvider: identity.provider, ssoSubject: identity.subject } },
      include: { regionScope: { select: { regionId: true } } },
    });
    if (!access.isGranted) {
      await refuse(
        tx,
        identity,
        `no mapped group among ${access.groups.join(", ") || "none"}`,
        ip,
        linked?.id,
      );
      return { isAllowed: false, reason: "no-mapped-group", groups: access.groups };
    }
    if (linked?.disabledAt) {
      await refuse(tx, identity, "the account is disabled", ip, linked.id);
      return { isAllowed: false, reason: "disabled" };
    }
    const email = identity.email.trim().toLowerCase();
    let user = linked;
    if (!user) {
      if (!email) {
        await refuse(tx, identity, "the ID token carries no email", ip);
        return { isAllowed: false, reason: "no-email" };
      }
      // Never take over a local account by its email: the IdP may let people choose their address.
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
        await refuse(tx, identity, `a local account already uses ${email}`, ip);
        return { isAllowed: false, reason: "email-taken" };
      }
      user = await tx.user.create({
        data: {
          email,
          name: identity.name || email,
          role: access.role,
          passwordHash: SSO_PASSWORD_HASH,
          ssoProvider: identity.provider,
          ssoSubject: identity.subject,
          regionScope: { create: (access.regionIds ?? []).map((regionId) => ({ regionId })) },
        },
        include: { regionScope: { select: { regionId: true } } },
      });
      await recordAudit(tx, SIGN_IN, {
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        summary: `Created ${email} as ${access.role}${access.regionIds ? ` scoped to ${access.regionIds.join(", ")}` : ""} on first sign-in through ${identity.provider} (groups ${access.groups.join(", ")})`,
      });
    } else {
      const current = { role: user.role, regionIds: user.regionScope.map((r) => r.regionId) };
      if (!sameAccess(current, access)) {
        await tx.userRegion.deleteMany({ where: { userId: user.id } });
        await tx.userRegion.createMany({
          data: (access.regionIds ?? []).map((regionId) => ({ userId: user!.id, regionId })),
        });
        await tx.user.update({ where: { id: user.id }, data: { role: access.role } });
        await recordAudit(tx, SIGN_IN, {
          action: "user.update",
          targetType: "user",
          targetId: user.id,
          summary: `Groups of ${user.email} changed its access: ${current.role} in ${current.regionIds.join(",") || "all"} → ${access.role} in ${access.regionIds?.join(",") ?? "all"} (groups ${access.groups.join(", ")})`,
        });
      }
    }
    await tx.user.update({
      where: { id: user.id },
      data: {
        lastLoginAt: now,
        name: identity.name && identity.name !== user.name ? identity.name : undefined,
      },
    });
    await recordAudit(
      tx,
      { actor: actorOf({ ...user, role: access.role }), ip },
      {
        action: "user.sign-in",
        targetType: "user",
        targetId: user.id,
        summary: `${user.email} signed in through ${identity.provider}`,
      },
    );
    return { isAllowed: true, userId: user.id, role: access.role, sessionVersion: user.sessionVersion };
  });
}
