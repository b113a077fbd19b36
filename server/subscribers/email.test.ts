import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClick } from "@/app/status/[slug]/subscription/unsubscribe/route";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { openIncident } from "../incidents/open";
import { postIncidentUpdate, resolveIncident } from "../incidents/timeline";
import type { EgressPolicy } from "../outbox/egress";
import type { MailConfig } from "../outbox/mail";
import { startSmtpSink, type SmtpSink } from "../outbox/test-receivers";
import { deliverDue } from "../outbox/worker";
import { listSubscribers } from "./admin";
import { readLink } from "./links";
import { confirmSubscription } from "./manage";
import { subscribe } from "./subscribe";
import { pageWithOneSatellite, readMail, tokenIn } from "./test-helpers";

const local: EgressPolicy = { allowPrivate: true, requireHttps: false };
let sink: SmtpSink;
let mail: MailConfig;
let operator: Ctx;
let admin: Ctx;
let pageId: string;
let satelliteSlug: string;
const reader: Ctx = { actor: null, ip: "127.0.0.10" };

beforeAll(async () => {
  sink = await startSmtpSink();
  mail = { smtpUrl: sink.url, from: "Status <status@example.test>" };
  let satellite: { slug: string };
  ({ operator, admin, pageId, satellite } = await pageWithOneSatellite("mailpage"));
  satelliteSlug = satellite.slug;
});
afterAll(() => sink.close());

const deliver = () => deliverDue({ mail, egress: local });

async function incidentCycle(title: string) {
  const { id } = await openIncident(operator, {
    title,
    impact: "minor",
    body: "We are looking into slow answers.",
    satellites: [satelliteSlug],
    isPublished: "on",
  });
  await deliver();
  await postIncidentUpdate(operator, { id, status: "identified", impact: "minor", body: "Found it." });
  await deliver();
  await resolveIncident(operator, { id, body: "Fixed." });
  await deliver();
}

describe("email subscribers", () => {
  it("offers no email without SMTP, naming the field", async () => {
    const refused = subscribe(
      reader,
      { slug: "mailpage", kind: "email", email: "x@example.test" },
      new Date(),
      {
        mail: { from: "x@example.test" },
      },
    );
    await expect(refused).rejects.toMatchObject({ code: "VALIDATION", fields: { kind: expect.any(String) } });
    const bad = subscribe(reader, { slug: "mailpage", kind: "email", email: "nope" }, new Date(), { mail });
    await expect(bad).rejects.toMatchObject({ code: "VALIDATION", fields: { email: expect.any(String) } });
    const none = subscribe(
      reader,
      { slug: "no-such-page", kind: "email", email: "a@example.test" },
      new Date(),
      {
        mail,
      },
    );
    await expect(none).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("confirms, tells of an incident's opening, update and resolution, and stops after one-click unsubscribe", async () => {
    await subscribe(reader, { slug: "mailpage", kind: "email", email: "Reader@Example.test" }, new Date(), {
      mail,
    });
    // Before confirming, an incident tells nobody.
    await incidentCycle("Before confirming");
    expect(sink.mails).toHaveLength(1);
    const confirmation = readMail(sink.mails[0].raw);
    expect(sink.mails[0].to).toEqual(["reader@example.test"]);
    const confirmUrl = /https?:\/\/\S+\/subscription\/confirm\?token=[^\s"<]+/.exec(confirmation.body)![0];
    await confirmSubscription(tokenIn(confirmUrl));

    await incidentCycle("Slow answers in Frankfurt");
    const notices = sink.mails.slice(1).map((m) => readMail(m.raw));
    expect(notices.map((n) => n.headers.get("subject"))).toEqual([
      "[mailpage cloud] New incident: Slow answers in Frankfurt",
      "[mailpage cloud] Update: Slow answers in Frankfurt",
      "[mailpage cloud] Resolved: Slow answers in Frankfurt",
    ]);
    for (const n of notices) {
      expect(n.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      const url = /^<(.+)>$/.exec(n.headers.get("list-unsubscribe")!)![1];
      expect(readLink(tokenIn(url), "manage")).toBeTruthy();
      expect(n.body).toContain("/subscription?token=");
      expect(n.headers.get("content-type")).toMatch(/multipart\/alternative/);
      expect(n.body).toContain("text/html");
    }
    // Unsubscribe through the last message's header, as a mail client would.
    const last = /^<(.+)>$/.exec(notices[2].headers.get("list-unsubscribe")!)![1];
    const answer = await oneClick(new Request(last, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(answer.status).toBe(200);
    await incidentCycle("After unsubscribing");
    expect(sink.mails).toHaveLength(4);

    const view = await listSubscribers(admin, pageId);
    expect(view.subscribers).toHaveLength(1);
    expect(view.subscribers[0]).toMatchObject({ state: "unsubscribed", address: "reader@example.test" });
    expect(view.subscribers[0].log.filter((a) => a.ok)).toHaveLength(4);
  });

  it("does not send what was queued before an unsubscribe", async () => {
    await subscribe(reader, { slug: "mailpage", kind: "email", email: "late@example.test" }, new Date(), {
      mail,
    });
    const sub = await db.statusSubscriber.findFirstOrThrow({ where: { email: "late@example.test" } });
    await db.statusSubscriber.update({ where: { id: sub.id }, data: { unsubscribedAt: new Date() } });
    await deliver();
    expect(sink.mails.filter((m) => m.to.includes("late@example.test"))).toEqual([]);
  });
});
