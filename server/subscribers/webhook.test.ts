import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { openIncident } from "../incidents/open";
import { postIncidentUpdate, resolveIncident } from "../incidents/timeline";
import type { EgressPolicy } from "../outbox/egress";
import { verifySignature } from "../outbox/signing";
import { startHttpReceiver, type HttpReceiver } from "../outbox/test-receivers";
import { deliverDue } from "../outbox/worker";
import { listSubscribers, removeSubscriber } from "./admin";
import { subscribe } from "./subscribe";
import { pageWithOneSatellite } from "./test-helpers";

const local: EgressPolicy = { allowPrivate: true, requireHttps: false };
const production: EgressPolicy = { allowPrivate: false, requireHttps: true };
let receiver: HttpReceiver;
let operator: Ctx;
let admin: Ctx;
let pageId: string;
let satelliteSlug: string;
const reader: Ctx = { actor: null, ip: "127.0.0.20" };

beforeAll(async () => {
  receiver = await startHttpReceiver();
  let satellite: { slug: string };
  ({ operator, admin, pageId, satellite } = await pageWithOneSatellite("hookpage"));
  satelliteSlug = satellite.slug;
});
afterAll(() => receiver.close());

/** Passes of the worker, each at the time the next message is due, until nothing is left to try. */
async function drain(policy = local) {
  for (let i = 0; i < 50; i++) {
    const next = await db.outboxMessage.findFirst({
      where: { deliveredAt: null, failedAt: null },
      orderBy: { nextAttemptAt: "asc" },
    });
    if (!next) return;
    await deliverDue({ now: new Date(Math.max(Date.now(), next.nextAttemptAt.getTime())), egress: policy });
  }
}

const hooked = (path: string) => receiver.received.filter((r) => r.path === path);

describe("webhook subscribers", () => {
  it("retries a failing receiver until each event gets through exactly once, signed, and logs every try", async () => {
    const tries = new Map<string, number>();
    receiver.answer((r) => {
      if (r.path !== "/flaky") return 200;
      const id = String(r.headers["x-orrery-delivery"]);
      tries.set(id, (tries.get(id) ?? 0) + 1);
      return tries.get(id)! <= 3 ? 503 : 200;
    });
    const { secret } = await subscribe(
      reader,
      { slug: "hookpage", kind: "webhook", webhookUrl: `${receiver.url}/flaky`, scope: "page" },
      new Date(),
      { egress: local },
    );
    expect(secret).toMatch(/^whsec_/);
    await drain();
    const { id } = await openIncident(operator, {
      title: "Packet loss",
      impact: "major",
      body: "Investigating packet loss.",
      satellites: [satelliteSlug],
      isPublished: "on",
    });
    await drain();
    await postIncidentUpdate(operator, { id, status: "monitoring", impact: "minor", body: "Better now." });
    await drain();
    await resolveIncident(operator, { id });
    await drain();

    const got = hooked("/flaky");
    const ids = [...new Set(got.map((r) => String(r.headers["x-orrery-delivery"])))];
    expect(ids).toHaveLength(4);
    for (const delivery of ids) {
      const all = got.filter((r) => r.headers["x-orrery-delivery"] === delivery);
      expect(all).toHaveLength(4);
      expect(tries.get(delivery)).toBe(4);
      const sig = String(all[3].headers["x-orrery-signature"]);
      const t = Number(/t=(\d+)/.exec(sig)![1]);
      expect(verifySignature(sig, all[3].body, secret!, new Date(t * 1000))).toBe(true);
      expect(verifySignature(sig, all[3].body, "whsec_wrong", new Date(t * 1000))).toBe(false);
    }
    const events = got.filter((_, i) => i % 4 === 3).map((r) => r.headers["x-orrery-event"]);
    expect(events).toEqual([
      "subscriber.verify",
      "incident.created",
      "incident.updated",
      "incident.resolved",
    ]);
    const created = got[7].json as {
      meta: { unsubscribe: string };
      page: { id: string; status_indicator: string };
      incident: { name: string; impact: string; incident_updates: { body: string }[] };
    };
    expect(created.meta.unsubscribe).toContain("/subscription/unsubscribe?token=");
    expect(created.page).toMatchObject({ id: pageId, status_indicator: "major" });
    expect(created.incident).toMatchObject({ name: "Packet loss", impact: "major" });
    expect(created.incident.incident_updates[0].body).toBe("Investigating packet loss.");

    const view = await listSubscribers(admin, pageId);
    const row = view.subscribers.find((s) => s.address.endsWith("/flaky"))!;
    expect(row.state).toBe("active");
    expect(row.log).toHaveLength(16);
    expect(row.log.filter((a) => !a.ok).every((a) => a.httpStatus === 503)).toBe(true);
    expect(row.log.filter((a) => a.ok)).toHaveLength(4);
  });

  it("in production refuses a webhook to loopback at subscribe time and again at delivery", async () => {
    const refused = subscribe(
      reader,
      { slug: "hookpage", kind: "webhook", webhookUrl: `${receiver.url}/prod` },
      new Date(),
      { egress: production },
    );
    await expect(refused).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { webhookUrl: expect.stringMatching(/https/) },
    });
    // Saved while private receivers were allowed, then the rule tightened: delivery refuses, the
    // subscription is marked failing, and nothing reached the receiver.
    await subscribe(
      reader,
      { slug: "hookpage", kind: "webhook", webhookUrl: `${receiver.url}/prod` },
      new Date(),
      {
        egress: local,
      },
    );
    await drain(production);
    expect(hooked("/prod")).toHaveLength(0);
    const row = (await listSubscribers(admin, pageId)).subscribers.find((s) => s.address.endsWith("/prod"))!;
    expect(row.state).toBe("pending");
    expect(row.failingSince).not.toBeNull();
    expect(row.log[0].error).toMatch(/loopback|https/);
  });

  it("refuses private, link-local, metadata, unique-local and mapped addresses, resolved by an injected resolver", async () => {
    const blocked = [
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.10",
      "100.64.0.1",
      "127.0.0.1",
      "169.254.10.1",
      "169.254.169.254",
      "fd00::1",
      "fc12:3456::9",
      "fe80::1",
      "::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "64:ff9b::a9fe:a9fe",
    ];
    for (const address of blocked) {
      const policy: EgressPolicy = {
        ...production,
        resolve: async () => [{ address, family: address.includes(":") ? 6 : 4 }],
      };
      const attempt = subscribe(
        { actor: null, ip: `127.1.0.${blocked.indexOf(address)}` },
        { slug: "hookpage", kind: "webhook", webhookUrl: `https://hooks.example.test/${address}` },
        new Date(),
        { egress: policy },
      );
      await expect(attempt, address).rejects.toMatchObject({ fields: { webhookUrl: expect.any(String) } });
    }
    // A public address is accepted (nothing is sent here: no pass runs with this policy).
    const ok = await subscribe(
      { actor: null, ip: "127.2.0.1" },
      { slug: "hookpage", kind: "webhook", webhookUrl: "https://hooks.example.test/public" },
      new Date(),
      { egress: { ...production, resolve: async () => [{ address: "203.0.114.7", family: 4 }] } },
    );
    expect(ok.kind).toBe("webhook");
  });

  it("lets only admins list and remove subscribers; removal is audited", async () => {
    const viewer = await ctxAs("viewer");
    await expect(listSubscribers(anonymous, pageId)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(listSubscribers(viewer, pageId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSubscribers(operator, pageId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const target = (await listSubscribers(admin, pageId)).subscribers[0];
    const ref = { pageId, subscriberId: target.id };
    await expect(removeSubscriber(anonymous, ref)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(removeSubscriber(viewer, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeSubscriber(admin, { pageId })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { subscriberId: expect.any(String) },
    });
    await removeSubscriber(admin, ref);
    expect(await db.statusSubscriber.count({ where: { id: target.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "status-page.subscriber.remove" },
    });
    expect(audit.summary).not.toContain(target.address);
    await expect(removeSubscriber(admin, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
