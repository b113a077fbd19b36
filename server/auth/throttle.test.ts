import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "./context";
import { db } from "../db";
import { AppError } from "../errors";
import { clientAddressOf, parseTrustedProxies } from "../http/client-address";
import { CLIENT_IP_HEADER } from "../http/headers";
import { createUser } from "../users/users";
import { dummyVerify, verifyPassword } from "./password";
import { signInWithPassword } from "./sign-in";

// Counts every password check, so a test can tell a refusal before the check from a wrong password.
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), dummyVerify: vi.fn(real.dummyVerify) };
});
const passwordChecks = () =>
  vi.mocked(verifyPassword).mock.calls.length + vi.mocked(dummyVerify).mock.calls.length;

const proxy = "10.20.0.4";
const trusted = parseTrustedProxies("10.20.0.0/16");
const password = "correct horse battery";
let admin: Ctx;
let n = 0;

/** The address sign-in sees for a request that came through the proxy on behalf of `client`. */
const viaProxy = (client: string) =>
  clientAddressOf({ [CLIENT_IP_HEADER]: proxy, "x-forwarded-for": `${client}, ${proxy}` }, trusted);

async function newUser(): Promise<string> {
  const email = `throttle-${Date.now().toString(36)}-${n++}@example.test`;
  await createUser(admin, { email, name: "T", role: "viewer", password });
  return email;
}

async function outcome(promise: Promise<unknown>): Promise<"in" | "wrong" | "refused"> {
  try {
    return (await promise) ? "in" : "wrong";
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return "refused";
    throw error;
  }
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
});

beforeEach(async () => {
  await db.authThrottle.deleteMany();
});

describe("sign-in throttling behind a trusted proxy", () => {
  it("50 wrong passwords from other clients through the proxy do not block a user elsewhere", async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 1; i <= 50; i++) {
      const target = i % 2 ? email : `nobody-${i}@example.test`;
      const result = await outcome(
        signInWithPassword({ email: target, password: "guess" }, viaProxy(`198.51.100.${i}`), now),
      );
      expect(result).toBe("wrong");
    }
    expect(await outcome(signInWithPassword({ email, password }, viaProxy("192.0.2.77"), now))).toBe("in");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const email = await newUser();
    const now = new Date();
    const spoofed = (client: string) =>
      clientAddressOf({ [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": client }, trusted);
    const results = [];
    for (let i = 1; i <= 7; i++) {
      results.push(
        await outcome(signInWithPassword({ email, password: "guess" }, spoofed(`198.51.100.${i}`), now)),
      );
    }
    // A fresh X-Forwarded-For each time changes nothing: the socket address is counted.
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", "wrong", "refused"]);
    expect(spoofed("198.51.100.9")).toBe("203.0.113.66");
  });
});

describe("nobody can lock a user out", () => {
  it("a correct password from an unthrottled address gets in after an attacker hammered the account", async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 0; i < 40; i++) {
      await outcome(signInWithPassword({ email, password: `guess-${i}` }, "203.0.113.9", now));
    }
    const attacker = await outcome(signInWithPassword({ email, password }, "203.0.113.9", now));
    expect(attacker).toBe("refused");
    expect(await outcome(signInWithPassword({ email, password }, "198.51.100.7", now))).toBe("in");
    expect(await outcome(signInWithPassword({ email, password }, "2001:db8:7::1", now))).toBe("in");
  });

  it("a throttled address that guessed many emails does not block the same user elsewhere", async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 0; i < 60; i++) {
      await outcome(signInWithPassword({ email: `guess-${i}@example.test`, password }, "203.0.113.10", now));
    }
    expect(await outcome(signInWithPassword({ email, password }, "203.0.113.10", now))).toBe("refused");
    expect(await outcome(signInWithPassword({ email, password }, "198.51.100.8", now))).toBe("in");
  });
});

describe("the throttle counts before the password is checked", () => {
  it("refuses a parallel burst of 30 wrong attempts from one address, mostly without a password check", async () => {
    const email = await newUser();
    const checksBefore = passwordChecks();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        outcome(signInWithPassword({ email, password: `burst-${i}` }, "203.0.113.20")),
      ),
    );
    const refused = results.filter((r) => r === "refused").length;
    expect(refused).toBeGreaterThanOrEqual(24);
    expect(results.filter((r) => r === "in")).toEqual([]);
    expect(passwordChecks() - checksBefore).toBe(30 - refused);
  });

  it("a success gives its attempt back: a user signing in often never waits", async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 0; i < 20; i++) {
      expect(await outcome(signInWithPassword({ email, password }, "198.51.100.30", now))).toBe("in");
    }
    expect(await db.authThrottle.count()).toBe(1);
    expect((await db.authThrottle.findFirstOrThrow()).failures).toBe(0);
  });

  it("forgets failures after the window", async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 0; i < 6; i++)
      await outcome(signInWithPassword({ email, password: "x" }, "203.0.113.31", now));
    expect(await outcome(signInWithPassword({ email, password }, "203.0.113.31", now))).toBe("refused");
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await outcome(signInWithPassword({ email, password: "x" }, "203.0.113.31", later))).toBe("wrong");
    expect(await outcome(signInWithPassword({ email, password }, "203.0.113.31", later))).toBe("in");
  });
});

describe("IPv6 clients", () => {
  it("share a bucket within one /64 and not across /64s", async () => {
    const email = await newUser();
    const now = new Date();
    for (let i = 1; i <= 6; i++) {
      const address = `2001:db8:1:2::${i.toString(16)}`;
      expect(await outcome(signInWithPassword({ email, password: "guess" }, address, now))).toBe("wrong");
    }
    const sameLan = "2001:db8:1:2:ffff:ffff:ffff:fffe";
    expect(await outcome(signInWithPassword({ email, password }, sameLan, now))).toBe("refused");
    expect(await outcome(signInWithPassword({ email, password }, "2001:db8:1:3::1", now))).toBe("in");
    expect(await outcome(signInWithPassword({ email, password }, viaProxy("2001:db8:1:4::1"), now))).toBe(
      "in",
    );
  });
});
