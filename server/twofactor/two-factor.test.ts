import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import { signInWithPassword } from "../auth/sign-in";
import { db } from "../db";
import { createUser } from "../users/users";
import { listTwoFactorUsers, resetTwoFactor } from "./admin";
import { confirmEnrolment, regenerateRecoveryCodes, startEnrolment, twoFactorState } from "./enrolment";
import { TWO_FACTOR_NEEDED, TWO_FACTOR_WRONG } from "./messages";
import { setTwoFactorRequirement, twoFactorRequirement } from "./policy";
import { openSecret, sealSecret } from "./secret-box";
import { totpCodeAt } from "./totp";

const PASSWORD = "correct horse battery";
const T0 = new Date("2031-03-01T12:00:10Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let admin: UserCtx;
let n = 0;

async function localUser(role: "viewer" | "admin" = "viewer") {
  const email = `tf-${role}-${++n}@example.test`;
  const user = await createUser(admin, { email, name: `TF ${n}`, role, password: PASSWORD });
  return { id: user.id, email };
}

/** A user with two-factor on since T0, and its secret and recovery codes. */
async function enrolled() {
  const user = await localUser();
  const { secret } = await startEnrolment({ userId: user.id });
  const codes = await confirmEnrolment({ userId: user.id }, { code: totpCodeAt(secret, T0.getTime()) }, T0);
  return { ...user, secret, codes };
}

const signIn = (email: string, code: string | undefined, when: Date, ip = "127.0.0.20") =>
  signInWithPassword({ email, password: PASSWORD, code }, ip, when);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
});

describe("enrolment", () => {
  it("is confirmed by one valid code and gives 10 recovery codes, stored hashed, the secret sealed", async () => {
    const user = await localUser();
    const first = await startEnrolment({ userId: user.id });
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/Orrery:/);
    // The QR code is an SVG drawn on the server, with no script in it.
    expect(first.qrSvg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(first.qrSvg).toContain("<path");
    expect(first.qrSvg).not.toMatch(/<script|on\w+=/i);
    expect((await startEnrolment({ userId: user.id })).secret).toBe(first.secret);
    await expect(confirmEnrolment({ userId: user.id }, { code: "000000" }, T0)).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { code: expect.any(String) },
    });
    const codes = await confirmEnrolment(
      { userId: user.id },
      { code: totpCodeAt(first.secret, T0.getTime()) },
      T0,
    );
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(row.totpSecret).not.toContain(first.secret);
    expect(openSecret(row.totpSecret!)).toBe(first.secret);
    expect(row.recoveryCodes.map((c) => c.codeHash)).not.toContain(codes[0]);
    expect(await twoFactorState(user.id)).toMatchObject({ isEnabled: true, recoveryCodesLeft: 10 });
    await expect(startEnrolment({ userId: user.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps a sealed secret from being altered", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP");
    const parts = sealed.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("A") ? "BB" : "AA");
    expect(openSecret(parts.join("."))).toBeNull();
  });
});

describe("signing in with two-factor", () => {
  it("asks for the code after the password, and refuses a code used once", async () => {
    const user = await enrolled();
    await expect(signIn(user.email, undefined, at(40))).rejects.toMatchObject({ message: TWO_FACTOR_NEEDED });
    const code = totpCodeAt(user.secret, at(40).getTime());
    expect(await signIn(user.email, code, at(40))).toMatchObject({ id: user.id, mustEnrol: false });
    await expect(signIn(user.email, code, at(45))).rejects.toMatchObject({ message: TWO_FACTOR_WRONG });
  });

  it("accepts a code one step either side of now, not two", async () => {
    const user = await enrolled();
    const now = at(300);
    await expect(
      signIn(user.email, totpCodeAt(user.secret, now.getTime() - 60_000), now),
    ).rejects.toMatchObject({
      message: TWO_FACTOR_WRONG,
    });
    expect(await signIn(user.email, totpCodeAt(user.secret, now.getTime() - 30_000), now)).toMatchObject({
      id: user.id,
    });
    expect(await signIn(user.email, totpCodeAt(user.secret, now.getTime() + 30_000), now)).toMatchObject({
      id: user.id,
    });
    await expect(
      signIn(user.email, totpCodeAt(user.secret, now.getTime() + 90_000), now),
    ).rejects.toMatchObject({
      message: TWO_FACTOR_WRONG,
    });
  });

  it("takes each recovery code once", async () => {
    const user = await enrolled();
    expect(await signIn(user.email, user.codes[3].toUpperCase(), at(60))).toMatchObject({ id: user.id });
    await expect(signIn(user.email, user.codes[3], at(61))).rejects.toMatchObject({
      message: TWO_FACTOR_WRONG,
    });
    expect(await twoFactorState(user.id)).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("counts a wrong code as a failed sign-in, in the same throttle as the password", async () => {
    const user = await enrolled();
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      outcomes.push(
        await signIn(user.email, "123456", at(100 + i), "127.0.0.77").then(
          () => "ok",
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(outcomes.slice(0, 4)).toEqual(Array(4).fill("UNAUTHORIZED"));
    expect(outcomes).toContain("RATE_LIMITED");
    const failures = await db.auditEvent.findFirst({
      where: { action: "user.sign-in-failed", targetId: user.id },
    });
    expect(failures).not.toBeNull();
  });

  it("sends an account that must use two-factor to enrolment, as admins require", async () => {
    expect(await twoFactorRequirement()).toBe("off");
    const viewer = await localUser("viewer");
    const boss = await localUser("admin");
    await setTwoFactorRequirement(admin, { required: "admins" });
    expect(await signIn(boss.email, undefined, at(200))).toMatchObject({ mustEnrol: true });
    expect(await signIn(viewer.email, undefined, at(200))).toMatchObject({ mustEnrol: false });
    await setTwoFactorRequirement(admin, { required: "all" });
    expect(await signIn(viewer.email, undefined, at(201))).toMatchObject({ mustEnrol: true });
    await expect(setTwoFactorRequirement(admin, { required: "sometimes" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(setTwoFactorRequirement(await ctxAs("operator"), { required: "off" })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await setTwoFactorRequirement(admin, { required: "off" });
  });
});

describe("recovery codes and resets", () => {
  it("regenerates recovery codes only with the password, and the old ones stop working", async () => {
    const user = await enrolled();
    await expect(
      regenerateRecoveryCodes({ userId: user.id }, { password: "wrong password!" }),
    ).rejects.toMatchObject({
      fields: { password: expect.any(String) },
    });
    const fresh = await regenerateRecoveryCodes({ userId: user.id }, { password: PASSWORD });
    expect(fresh).toHaveLength(10);
    await expect(signIn(user.email, user.codes[0], at(500))).rejects.toMatchObject({
      message: TWO_FACTOR_WRONG,
    });
    expect(await signIn(user.email, fresh[0], at(501))).toMatchObject({ id: user.id });
  });

  it("lets an admin reset a person's two-factor, audited, ending their sessions", async () => {
    const user = await enrolled();
    expect((await listTwoFactorUsers(admin)).map((u) => u.id)).toContain(user.id);
    await expect(resetTwoFactor(await ctxAs("operator"), { id: user.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await resetTwoFactor(admin, { id: user.id });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
      sessionVersion: before.sessionVersion + 1,
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const audit = await db.auditEvent.findFirst({
      where: { action: "user.two-factor-reset", targetId: user.id },
    });
    expect(audit?.actorId).toBe(admin.actor.id);
    expect(await signIn(user.email, undefined, at(600))).toMatchObject({ id: user.id });
  });
});
