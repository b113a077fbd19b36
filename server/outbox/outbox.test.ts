import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "../db";
import type { EgressPolicy } from "./egress";
import { enqueueMessage } from "./enqueue";
import { verifySignature } from "./signing";
import { startHttpReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from "./test-receivers";
import { deliverDue, deliverOne } from "./worker";

// Real receivers on 127.0.0.1, so the egress rule allows private receivers here, as WEBHOOK_ALLOW_PRIVATE=1.
const local: EgressPolicy = { allowPrivate: true, requireHttps: false };
const T0 = new Date("2030-01-01T00:00:00Z");
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

let receiver: HttpReceiver;
let sink: SmtpSink;

beforeAll(async () => {
  receiver = await startHttpReceiver();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await receiver.close();
  await sink.close();
});

const webhook = (path: string, secret: string | null = "a-shared-secret-123") => ({
  kind: "webhook",
  url: `${receiver.url}${path}`,
  secret,
});

async function enqueue(destination: object, payload: object, now = T0, dedupeKey?: string) {
  return transaction((tx) =>
    enqueueMessage(tx, { topic: "test.event", destination, payload, dedupeKey }, now),
  );
}

const deliveriesTo = (path: string) => receiver.received.filter((r) => r.path === path);

describe("the outbox", () => {
  it("keeps one message per dedupe key, however often it is decided", async () => {
    const a = await enqueue(webhook("/dedupe"), { n: 1 }, T0, "same-key");
    const b = await enqueue(webhook("/dedupe"), { n: 2 }, T0, "same-key");
    expect(b).toBe(a);
    expect(await db.outboxMessage.count({ where: { dedupeKey: "same-key" } })).toBe(1);
  });

  it("delivers a signed body with the delivery's id", async () => {
    const id = await enqueue(webhook("/signed"), { hello: "world" }, at(10));
    await deliverDue({ now: at(10), egress: local });
    const [got] = deliveriesTo("/signed");
    expect(got.json).toEqual({ hello: "world" });
    expect(got.headers["x-orrery-delivery"]).toBe(id);
    expect(got.headers["x-orrery-event"]).toBe("test.event");
    expect(
      verifySignature(got.headers["x-orrery-signature"] as string, got.body, "a-shared-secret-123", at(10)),
    ).toBe(true);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ attempts: 1, lastError: null, leaseUntil: null, failedAt: null });
    expect(row.deliveredAt?.toISOString()).toBe(at(10).toISOString());
  });

  it("retries a failing receiver with growing, jittered delays until it succeeds", async () => {
    receiver.answer((r) => (r.path === "/flaky" && deliveriesTo("/flaky").length < 3 ? 500 : 200));
    const id = await enqueue(webhook("/flaky"), { try: "again" }, at(100));
    const waits: number[] = [];
    let now = at(100);
    for (let i = 0; i < 6; i++) {
      await deliverDue({ now, egress: local, random: () => 0.5 });
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      if (row.deliveredAt) break;
      expect(row.lastError).toMatch(/^HTTP 500/);
      // Not due before its time: a pass a second early sends nothing.
      await deliverDue({ now: new Date(row.nextAttemptAt.getTime() - 1000), egress: local });
      waits.push((row.nextAttemptAt.getTime() - now.getTime()) / 1000);
      now = row.nextAttemptAt;
    }
    expect(waits).toEqual([22.5, 45, 90]);
    const flaky = deliveriesTo("/flaky");
    expect(flaky).toHaveLength(4);
    expect(new Set(flaky.map((r) => r.headers["x-orrery-delivery"]))).toEqual(new Set([id]));
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ attempts: 4, lastError: null });
    expect(row.deliveredAt).not.toBeNull();
    receiver.answer(() => 200);
  });

  it("gives up after a day, marking the message failed with the last error", async () => {
    receiver.answer((r) => (r.path === "/down" ? 503 : 200));
    const id = await enqueue(webhook("/down"), {}, at(200));
    await db.outboxMessage.update({ where: { id }, data: { attempts: 12 } });
    await deliverDue({ now: at(200 + 23.9 * 3600), egress: local });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/^HTTP 503/);
    await deliverDue({ now: at(200 + 30 * 3600), egress: local });
    expect(deliveriesTo("/down")).toHaveLength(1);
    receiver.answer(() => 200);
  });

  it("lets only one of two workers send a message", async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => enqueue(webhook(`/race-${n}`), { n }, at(300))));
    const [a, b] = await Promise.all([
      deliverDue({ now: at(300), egress: local }),
      deliverDue({ now: at(300), egress: local }),
    ]);
    expect(a.delivered + b.delivered).toBe(3);
    for (const n of [1, 2, 3]) expect(deliveriesTo(`/race-${n}`)).toHaveLength(1);
    // A message another worker holds is skipped, not sent twice.
    const id = await enqueue(webhook("/leased"), {}, at(400));
    await db.outboxMessage.update({ where: { id }, data: { leaseUntil: at(430) } });
    expect(await deliverOne(id, { now: at(410), egress: local })).toBe("skipped");
    expect(deliveriesTo("/leased")).toHaveLength(0);
    expect(await deliverOne(id, { now: at(431), egress: local })).toBe("delivered");
    expect(ids).toHaveLength(3);
  });

  it("refuses a private address in production without connecting, and gives the message up", async () => {
    const resolve = async () => [{ address: "10.0.0.7", family: 4 as const }];
    const production: EgressPolicy = { allowPrivate: false, requireHttps: true, resolve };
    const id = await enqueue({ kind: "webhook", url: "https://hooks.example.test/x" }, {}, at(500));
    await deliverDue({ now: at(500), egress: production });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/resolves to a private address/);
    const loopback = await enqueue(webhook("/loopback"), {}, at(510));
    await deliverDue({ now: at(510), egress: { allowPrivate: false, requireHttps: true } });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: loopback } })).lastError).toBe(
      "must use https",
    );
    expect(deliveriesTo("/loopback")).toHaveLength(0);
  });

  it("sends email through the SMTP server", async () => {
    const payload = { subject: "Hello from Orrery", text: "plain words", html: "<p>plain words</p>" };
    const id = await enqueue({ kind: "email", to: ["oncall@example.test"] }, payload, at(600));
    await deliverDue({
      now: at(600),
      egress: local,
      mail: { smtpUrl: sink.url, from: "Orrery <orrery@example.test>" },
    });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).deliveredAt).not.toBeNull();
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0].to).toEqual(["oncall@example.test"]);
    expect(sink.mails[0].raw).toContain("Subject: Hello from Orrery");
  });
});

describe("pruning", () => {
  it("drops messages sent or given up more than a week ago, and keeps the rest", async () => {
    const { pruneDelivered } = await import("./prune");
    const old = await enqueue(webhook("/old"), {}, at(700));
    await db.outboxMessage.update({ where: { id: old }, data: { deliveredAt: at(700) } });
    const waiting = await enqueue(webhook("/waiting"), {}, at(700));
    await pruneDelivered(at(700 + 8 * 86_400));
    expect(await db.outboxMessage.count({ where: { id: old } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { id: waiting } })).toBe(1);
  });
});
