import { describe, expect, it } from "vitest";
import { emailMessage, pagerDutyEvent, slackMessage, teamsMessage, webhookBody } from "./formats";
import type { AlertNotice } from "./notice";

const notice = (
  over: Partial<AlertNotice["alert"]> = {},
  type: AlertNotice["type"] = "alert.firing",
): AlertNotice => ({
  type,
  alert: {
    id: "al1",
    state: "firing",
    severity: "warning",
    summary: "fra-1 is <offline> & alone",
    rule: { id: "r1", name: "Offline", kind: "satellite_offline" },
    group: "satellite:s1",
    facts: { Satellite: "fra-1" },
    firedAt: "2026-12-01T12:00:00.000Z",
    resolvedAt: null,
    url: "https://orrery.example.com/satellites/fra-1",
    notification: 1,
    ...over,
  },
});

describe("channel shapes", () => {
  it("colours Slack by severity and escapes its markup", () => {
    const m = slackMessage(notice());
    expect(m.text).toBe("[FIRING] fra-1 is <offline> & alone");
    expect(m.attachments[0].color).toBe("#f79009");
    expect(JSON.stringify(m.attachments[0].blocks[0])).toContain("&lt;offline&gt; &amp; alone");
    expect(slackMessage(notice({ state: "resolved" }, "alert.resolved")).attachments[0].color).toBe(
      "#12b76a",
    );
  });

  it("gives Teams an Adaptive Card with the facts", () => {
    const card = teamsMessage(notice({ severity: "critical" })).attachments[0].content;
    expect(card.body[0]).toMatchObject({ color: "attention", text: "[FIRING] fra-1 is <offline> & alone" });
    expect(card.body[1].facts).toContainEqual({ title: "Satellite", value: "fra-1" });
    expect(card.body[1].facts).toContainEqual({ title: "Since", value: "1 Dec 2026, 12:00 UTC" });
  });

  it("triggers and resolves PagerDuty with one dedup_key", () => {
    const trigger = pagerDutyEvent(notice(), "KEY");
    const resolve = pagerDutyEvent(notice({ state: "resolved" }, "alert.resolved"), "KEY");
    expect(trigger).toMatchObject({ event_action: "trigger", dedup_key: "orrery-al1", routing_key: "KEY" });
    expect(resolve).toEqual({ routing_key: "KEY", event_action: "resolve", dedup_key: "orrery-al1" });
  });

  it("puts the delivery id in the webhook body and escapes email HTML", () => {
    expect(webhookBody(notice(), "msg1", new Date("2026-12-01T12:00:05Z"))).toMatchObject({
      id: "msg1",
      type: "alert.firing",
      createdAt: "2026-12-01T12:00:05.000Z",
    });
    const mail = emailMessage(notice());
    expect(mail.subject).toBe("[FIRING] fra-1 is <offline> & alone");
    expect(mail.html).not.toContain("<offline>");
    expect(mail.text).toContain("Open in Orrery: https://orrery.example.com/satellites/fra-1");
  });
});
