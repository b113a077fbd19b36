import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { hashApiTokenSecret } from "./secret";
import { createApiToken } from "./tokens";

const DAY = 86_400_000;
let admin: UserCtx;
let operator: UserCtx;
let viewer: UserCtx;
let scoped: UserCtx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
  scoped = await ctxAs("operator", ["eu-gdpr", "uk-gdpr"]);
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("createApiToken", () => {
  it("answers the secret once and stores only its SHA-256 and prefix", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const { token, secret } = await createApiToken(operator, { name: "ci-deploy", role: "operator" }, now);
    expect(secret).toMatch(/^orr_[0-9A-Za-z]{40}$/);
    expect(token).toMatchObject({
      name: "ci-deploy",
      prefix: secret.slice(0, 12),
      role: "operator",
      regionIds: null,
      status: "active",
      owner: { id: operator.actor.id, email: operator.actor.email },
      createdBy: operator.actor.email,
      lastUsedAt: null,
    });
    expect(JSON.stringify(token)).not.toContain(secret);
    expect(JSON.stringify(token)).not.toContain(hashApiTokenSecret(secret));
    // Default expiry: 90 days.
    expect(new Date(token.expiresAt).getTime() - now.getTime()).toBe(90 * DAY);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.secretHash).toBe(hashApiTokenSecret(secret));
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(row).some((v) => typeof v === "string" && v.includes(secret))).toBe(false);
  });

  it("writes its audit row naming the token, with the creating person as actor", async () => {
    const { token } = await createApiToken(operator, { name: "audit-me", role: "viewer" });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "apiToken.create", targetId: token.id },
    });
    expect(audit).toMatchObject({ actorType: "user", actorId: operator.actor.id, targetType: "apiToken" });
    expect(audit.summary).toContain(`audit-me (${token.prefix})`);
  });

  it("lets a viewer make a viewer token for themselves, but not an operator one", async () => {
    const { token } = await createApiToken(viewer, { name: "read-only", role: "viewer" });
    expect(token.role).toBe("viewer");
    const error = await refused(createApiToken(viewer, { name: "stronger", role: "operator" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.role).toMatch(/cannot be above your own role \(viewer\)/);
    expect(error.readable?.fields?.role).toBe("Role cannot be above your own role (viewer)");
  });

  it("refuses a role above the owner's when an admin makes a token for someone", async () => {
    const error = await refused(
      createApiToken(admin, { name: "too-strong", role: "admin", userId: operator.actor.id }),
    );
    expect(error.fields?.role).toMatch(/role of .* \(operator\)/);
    const { token } = await createApiToken(admin, {
      name: "for-operator",
      role: "operator",
      userId: operator.actor.id,
    });
    expect(token).toMatchObject({ owner: { id: operator.actor.id }, createdBy: admin.actor.email });
  });

  it("lets only admins make tokens for another user", async () => {
    const error = await refused(
      createApiToken(operator, { name: "for-viewer", role: "viewer", userId: viewer.actor.id }),
    );
    expect(error.code).toBe("FORBIDDEN");
    const unknown = await refused(createApiToken(admin, { name: "x", role: "viewer", userId: "nobody" }));
    expect(unknown.fields?.userId).toMatch(/names no user/);
  });

  it("keeps a scoped creator's token within their regions", async () => {
    const wide = await refused(
      createApiToken(scoped, { name: "wide", role: "operator", regionIds: ["eu-gdpr", "us-fedramp"] }),
    );
    expect(wide.fields?.regionIds).toMatch(/beyond your regions \(eu-gdpr, uk-gdpr\): us-fedramp/);
    expect(wide.readable?.fields?.regionIds).toMatch(/^Regions cannot reach beyond/);
    const narrow = await createApiToken(scoped, { name: "narrow", role: "operator", regionIds: ["uk-gdpr"] });
    expect(narrow.token.regionIds).toEqual(["uk-gdpr"]);
    // None given: as wide as the creator may act, stored explicitly.
    const all = await createApiToken(scoped, { name: "all-mine", role: "viewer" });
    expect(all.token.regionIds).toEqual(["eu-gdpr", "uk-gdpr"]);
  });

  it("keeps an admin's token for a scoped user within that user's regions", async () => {
    const error = await refused(
      createApiToken(admin, {
        name: "x",
        role: "operator",
        userId: scoped.actor.id,
        regionIds: ["sg-pdpa"],
      }),
    );
    expect(error.fields?.regionIds).toMatch(/beyond the regions of/);
    const { token } = await createApiToken(admin, { name: "y", role: "operator", userId: scoped.actor.id });
    expect(token.regionIds).toEqual(["eu-gdpr", "uk-gdpr"]);
  });

  it("lets an unscoped creator name any existing, non-retired region", async () => {
    const { token } = await createApiToken(operator, {
      name: "two",
      role: "operator",
      regionIds: "sg-pdpa,eu-gdpr",
    });
    expect(token.regionIds).toEqual(["eu-gdpr", "sg-pdpa"]);
    const unknown = await refused(
      createApiToken(operator, { name: "x", role: "operator", regionIds: ["mars"] }),
    );
    expect(unknown.fields?.regionIds).toMatch(/unknown regions: mars/);
    await db.complianceRegion.update({ where: { id: "in-dpdp" }, data: { retiredAt: new Date() } });
    const retired = await refused(
      createApiToken(operator, { name: "x", role: "operator", regionIds: ["in-dpdp"] }),
    );
    expect(retired.fields?.regionIds).toMatch(/retired regions: in-dpdp/);
  });

  it("takes 1 to 365 days of expiry and names the field otherwise", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const year = await createApiToken(operator, { name: "y", role: "viewer", expiresInDays: "365" }, now);
    expect(new Date(year.token.expiresAt).getTime() - now.getTime()).toBe(365 * DAY);
    const long = await refused(createApiToken(operator, { name: "x", role: "viewer", expiresInDays: 366 }));
    expect(long.fields?.expiresInDays).toBeDefined();
    expect(long.readable?.fields?.expiresInDays).toBe("Valid for must be at most 365 days");
    const zero = await refused(createApiToken(operator, { name: "x", role: "viewer", expiresInDays: 0 }));
    expect(zero.fields?.expiresInDays).toBeDefined();
  });

  it("names a missing or over-long name", async () => {
    const blank = await refused(createApiToken(operator, { name: " ", role: "viewer" }));
    expect(blank.readable?.fields?.name).toBe("Name is required");
    const long = await refused(createApiToken(operator, { name: "x".repeat(81), role: "viewer" }));
    expect(long.readable?.fields?.name).toBe("Name must be at most 80 characters");
  });

  it("refuses anonymous callers and agents", async () => {
    expect((await refused(createApiToken(anonymous, { name: "x", role: "viewer" }))).code).toBe(
      "UNAUTHORIZED",
    );
    const agent: Ctx = {
      actor: { kind: "agent", id: "a", name: "sat-1", role: "operator", regionIds: null },
    };
    expect((await refused(createApiToken(agent, { name: "x", role: "viewer" }))).code).toBe("FORBIDDEN");
  });
});
