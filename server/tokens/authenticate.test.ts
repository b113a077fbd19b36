import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { authenticateApiToken } from "./authenticate";
import { createApiToken } from "./tokens";

let admin: UserCtx;
let operator: UserCtx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator", ["eu-gdpr", "uk-gdpr"]);
});

const make = (ctx: UserCtx, input: Record<string, unknown> = {}) =>
  createApiToken(ctx, { name: "ci-deploy", role: "operator", ...input });

describe("authenticateApiToken", () => {
  it("answers an actor with the token's role and the regions both token and owner allow", async () => {
    const { token, secret } = await make(operator, { regionIds: ["uk-gdpr"] });
    const actor = await authenticateApiToken(secret, "192.0.2.7");
    expect(actor).toEqual({
      kind: "apiToken",
      id: token.id,
      name: `ci-deploy (${token.prefix})`,
      userId: operator.actor.id,
      role: "operator",
      regionIds: ["uk-gdpr"],
    });
    // The owner's scope narrows later (behind the verbs' back): the actor follows at once.
    await db.userRegion.delete({
      where: { userId_regionId: { userId: operator.actor.id, regionId: "uk-gdpr" } },
    });
    expect((await authenticateApiToken(secret))?.regionIds).toEqual([]);
    await db.userRegion.create({ data: { userId: operator.actor.id, regionId: "uk-gdpr" } });
  });

  it("acts everywhere only when neither token nor owner is scoped", async () => {
    const { secret } = await make(admin, { role: "viewer" });
    expect((await authenticateApiToken(secret))?.regionIds).toBeNull();
    const { secret: narrow } = await make(admin, { regionIds: ["sg-pdpa"] });
    expect((await authenticateApiToken(narrow))?.regionIds).toEqual(["sg-pdpa"]);
  });

  it("refuses a wrong secret with the right prefix, and anything not shaped like a token", async () => {
    const { secret } = await make(operator);
    const last = secret.at(-1) === "a" ? "b" : "a";
    expect(await authenticateApiToken(secret.slice(0, -1) + last)).toBeNull();
    expect(await authenticateApiToken(`${secret}x`)).toBeNull();
    expect(await authenticateApiToken("orr_")).toBeNull();
    expect(await authenticateApiToken("")).toBeNull();
  });

  it("refuses revoked and expired tokens", async () => {
    const revoked = await make(operator);
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiToken(revoked.secret)).toBeNull();
    const now = new Date();
    const expiring = await make(operator, { expiresInDays: 1 });
    expect(await authenticateApiToken(expiring.secret, undefined, now)).not.toBeNull();
    expect(
      await authenticateApiToken(expiring.secret, undefined, new Date(now.getTime() + 2 * 86_400_000)),
    ).toBeNull();
  });

  it("refuses a disabled owner's token", async () => {
    const owner = await ctxAs("operator");
    const { secret } = await make(owner);
    await db.user.update({ where: { id: owner.actor.id }, data: { disabledAt: new Date() } });
    expect(await authenticateApiToken(secret)).toBeNull();
  });

  it("revokes, with its reason, a token above its demoted owner's role", async () => {
    const owner = await ctxAs("operator");
    const { token, secret } = await make(owner);
    await db.user.update({ where: { id: owner.actor.id }, data: { role: "viewer" } });
    expect(await authenticateApiToken(secret)).toBeNull();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedReason).toBe("owner's role lowered to viewer");
  });

  it("records the last use at most once a minute", async () => {
    const { token, secret } = await make(operator);
    const t0 = new Date(Date.now() + 3_600_000);
    const lastUse = async () =>
      db.apiToken.findUniqueOrThrow({
        where: { id: token.id },
        select: { lastUsedAt: true, lastUsedIp: true },
      });
    await authenticateApiToken(secret, "192.0.2.1", t0);
    expect(await lastUse()).toEqual({ lastUsedAt: t0, lastUsedIp: "192.0.2.1" });
    await authenticateApiToken(secret, "192.0.2.2", new Date(t0.getTime() + 30_000));
    expect(await lastUse()).toEqual({ lastUsedAt: t0, lastUsedIp: "192.0.2.1" });
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiToken(secret, "192.0.2.3", later);
    expect(await lastUse()).toEqual({ lastUsedAt: later, lastUsedIp: "192.0.2.3" });
  });
});

describe("a token creating a token", () => {
  async function refused(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => expect.unreachable("should have been refused"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("may make one no stronger, no wider and no longer-lived than itself, for its own user", async () => {
    const now = new Date();
    const parent = await make(operator, { role: "viewer", regionIds: ["eu-gdpr"], expiresInDays: 30 });
    const actor = await authenticateApiToken(parent.secret, undefined, now);
    const ctx = { actor: actor!, ip: "127.0.0.1" };
    const child = await createApiToken(ctx, { name: "child", role: "viewer" }, now);
    // Left out, the expiry stops at the parent's; the regions are the parent's.
    expect(child.token).toMatchObject({ regionIds: ["eu-gdpr"], expiresAt: parent.token.expiresAt });
    expect(child.token.owner.id).toBe(operator.actor.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: child.token.id } });
    expect(audit).toMatchObject({ actorType: "apiToken", actorLabel: actor!.name });

    expect((await refused(createApiToken(ctx, { name: "x", role: "operator" }, now))).fields?.role).toMatch(
      /this token's role \(viewer\)/,
    );
    const wider = await refused(
      createApiToken(ctx, { name: "x", role: "viewer", regionIds: ["uk-gdpr"] }, now),
    );
    expect(wider.fields?.regionIds).toMatch(/beyond this token's regions/);
    const longer = await refused(createApiToken(ctx, { name: "x", role: "viewer", expiresInDays: 90 }, now));
    expect(longer.fields?.expiresInDays).toMatch(/cannot end after the token making it expires/);
    const other = await refused(
      createApiToken(ctx, { name: "x", role: "viewer", userId: admin.actor.id }, now),
    );
    expect(other.code).toBe("FORBIDDEN");
    expect(other.message).toMatch(/only for its own user/);
  });
});
