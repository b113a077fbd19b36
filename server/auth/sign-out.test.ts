import { encode, type JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { db } from "../db";
import { actorForSession, createUser } from "../users/users";
import type { Ctx } from "./context";
import { authOptions } from "./options";
import { claimsFromToken } from "./session";
import { signInWithPassword } from "./sign-in";

const password = "correct horse battery";
let admin: Ctx;
let n = 0;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
});

/** Signs in the way next-auth does and returns the session cookie's value and its decoded token. */
async function signedInCookie(email: string, ip: string): Promise<{ cookie: string; token: JWT }> {
  const user = await signInWithPassword({ email, password }, ip);
  expect(user).not.toBeNull();
  const signedIn = { id: user!.id, email, name: user!.name, role: user!.role, sv: user!.sessionVersion };
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: user!.id },
    user: signedIn,
    account: null,
  });
  return { cookie: await encode({ token, secret: authOptions.secret! }), token };
}

/** What every request does with a session cookie: claims from the JWT, then the user row. */
async function actorFor(cookie: string) {
  const claims = await claimsFromToken(cookie);
  return claims ? actorForSession(claims.uid, claims.sv) : null;
}

async function signOut(token: JWT) {
  await authOptions.events!.signOut!({ token, session: undefined as never });
}

async function newUser(): Promise<{ id: string; email: string }> {
  const email = `sign-out-${Date.now().toString(36)}-${n++}@example.test`;
  const user = await createUser(admin, { email, name: "S", role: "operator", password });
  return { id: user.id, email };
}

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie stops working at once", async () => {
    const { id, email } = await newUser();
    const { cookie, token } = await signedInCookie(email, "198.51.100.40");
    const copied = cookie;
    expect(await actorFor(copied)).toMatchObject({ id, email, role: "operator" });
    await signOut(token);
    expect(await actorFor(copied)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { targetId: id, action: "user.sign-out" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "user", actorId: id, summary: `${email} signed out` });
  });

  it("ends the user's other sessions too, and a new sign-in works afterwards", async () => {
    const { email } = await newUser();
    const laptop = await signedInCookie(email, "198.51.100.41");
    const phone = await signedInCookie(email, "198.51.100.42");
    await signOut(laptop.token);
    expect(await actorFor(phone.cookie)).toBeNull();
    const again = await signedInCookie(email, "198.51.100.41");
    expect(await actorFor(again.cookie)).not.toBeNull();
  });

  it("with a stale token ends nothing: an old cookie cannot sign out the current session", async () => {
    const { id, email } = await newUser();
    const old = await signedInCookie(email, "198.51.100.43");
    await signOut(old.token);
    const current = await signedInCookie(email, "198.51.100.43");
    const before = await db.user.findUniqueOrThrow({ where: { id } });
    await signOut(old.token);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion).toBe(before.sessionVersion);
    expect(await actorFor(current.cookie)).not.toBeNull();
  });

  it("with no or a foreign token changes nobody", async () => {
    const { id, email } = await newUser();
    const { cookie } = await signedInCookie(email, "198.51.100.44");
    await signOut({});
    await signOut({ uid: id, sv: "1" } as JWT);
    expect(await actorFor(cookie)).not.toBeNull();
    expect(await actorFor("not-a-jwt")).toBeNull();
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = "http://localhost:3000";
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl });

  it("keeps paths of this site and sends everything else to the start page", async () => {
    expect(await redirect("/login")).toBe(`${baseUrl}/login`);
    expect(await redirect(`${baseUrl}/satellites?q=fra`)).toBe(`${baseUrl}/satellites?q=fra`);
    for (const url of ["/%5Cexample.org", "/\t/example.org", "//example.org", "https://example.org/"]) {
      expect(await redirect(url)).toBe(`${baseUrl}/`);
    }
  });
});
