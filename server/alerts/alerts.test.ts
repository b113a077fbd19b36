import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import type { EgressPolicy } from "../outbox/egress";
import { verifySignature } from "../outbox/signing";
import { startHttpReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from "../outbox/test-receivers";
import { deliverDue } from "../outbox/worker";
import { registerSatellite } from "../satellites/register";
import { createChannel } from "./channels";
import { listAlerts } from "./list";
import { createRule, updateRule } from "./rules";
import { cancelSilence, createSilence } from "./silences";
import { evaluateAlerts } from "./step";

const local: EgressPolicy = { allowPrivate: true, requireHttps: false };
const T0 = new Date("2030-01-01T00:00:00Z");
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
const SECRET = "a-very-secret-signing-key";
const ROUTING_KEY = "R0UT1NGKEY0123456789ABCDEFGHIJKL";

let receiver: HttpReceiver;
let sink: SmtpSink;
let admin: UserCtx;
let operator: UserCtx;
const channel: Record<string, string> = {};
const sat: Record<string, string> = {};

const settings = () => ({ egress: local, mail: { smtpUrl: sink.url, from: "Orrery <orrery@example.test>" } });
const deliver = (at: Date) => deliverDue({ now: at, ...settings() });
const at = (path: string) => receiver.received.filter((r) => r.path === path);
const json = (path: string) => at(path).map((r) => r.json as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any

/** Offline since `since` (offlineAfter is when it went offline), or connected again with `since` null. */
async function offline(id: string, since: Date | null, health = "healthy") {
  const offlineAfter = since ?? min(24 * 60);
  await db.satellite.update({
    where: { id },
    data: {
      lifecycle: "active",
      lastSeenAt: new Date(offlineAfter.getTime() - 180_000),
      staleAfter: new Date(offlineAfter.getTime() - 150_000),
      offlineAfter,
      reportedHealth: health as "healthy",
    },
  });
}

beforeAll(async () => {
  await seedRegions();
  receiver = await startHttpReceiver();
  sink = await startSmtpSink();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  for (const [kind, extra] of [
    ["webhook", { url: `${receiver.url}/webhook`, secret: SECRET }],
    ["slack", { url: `${receiver.url}/slack` }],
    ["teams", { url: `${receiver.url}/teams` }],
    ["pagerduty", { url: `${receiver.url}/pagerduty`, secret: ROUTING_KEY }],
    ["email", { to: "oncall@example.test, lead@example.test" }],
    ["group", { kind: "webhook", url: `${receiver.url}/group`, secret: SECRET }],
  ] as const) {
    const input = { name: `${kind} channel`, kind, ...extra };
    channel[kind] = (await createChannel(admin, input, settings())).id;
  }
  for (const [name, labels] of [
    ["a", { team: "a", tier: "gold" }],
    ["b", { tier: "gold" }],
    ["c", { tier: "gold" }],
    ["d", { team: "a", tier: "silver" }],
  ] as const) {
    sat[name] = (
      await registerSatellite(admin, satelliteInput({ slug: `alert-${name}-${Date.now()}`, labels }))
    ).id;
    await offline(sat[name], null);
  }
});
afterAll(async () => {
  await receiver.close();
  await sink.close();
});

describe("a satellite offline rule", () => {
  let ruleId: string;

  it("fires once the satellite has been offline long enough, through every channel", async () => {
    ruleId = (
      await createRule(admin, {
        name: "Team A offline",
        kind: "satellite_offline",
        minutes: "5",
        regionIds: ["eu-gdpr"],
        labels: "team=a",
        channelIds: ["webhook", "slack", "teams", "pagerduty", "email"].map((k) => channel[k]),
        repeatMinutes: "60",
      })
    ).id;
    await offline(sat.a, min(-3));
    expect(await evaluateAlerts(T0)).toMatchObject({ opened: 0 });
    await offline(sat.a, min(-10));
    expect(await evaluateAlerts(T0)).toMatchObject({ opened: 1 });
    await deliver(T0);

    const [hook] = at("/webhook");
    expect(verifySignature(hook.headers["x-orrery-signature"] as string, hook.body, SECRET, T0)).toBe(true);
    const body = hook.json as { type: string; id: string; alert: Record<string, unknown> };
    expect(body.type).toBe("alert.firing");
    expect(body.id).toBe(hook.headers["x-orrery-delivery"]);
    expect(body.alert).toMatchObject({ state: "firing", severity: "critical", group: `satellite:${sat.a}` });

    const [slack] = json("/slack");
    expect(slack.text).toMatch(/^\[FIRING\] alert-a-\d+ is offline$/);
    expect(slack.attachments[0].color).toBe("#d92d20");
    expect(slack.attachments[0].blocks[0].type).toBe("section");

    const [teams] = json("/teams");
    expect(teams.type).toBe("message");
    expect(teams.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(teams.attachments[0].content.type).toBe("AdaptiveCard");

    const [pd] = json("/pagerduty");
    const alertId = (body.alert as { id: string }).id;
    expect(pd).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: "trigger",
      dedup_key: `orrery-${alertId}`,
      payload: { severity: "critical", source: "orrery", class: "satellite_offline" },
    });

    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0].to.sort()).toEqual(["lead@example.test", "oncall@example.test"]);
    expect(sink.mails[0].raw).toMatch(/Subject: \[FIRING\] alert-a-\d+ is offline/);

    const sent = await db.notificationChannel.findUniqueOrThrow({ where: { id: channel.pagerduty } });
    expect(sent.lastSuccessAt?.toISOString()).toBe(T0.toISOString());
  });

  it("repeats at most every repeatMinutes while it fires", async () => {
    expect(await evaluateAlerts(min(1))).toMatchObject({ opened: 0, repeated: 0 });
    expect(await evaluateAlerts(min(59))).toMatchObject({ repeated: 0 });
    await deliver(min(59));
    expect(at("/webhook")).toHaveLength(1);
    expect(await evaluateAlerts(min(60))).toMatchObject({ repeated: 1 });
    await deliver(min(60));
    expect(json("/webhook").map((b) => b.alert.notification)).toEqual([1, 2]);
  });

  it("resolves when the satellite is back: PagerDuty gets a resolve with the same dedup_key", async () => {
    await offline(sat.a, null);
    expect(await evaluateAlerts(min(61))).toMatchObject({ resolved: 1 });
    await deliver(min(61));
    const pd = json("/pagerduty");
    expect(pd.at(-1)).toEqual({
      routing_key: ROUTING_KEY,
      event_action: "resolve",
      dedup_key: pd[0].dedup_key,
    });
    expect(json("/slack").at(-1)!.attachments[0].color).toBe("#12b76a");
    expect(json("/slack").at(-1)!.text).toMatch(/^\[RESOLVED\]/);
    expect(json("/webhook").at(-1)!.type).toBe("alert.resolved");
    expect(json("/teams").at(-1)!.attachments[0].content.body[0].color).toBe("good");
    expect(sink.mails.at(-1)!.raw).toMatch(/Subject: \[RESOLVED\]/);
    const list = await listAlerts(admin, min(61));
    expect(list.firing.filter((a) => a.rule.id === ruleId)).toHaveLength(0);
    expect(list.resolved.find((a) => a.rule.id === ruleId)).toMatchObject({ state: "resolved" });
  });

  it("holds notifications back under a silence, while the console still shows the alert", async () => {
    const before = at("/webhook").length;
    const { id: silenceId } = await createSilence(
      operator,
      { satellite: sat.d, duration: "2h", reason: "replacing the uplink" },
      min(100),
    );
    await offline(sat.d, min(90));
    expect(await evaluateAlerts(min(100))).toMatchObject({ opened: 1 });
    await deliver(min(100));
    expect(at("/webhook")).toHaveLength(before);
    const list = await listAlerts(operator, min(100));
    const held = list.firing.find((a) => a.rule.id === ruleId)!;
    expect(held.silence).toMatchObject({ reason: "replacing the uplink" });
    expect(held.lastNotifiedAt).toBeNull();

    await cancelSilence(operator, { id: silenceId }, min(101));
    expect(await evaluateAlerts(min(102))).toMatchObject({ repeated: 1 });
    await deliver(min(102));
    expect(at("/webhook")).toHaveLength(before + 1);
    expect(json("/webhook").at(-1)!.alert.group).toBe(`satellite:${sat.d}`);
  });

  it("resolves its alerts when the rule is turned off", async () => {
    await updateRule(admin, {
      id: ruleId,
      name: "Team A offline",
      kind: "satellite_offline",
      minutes: "5",
      regionIds: ["eu-gdpr"],
      labels: "team=a",
      channelIds: [channel.webhook],
      enabled: "off",
    });
    expect(await evaluateAlerts(min(103))).toMatchObject({ resolved: 1 });
    await offline(sat.d, null);
  });
});

describe("a region rule", () => {
  it("groups two offline satellites of one region into one region alert", async () => {
    const { id } = await createRule(admin, {
      name: "Gold region impacted",
      kind: "region_impacted",
      percent: "50",
      labels: "tier=gold",
      channelIds: [channel.group],
    });
    await offline(sat.b, min(190));
    expect(await evaluateAlerts(min(200))).toMatchObject({ opened: 0 });
    await offline(sat.c, min(195));
    expect(await evaluateAlerts(min(200))).toMatchObject({ opened: 1 });
    await deliver(min(200));
    const [got] = json("/group");
    expect(got.alert).toMatchObject({ group: "region:eu-gdpr", severity: "critical" });
    expect(got.alert.facts.Impacted).toBe("2 of 3 (2 offline, 0 critical)");
    const alerts = await db.alert.findMany({ where: { ruleId: id } });
    expect(alerts).toHaveLength(1);
  });
});

describe("a command failed rule", () => {
  it("fires once per failed command and closes by itself an hour later, without a resolved message", async () => {
    await createRule(admin, { name: "Failed commands", kind: "command_failed", channelIds: [channel.group] });
    await db.command.create({
      data: {
        satelliteId: sat.b,
        type: "service.restart",
        payload: { service: "compute" },
        idempotencyKey: `test-${Date.now()}`,
        state: "failed",
        message: "exit status 1",
        expiresAt: min(400),
        finishedAt: min(299),
      },
    });
    expect(await evaluateAlerts(min(300))).toMatchObject({ opened: 1 });
    await deliver(min(300));
    const aboutCommands = () => json("/group").filter((b) => String(b.alert.group).startsWith("command:"));
    expect(aboutCommands()).toHaveLength(1);
    expect(aboutCommands()[0].alert.summary).toMatch(/^service\.restart failed on alert-b-/);
    expect(await evaluateAlerts(min(330))).toMatchObject({ opened: 0 });
    expect(await evaluateAlerts(min(420))).toMatchObject({ resolved: 1 });
    await deliver(min(420));
    expect(aboutCommands()).toHaveLength(1);
  });
});
