import { describe, expect, it } from "vitest";
import { webhookBody, type SubscriberNotice } from "./formats";
import { confirmationMail, noticeMail } from "./mail-formats";

const links = {
  unsubscribe: "https://status.example.test/status/p/subscription/unsubscribe?token=t",
  manage: "https://status.example.test/status/p/subscription?token=t",
  documentation: "https://status.example.test/status/p#subscribe",
};
const page = { id: "pg1", slug: "p", title: "Acme <Cloud>", url: "https://status.example.test/status/p" };
const incident: SubscriberNotice = {
  kind: "incident",
  event: "created",
  page,
  incident: {
    id: "inc1",
    name: "Slow <answers>",
    status: "investigating",
    impact: "minor",
    createdAt: "2030-01-01T00:00:00.000Z",
    updatedAt: "2030-01-01T00:00:00.000Z",
    resolvedAt: null,
    shortlink: "https://status.example.test/status/p/incidents/inc1",
    updates: [
      { id: "u1", status: "investigating", body: "Looking & seeing.", at: "2030-01-01T00:00:00.000Z" },
    ],
  },
};
const component: SubscriberNotice = {
  kind: "component",
  page,
  component: {
    id: "region:eu",
    name: "Europe",
    status: "partial_outage",
    oldStatus: "operational",
    at: "2030-01-01T00:00:00.000Z",
  },
};

describe("subscriber message shapes", () => {
  it("gives a generic receiver Statuspage's body", () => {
    expect(webhookBody("https://hooks.example.test/x", incident, links)).toMatchObject({
      meta: { unsubscribe: links.unsubscribe, documentation: links.documentation },
      page: { id: "pg1", status_indicator: "minor", status_description: "Minor service disruption" },
      incident: { id: "inc1", name: "Slow <answers>", incident_updates: [{ body: "Looking & seeing." }] },
    });
    expect(webhookBody("https://hooks.example.test/x", component, links)).toMatchObject({
      page: { status_indicator: "major" },
      component_update: {
        old_status: "operational",
        new_status: "partial_outage",
        component_id: "region:eu",
      },
      component: { id: "region:eu", name: "Europe", status: "partial_outage" },
    });
    // One region's partial outage on a page of eighteen is a minor page: the page's own indicator wins.
    const onBigPage = { ...component, page: { ...page, indicator: "minor" as const } };
    expect(webhookBody("https://hooks.example.test/x", onBigPage, links)).toMatchObject({
      page: { status_indicator: "minor", status_description: "Minor service disruption" },
    });
  });

  it("gives Slack blocks and Discord embeds by URL, and nobody else", () => {
    const slack = webhookBody("https://hooks.slack.com/services/T/B/X", incident, links) as {
      attachments: { blocks: { text?: { text: string } }[] }[];
    };
    expect(slack.attachments[0].blocks[0].text!.text).toBe(
      "*Acme &lt;Cloud&gt;: New incident: Slow &lt;answers&gt;*",
    );
    const discord = webhookBody("https://discord.com/api/webhooks/1/abc", component, links) as {
      embeds: { title: string; color: number }[];
    };
    expect(discord.embeds[0].title).toBe("Europe is partial outage");
    expect(webhookBody("https://hooks.slack.com.evil.test/services/x", incident, links)).toHaveProperty(
      "meta",
    );
  });

  it("writes mail with one-click unsubscribe headers, a manage link and escaped HTML", () => {
    for (const m of [
      noticeMail(incident, links),
      confirmationMail("Acme", "https://c.test/confirm", links, 48),
    ]) {
      expect(m.headers).toEqual({
        "List-Unsubscribe": `<${links.unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
      expect(m.text).toContain(links.manage);
      expect(m.html).toContain("Manage your subscription");
    }
    expect(noticeMail(incident, links).html).toContain("Looking &amp; seeing.");
    expect(noticeMail(incident, links).html).not.toContain("<answers>");
  });
});
