import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { signInWithPassword } from "../auth/sign-in";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { actorForSession, createUser, listUsers, setUserDisabled, updateUser } from "./users";

let admin: Ctx;
let n = 0;
const email = () => `person-${Date.now().toString(36)}-${n++}@example.test`;
const password = "correct horse battery";

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("users", () => {
  it("creates a user who can sign in, with the role and scope given", async () => {
    const address = email();
    const user = await createUser(admin, {
      email: address.toUpperCase(),
      name: "Eve",
      role: "operator",
      regionIds: ["eu-gdpr"],
      password,
    });
    expect(user).toMatchObject({
      email: address,
      role: "operator",
      regionIds: ["eu-gdpr"],
      isDisabled: false,
    });
    const signedIn = await signInWithPassword({ email: address, password }, "10.0.0.1");
    expect(signedIn?.id).toBe(user.id);
    expect(await signInWithPassword({ email: address, password: "wrong password!" }, "10.0.0.1")).toBeNull();
    const actor = await actorForSession(user.id, signedIn!.sessionVersion);
    expect(actor).toMatchObject({ role: "operator", regionIds: ["eu-gdpr"] });
  });

  it("refuses a duplicate email and writes nothing", async () => {
    const address = email();
    await createUser(admin, { email: address, name: "A", role: "viewer", password });
    const before = await db.user.count();
    const error = await refused(createUser(admin, { email: address, name: "B", role: "admin", password }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fields?.email).toMatch(/already has an account/);
    expect(await db.user.count()).toBe(before);
  });

  it.each([
    ["email", { email: "not-an-email" }],
    ["password", { password: "short" }],
    ["role", { role: "superuser" }],
    ["regionIds", { regionIds: ["atlantis"] }],
    ["name", { name: "" }],
  ])("refuses a bad %s and names it", async (field, override) => {
    const before = await db.user.count();
    const error = await refused(
      createUser(admin, { email: email(), name: "N", role: "viewer", password, ...override }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {}).some((k) => k.startsWith(field))).toBe(true);
    expect(await db.user.count()).toBe(before);
  });

  it("disabling ends open sessions at once and blocks sign-in; enabling restores sign-in", async () => {
    const address = email();
    const user = await createUser(admin, { email: address, name: "D", role: "viewer", password });
    const session = await signInWithPassword({ email: address, password }, "10.0.0.2");
    expect(await actorForSession(user.id, session!.sessionVersion)).not.toBeNull();
    await setUserDisabled(admin, { id: user.id, isDisabled: true });
    expect(await actorForSession(user.id, session!.sessionVersion)).toBeNull();
    expect(await signInWithPassword({ email: address, password }, "10.0.0.2")).toBeNull();
    await setUserDisabled(admin, { id: user.id, isDisabled: "false" });
    const again = await signInWithPassword({ email: address, password }, "10.0.0.2");
    expect(await actorForSession(user.id, again!.sessionVersion)).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.create", "user.disable", "user.enable"]),
    );
  });

  it("a role change applies to open sessions at once", async () => {
    const address = email();
    const user = await createUser(admin, { email: address, name: "R", role: "operator", password });
    const session = await signInWithPassword({ email: address, password }, "10.0.0.3");
    await updateUser(admin, { id: user.id, role: "viewer" });
    expect(await actorForSession(user.id, session!.sessionVersion)).toBeNull();
  });

  it("an admin cannot disable or demote themselves", async () => {
    expect((await refused(setUserDisabled(admin, { id: admin.actor!.id, isDisabled: true }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    expect((await refused(updateUser(admin, { id: admin.actor!.id, role: "viewer" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("is for admins only", async () => {
    const operator = await ctxAs("operator");
    const viewer = await ctxAs("viewer");
    const before = await db.user.count();
    for (const ctx of [operator, viewer]) {
      expect((await refused(listUsers(ctx))).code).toBe("FORBIDDEN");
      expect(
        (await refused(createUser(ctx, { email: email(), name: "X", role: "admin", password }))).code,
      ).toBe("FORBIDDEN");
      expect((await refused(setUserDisabled(ctx, { id: admin.actor!.id, isDisabled: true }))).code).toBe(
        "FORBIDDEN",
      );
    }
    expect((await refused(listUsers(anonymous))).code).toBe("UNAUTHORIZED");
    expect(await db.user.count()).toBe(before);
  });
});

describe("sign-in throttling", () => {
  it("slows repeated failures from one address without locking the account for others", async () => {
    const address = email();
    await createUser(admin, { email: address, name: "T", role: "viewer", password });
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword({ email: address, password: "guess" }, "203.0.113.9", now)).toBeNull();
    }
    // Five free failures; the sixth earns a wait, and even the right password waits it out.
    expect(await signInWithPassword({ email: address, password: "guess" }, "203.0.113.9", now)).toBeNull();
    const blocked = await refused(signInWithPassword({ email: address, password }, "203.0.113.9", now));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.retryAfterSec).toBeGreaterThan(0);
    // The owner, from elsewhere, still gets in.
    expect(await signInWithPassword({ email: address, password }, "198.51.100.7", now)).not.toBeNull();
    // And after the wait, so does the first address.
    const later = new Date(now.getTime() + 60_000);
    expect(await signInWithPassword({ email: address, password }, "203.0.113.9", later)).not.toBeNull();
  });
});

describe("the demo domain in production", () => {
  // A production core refuses to start while an @orrery.local account is enabled, so it never makes one.
  async function asProduction<T>(work: () => Promise<T>): Promise<T> {
    const before = env.NODE_ENV;
    env.NODE_ENV = "production";
    try {
      return await work();
    } finally {
      env.NODE_ENV = before;
    }
  }

  it("refuses to create an @orrery.local account, naming the field, and writes nothing", async () => {
    const error = await asProduction(() =>
      refused(createUser(admin, { email: "boss@orrery.local", name: "Boss", role: "admin", password })),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.email).toMatch(/reserved for demo accounts/);
    expect(await db.user.count({ where: { email: "boss@orrery.local" } })).toBe(0);
  });

  it("refuses to re-enable one, and still lets an admin disable it", async () => {
    const demo = await createUser(admin, {
      email: "kiosk@orrery.local",
      name: "Kiosk",
      role: "viewer",
      password,
    });
    await asProduction(async () => {
      await setUserDisabled(admin, { id: demo.id, isDisabled: true });
      const error = await refused(setUserDisabled(admin, { id: demo.id, isDisabled: false }));
      expect(error.fields?.email).toMatch(/reserved for demo accounts/);
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: demo.id } })).disabledAt).not.toBeNull();
  });
});
