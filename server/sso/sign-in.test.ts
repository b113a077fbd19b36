import { beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import { signInWithPassword } from "../auth/sign-in";
import { db } from "../db";
import { createUser } from "../users/users";
import { createSsoMapping, deleteSsoMapping, listSsoMappings, updateSsoMapping } from "./mappings";
import { completeSsoSignIn, SSO_PASSWORD_HASH, type SsoIdentity } from "./sign-in";

const mode = vi.hoisted(() => ({ ssoOnly: false }));
vi.mock("./providers", async (original) => ({
  ...(await original<typeof import("./providers")>()),
  isSsoOnly: () => mode.ssoOnly,
  breakGlassEmail: () => "break-glass@example.test",
  ssoProviders: () => [
    {
      id: "corp",
      name: "Corp",
      issuer: "http://127.0.0.1:1",
      clientId: "c",
      clientSecret: "s",
      scopes: "openid",
      groupsClaim: "groups",
    },
  ],
}));

let admin: UserCtx;
const person = (subject: string, groups: string[]): SsoIdentity => ({
  provider: "corp",
  subject,
  email: `${subject}@corp.example`,
  name: `Person ${subject}`,
  groups,
});
const scopeOf = async (userId: string) =>
  (await db.userRegion.findMany({ where: { userId }, orderBy: { regionId: "asc" } })).map((r) => r.regionId);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  await createSsoMapping(admin, {
    provider: "corp",
    group: "sre-eu",
    role: "operator",
    regionIds: ["eu-gdpr"],
  });
  await createSsoMapping(admin, { provider: "corp", group: "platform-admins", role: "admin", regionIds: [] });
});

describe("group mappings", () => {
  it("are for admins only", async () => {
    const operator = await ctxAs("operator");
    await expect(listSsoMappings(operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSsoMappings(anonymous)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("name a configured provider and known regions, once per group, audited", async () => {
    await expect(
      createSsoMapping(admin, { provider: "other", group: "x", role: "viewer" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { provider: expect.stringContaining("not a configured provider") },
    });
    await expect(
      createSsoMapping(admin, { provider: "corp", group: "x", role: "viewer", regionIds: ["nowhere"] }),
    ).rejects.toMatchObject({ fields: { regionIds: expect.stringContaining("nowhere") } });
    await expect(
      createSsoMapping(admin, { provider: "corp", group: "sre-eu", role: "viewer" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      createSsoMapping(admin, { provider: "corp", group: " ", role: "boss" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const made = await createSsoMapping(admin, {
      provider: "corp",
      group: "temp",
      role: "viewer",
      regionIds: "eu-gdpr",
    });
    const changed = await updateSsoMapping(admin, { ...made, role: "operator", regionIds: [] });
    expect(changed).toMatchObject({ role: "operator", regionIds: [] });
    await deleteSsoMapping(admin, { id: made.id });
    const audit = await db.auditEvent.findMany({ where: { targetId: made.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "sso-mapping.create",
      "sso-mapping.update",
      "sso-mapping.delete",
    ]);
    expect(audit[1].summary).toContain("temp → operator");
  });
});

describe("completeSsoSignIn", () => {
  it("creates the account on first sign-in with the role and scope of its groups", async () => {
    const outcome = await completeSsoSignIn(person("alice", ["sre-eu", "other"]), "127.0.0.1");
    expect(outcome).toMatchObject({ isAllowed: true, role: "operator" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "alice@corp.example" } });
    expect(user).toMatchObject({
      role: "operator",
      ssoProvider: "corp",
      ssoSubject: "alice",
      passwordHash: SSO_PASSWORD_HASH,
    });
    expect(await scopeOf(user.id)).toEqual(["eu-gdpr"]);
    const created = await db.auditEvent.findFirst({ where: { targetId: user.id, action: "user.create" } });
    expect(created?.summary).toContain("first sign-in through corp");
  });

  it("re-reads the groups at every sign-in: the highest role wins, and a removed group takes effect", async () => {
    const bob = person("bob", ["sre-eu", "platform-admins"]);
    const first = await completeSsoSignIn(bob);
    expect(first).toMatchObject({ isAllowed: true, role: "admin" });
    const id = first.isAllowed ? first.userId : "";
    expect(await scopeOf(id)).toEqual([]);
    const second = await completeSsoSignIn({ ...bob, groups: ["sre-eu"] });
    expect(second).toMatchObject({ isAllowed: true, role: "operator", userId: id });
    expect(await scopeOf(id)).toEqual(["eu-gdpr"]);
    const changes = await db.auditEvent.findMany({ where: { targetId: id, action: "user.update" } });
    expect(changes).toHaveLength(1);
    expect(changes[0].summary).toContain("admin in all → operator in eu-gdpr");
    await completeSsoSignIn({ ...bob, groups: ["sre-eu"] });
    expect(await db.auditEvent.count({ where: { targetId: id, action: "user.update" } })).toBe(1);
    expect(await completeSsoSignIn({ ...bob, groups: [] })).toEqual({
      isAllowed: false,
      reason: "no-mapped-group",
      groups: [],
    });
  });

  it("refuses a person in no mapped group, names the groups and creates nothing", async () => {
    const outcome = await completeSsoSignIn(person("carol", ["marketing", "everyone"]));
    expect(outcome).toEqual({
      isAllowed: false,
      reason: "no-mapped-group",
      groups: ["everyone", "marketing"],
    });
    expect(await db.user.findUnique({ where: { email: "carol@corp.example" } })).toBeNull();
    const refused = await db.auditEvent.findFirst({
      where: { action: "user.sso-refused" },
      orderBy: { at: "desc" },
    });
    expect(refused?.summary).toContain("everyone, marketing");
  });

  it("refuses a disabled account, and never takes over a local account by its email", async () => {
    const dave = await completeSsoSignIn(person("dave", ["sre-eu"]));
    await db.user.update({
      where: { id: dave.isAllowed ? dave.userId : "" },
      data: { disabledAt: new Date() },
    });
    expect(await completeSsoSignIn(person("dave", ["sre-eu"]))).toEqual({
      isAllowed: false,
      reason: "disabled",
    });
    const local = await ctxAs("viewer");
    const taken = { ...person("erin", ["sre-eu"]), email: local.actor.email };
    expect(await completeSsoSignIn(taken)).toEqual({ isAllowed: false, reason: "email-taken" });
    expect(await completeSsoSignIn({ ...person("frank", ["sre-eu"]), email: "" })).toEqual({
      isAllowed: false,
      reason: "no-email",
    });
  });

  it("leaves an SSO account without a usable password", async () => {
    await completeSsoSignIn(person("gina", ["sre-eu"]));
    expect(
      await signInWithPassword({ email: "gina@corp.example", password: SSO_PASSWORD_HASH }, "127.0.0.9"),
    ).toBeNull();
  });
});

describe("single sign-on only", () => {
  it("refuses password sign-in to everyone but the break-glass account", async () => {
    const password = "break glass password";
    await createUser(admin, {
      email: "break-glass@example.test",
      name: "Break glass",
      role: "admin",
      password,
    });
    await createUser(admin, { email: "local@example.test", name: "Local", role: "viewer", password });
    mode.ssoOnly = true;
    try {
      await expect(
        signInWithPassword({ email: "local@example.test", password }, "127.0.0.11"),
      ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("single sign-on") });
      expect(
        await signInWithPassword({ email: "break-glass@example.test", password }, "127.0.0.11"),
      ).toMatchObject({
        email: "break-glass@example.test",
      });
    } finally {
      mode.ssoOnly = false;
    }
  });
});
