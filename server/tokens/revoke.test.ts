import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { setUserDisabled, updateUser } from "../users/users";
import { authenticateApiToken } from "./authenticate";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

let admin: UserCtx;
let operator: UserCtx;
let other: UserCtx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  other = await ctxAs("operator");
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const make = (ctx: UserCtx, input: Record<string, unknown> = {}) =>
  createApiToken(ctx, { name: "ci-deploy", role: "operator", ...input });

describe("revokeApiToken", () => {
  it("lets the owner revoke, at once, with an audit row naming the token", async () => {
    const { token, secret } = await make(operator);
    expect(await authenticateApiToken(secret)).not.toBeNull();
    const revoked = await revokeApiToken(operator, token.id, "leaked in a log");
    expect(revoked).toMatchObject({ status: "revoked", revokedReason: "leaked in a log" });
    expect(await authenticateApiToken(secret)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "apiToken.revoke", targetId: token.id },
    });
    expect(audit.summary).toContain(`ci-deploy (${token.prefix})`);
    expect(audit).toMatchObject({ actorType: "user", actorId: operator.actor.id });
    // Again: nothing changes, no second row.
    await revokeApiToken(operator, token.id);
    expect(await db.auditEvent.count({ where: { action: "apiToken.revoke", targetId: token.id } })).toBe(1);
  });

  it("lets an admin revoke anyone's token", async () => {
    const { token } = await make(operator);
    const revoked = await revokeApiToken(admin, token.id);
    expect(revoked).toMatchObject({ status: "revoked", revokedReason: "revoked by an admin" });
  });

  it("refuses another non-admin user, and anonymous callers", async () => {
    const { token } = await make(operator);
    const error = await refused(revokeApiToken(other, token.id));
    expect(error.code).toBe("FORBIDDEN");
    expect((await refused(revokeApiToken(anonymous, token.id))).code).toBe("UNAUTHORIZED");
    expect((await refused(revokeApiToken(operator, "no-such-token"))).code).toBe("NOT_FOUND");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
  });
});

describe("listApiTokens", () => {
  it("lists one's own tokens, and everyone's only for admins, never with a hash", async () => {
    const person = await ctxAs("viewer");
    const { token } = await make(person, { role: "viewer", name: "mine" });
    const mine = await listApiTokens(person);
    expect(mine.map((t) => t.id)).toEqual([token.id]);
    expect(JSON.stringify(mine)).not.toMatch(/secretHash|[0-9a-f]{64}/);
    expect((await refused(listApiTokens(person, { all: true }))).code).toBe("FORBIDDEN");
    expect((await refused(listApiTokens(person, { userId: admin.actor.id }))).code).toBe("FORBIDDEN");
    const all = await listApiTokens(admin, { all: true });
    expect(all.some((t) => t.id === token.id && t.owner.email === person.actor.email)).toBe(true);
    const theirs = await listApiTokens(admin, { userId: person.actor.id });
    expect(theirs.map((t) => t.id)).toEqual([token.id]);
    expect((await refused(listApiTokens(anonymous))).code).toBe("UNAUTHORIZED");
  });
});

describe("the owner's changes", () => {
  it("disabling the user revokes every live token in the same change", async () => {
    const person = await ctxAs("operator");
    const a = await make(person, { name: "a" });
    const b = await make(person, { name: "b", role: "viewer" });
    await setUserDisabled(admin, { id: person.actor.id, isDisabled: true });
    for (const { token, secret } of [a, b]) {
      const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
      expect(row.revokedReason).toBe("owner disabled");
      expect(await authenticateApiToken(secret)).toBeNull();
    }
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.disable", targetId: person.actor.id },
    });
    expect(audit.summary).toContain("revoked 2 API tokens");
    expect(audit.summary).toContain(`a (${a.token.prefix})`);
    // Enabled again, the tokens stay revoked.
    await setUserDisabled(admin, { id: person.actor.id, isDisabled: false });
    expect(await authenticateApiToken(a.secret)).toBeNull();
  });

  it("lowering the role revokes only the tokens above it", async () => {
    const person = await ctxAs("operator");
    const strong = await make(person, { name: "strong" });
    const weak = await make(person, { name: "weak", role: "viewer" });
    await updateUser(admin, { id: person.actor.id, role: "viewer" });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: strong.token.id } });
    expect(row.revokedReason).toBe("owner's role lowered to viewer");
    expect(await authenticateApiToken(weak.secret)).toMatchObject({ role: "viewer" });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.update", targetId: person.actor.id },
    });
    expect(audit.summary).toContain(`revoked 1 API token: strong (${strong.token.prefix})`);
  });

  it("narrowing the scope revokes the tokens that reach beyond it", async () => {
    const person = await ctxAs("operator");
    const everywhere = await make(person, { name: "everywhere" });
    const eu = await make(person, { name: "eu", regionIds: ["eu-gdpr"] });
    const uk = await make(person, { name: "uk", regionIds: ["uk-gdpr"] });
    await updateUser(admin, { id: person.actor.id, regionIds: ["eu-gdpr"] });
    const reasons = await db.apiToken.findMany({
      where: { id: { in: [everywhere.token.id, eu.token.id, uk.token.id] } },
      select: { name: true, revokedReason: true },
      orderBy: { name: "asc" },
    });
    expect(reasons).toEqual([
      { name: "eu", revokedReason: null },
      { name: "everywhere", revokedReason: "owner's scope narrowed to eu-gdpr" },
      { name: "uk", revokedReason: "owner's scope narrowed to eu-gdpr" },
    ]);
  });
});
