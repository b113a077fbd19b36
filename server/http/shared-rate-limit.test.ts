import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { subscribe, SUBSCRIBE_LIMITS } from "../subscribers/subscribe";
import { pageWithOneSatellite } from "../subscribers/test-helpers";
import { SharedRateLimiter } from "./shared-rate-limit";

// The subscribe form's limits are counted in the database, so replicas share them: two limiter objects
// stand for two processes here, as each replica holds its own.

const at = (iso: string) => new Date(iso);

describe("a rate limit shared by every replica", () => {
  it("counts one window across replicas, refuses past the limit with the seconds left, and starts again", async () => {
    const a = new SharedRateLimiter("test.shared", 3);
    const b = new SharedRateLimiter("test.shared", 3);
    expect(await a.take("k", at("2026-12-01T10:00:05Z"))).toBe(0);
    expect(await b.take("k", at("2026-12-01T10:00:06Z"))).toBe(0);
    expect(await a.take("k", at("2026-12-01T10:00:07Z"))).toBe(0);
    expect(await b.take("k", at("2026-12-01T10:00:50Z"))).toBe(10);
    expect(await a.take("k", at("2026-12-01T10:00:59.5Z"))).toBe(1);
    // Another key, and another limiter's name, count apart.
    expect(await a.take("other", at("2026-12-01T10:00:51Z"))).toBe(0);
    expect(await new SharedRateLimiter("test.else", 3).take("k", at("2026-12-01T10:00:52Z"))).toBe(0);
    expect(await b.take("k", at("2026-12-01T10:01:00Z"))).toBe(0);
  });

  it("allows exactly the limit when replicas ask at the same moment", async () => {
    const replicas = [0, 1, 2, 3].map(() => new SharedRateLimiter("test.race", 5));
    const when = at("2026-12-01T12:00:30Z");
    const waits = await Promise.all(
      Array.from({ length: 20 }, (_, n) => replicas[n % replicas.length].take("k", when)),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  it("keeps no address in the table and clears past windows", async () => {
    const limiter = new SharedRateLimiter("test.prune", 1);
    await limiter.take("someone@example.test", at("2026-12-01T09:00:00Z"));
    const keys = (await db.rateLimitWindow.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes("example.test"))).toBe(false);
    await new SharedRateLimiter("test.prune", 1).take("later", at("2026-12-01T11:00:00Z"));
    const left = await db.rateLimitWindow.findMany({ where: { key: { startsWith: "test.prune:" } } });
    expect(left.map((r) => r.windowStart.toISOString())).toEqual(["2026-12-01T11:00:00.000Z"]);
    // Other limiters' rows are theirs to clear.
    expect(
      await db.rateLimitWindow.count({ where: { key: { startsWith: "test.shared:" } } }),
    ).toBeGreaterThan(0);
  });
});

describe("the subscribe form's limits", () => {
  const mail = { smtpUrl: "smtp://127.0.0.1:9", from: "Status <status@example.test>" };
  beforeAll(() => pageWithOneSatellite("limits"));

  it("sends one address at most three confirmations a minute, and a refusal queues nothing", async () => {
    const reader: Ctx = { actor: null, ip: "127.0.0.31" };
    const now = new Date();
    const ask = (ip: string) =>
      subscribe({ ...reader, ip }, { slug: "limits", kind: "email", email: "victim@example.test" }, now, {
        mail,
      });
    // From three addresses, as a form posted through several replicas and proxies would arrive.
    for (let n = 0; n < SUBSCRIBE_LIMITS.perTarget; n++) await ask(`127.0.0.${40 + n}`);
    const queued = await db.outboxMessage.count({ where: { topic: "subscriber.confirm" } });
    expect(queued).toBe(SUBSCRIBE_LIMITS.perTarget);
    await expect(ask("127.0.0.50")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/try again in \d+ s/),
    });
    expect(await db.outboxMessage.count({ where: { topic: "subscriber.confirm" } })).toBe(queued);
  });

  it("lets one address try ten times a minute, whatever it asks", async () => {
    const from: Ctx = { actor: null, ip: "127.0.0.32" };
    const now = new Date();
    for (let n = 0; n < SUBSCRIBE_LIMITS.perAddress; n++) {
      await subscribe(from, { slug: "limits", kind: "email", email: `reader${n}@example.test` }, now, {
        mail,
      });
    }
    await expect(
      subscribe(from, { slug: "limits", kind: "email", email: "one-more@example.test" }, now, { mail }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.statusSubscriber.count({ where: { email: "one-more@example.test" } })).toBe(0);
  });
});
