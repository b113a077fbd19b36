import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import type { EgressPolicy } from "../outbox/egress";
import { verifySignature } from "../outbox/signing";
import { startHttpReceiver, type HttpReceiver } from "../outbox/test-receivers";
import { sendTestMessage } from "./channel-test";
import { createChannel, deleteChannel, listChannels, updateChannel } from "./channels";
import { listAlerts } from "./list";
import { createRule, deleteRule, listRules } from "./rules";
import { cancelSilence, createSilence, listSilences } from "./silences";

const local: EgressPolicy = { allowPrivate: true, requireHttps: false };
const production = (address: string): EgressPolicy => ({
  allowPrivate: false,
  requireHttps: true,
  resolve: async () => [{ address, family: address.includes(":") ? 6 : 4 }],
});

let receiver: HttpReceiver;
let admin: UserCtx;
let operator: UserCtx;
let viewer: UserCtx;

beforeAll(async () => {
  await seedRegions();
  receiver = await startHttpReceiver();
  [admin, operator, viewer] = await Promise.all([ctxAs("admin"), ctxAs("operator"), ctxAs("viewer")]);
});
afterAll(() => receiver.close());

const hook = (name: string, extra: object = {}) => ({
  name,
  kind: "webhook",
  url: `${receiver.url}/${name}`,
  ...extra,
});

describe("who may do what", () => {
  it("gives anonymous callers nothing", async () => {
    for (const call of [
      () => listAlerts(anonymous),
      () => listChannels(anonymous),
      () => listRules(anonymous),
      () => listSilences(anonymous),
      () => createSilence(anonymous, { reason: "nope nope" }),
      () => createChannel(anonymous, hook("anon"), { egress: local }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("keeps viewers out of alerts entirely", async () => {
    await expect(listAlerts(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSilence(viewer, { reason: "maintenance" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createRule(viewer, { name: "x", kind: "command_failed" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets operators read and silence, but not manage channels or rules", async () => {
    await expect(listAlerts(operator)).resolves.toMatchObject({ firing: [] });
    await expect(createChannel(operator, hook("op"), { egress: local })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createRule(operator, { name: "x", kind: "command_failed" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { id } = await createSilence(operator, { duration: "30m", reason: "planned work" });
    await cancelSilence(operator, { id });
    expect(await db.notificationChannel.count({ where: { name: "op" } })).toBe(0);
  });
});

describe("channels", () => {
  it("never echoes a secret, and makes one up for a webhook when none is given", async () => {
    const made = await createChannel(admin, hook("gen"), { egress: local });
    expect(made.generatedSecret).toMatch(/^whsec_/);
    const given = await createChannel(admin, hook("given", { secret: "a-long-enough-secret" }), {
      egress: local,
    });
    expect(given.generatedSecret).toBeUndefined();
    const views = await listChannels(admin);
    const view = views.find((v) => v.id === given.id)!;
    expect(view).toMatchObject({ hasSecret: true, kind: "webhook" });
    expect(JSON.stringify(views)).not.toContain("a-long-enough-secret");
    expect(JSON.stringify(views)).not.toContain(made.generatedSecret);
    // An edit that leaves the secret empty keeps it.
    await updateChannel(admin, { id: given.id, name: "given", url: "", enabled: "on" }, { egress: local });
    const row = await db.notificationChannel.findUniqueOrThrow({ where: { id: given.id } });
    expect(row.secret).toBe("a-long-enough-secret");
    expect((row.config as { url: string }).url).toBe(`${receiver.url}/given`);
  });

  it("answers bad input per field, in words, and changes nothing", async () => {
    const refuse = async (input: object, field: string, words: RegExp, egress = local) => {
      const error = await createChannel(admin, input, { egress }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "VALIDATION" });
      expect(
        (error as { fields: Record<string, string> }).fields,
        JSON.stringify((error as { fields?: object }).fields),
      ).toHaveProperty([field]);
      expect((error as { fields: Record<string, string> }).fields[field]).toMatch(words);
    };
    await refuse({ name: "", kind: "webhook", url: "https://x.test" }, "name", /Enter a name/);
    await refuse({ name: "k", kind: "carrier-pigeon" }, "kind", /Choose what kind/);
    await refuse({ name: "u", kind: "slack", url: "not a url" }, "url", /full URL/);
    await refuse(
      { name: "p", kind: "pagerduty", url: "https://events.example.test/v2" },
      "secret",
      /routing key/,
    );
    await refuse({ name: "e", kind: "email", to: "ops@example.test" }, "kind", /SMTP_URL/);
    await refuse(
      { name: "h", kind: "slack", url: `${receiver.url}/x` },
      "url",
      /must use https/,
      production("93.184.216.34"),
    );
    await refuse(
      { name: "v", kind: "webhook", url: "https://internal.example.test/hook" },
      "url",
      /private address/,
      production("10.1.2.3"),
    );
    await refuse(
      { name: "m", kind: "teams", url: "https://meta.example.test/" },
      "url",
      /metadata/,
      production("169.254.169.254"),
    );
    await refuse(
      { name: "6", kind: "teams", url: "https://v6.example.test/" },
      "url",
      /private address/,
      production("fd00::1"),
    );
    await refuse(
      { name: "4", kind: "teams", url: "https://[::ffff:127.0.0.1]/" },
      "url",
      /loopback/,
      production("1.1.1.1"),
    );
    expect(
      await db.notificationChannel.count({
        where: { name: { in: ["u", "p", "e", "h", "v", "m", "6", "4"] } },
      }),
    ).toBe(0);
  });

  it("sends a signed test message at once and says what happened, audited", async () => {
    const { id } = await createChannel(admin, hook("tested", { secret: "test-signing-secret-1" }), {
      egress: local,
    });
    const before = receiver.received.length;
    const result = await sendTestMessage(admin, { id }, { egress: local });
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/^Delivered/) });
    const got = receiver.received.slice(before).find((r) => r.path === "/tested")!;
    expect((got.json as { type: string }).type).toBe("channel.test");
    expect(
      verifySignature(
        got.headers["x-orrery-signature"] as string,
        got.body,
        "test-signing-secret-1",
        new Date(),
      ),
    ).toBe(true);

    receiver.answer((r) => (r.path === "/tested" ? 500 : 200));
    const failed = await sendTestMessage(admin, { id }, { egress: local });
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/^Not delivered: HTTP 500/);
    receiver.answer(() => 200);
    const channel = await db.notificationChannel.findUniqueOrThrow({ where: { id } });
    expect(channel.lastError).toMatch(/HTTP 500/);
    const audit = await db.auditEvent.findMany({ where: { action: "alert-channel.test", targetId: id } });
    expect(audit).toHaveLength(2);
    await expect(sendTestMessage(operator, { id }, { egress: local })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("deletes a channel, audited", async () => {
    const { id } = await createChannel(admin, hook("doomed"), { egress: local });
    await deleteChannel(admin, { id });
    expect(await db.notificationChannel.count({ where: { id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "alert-channel.delete", targetId: id } })).toBe(1);
  });
});

describe("rules", () => {
  it("validates each kind's settings, regions, labels and channels in words", async () => {
    const refuse = async (input: object, field: string, words: RegExp) => {
      const error = await createRule(admin, input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "VALIDATION" });
      expect(
        (error as { fields: Record<string, string> }).fields,
        JSON.stringify((error as { fields?: object }).fields),
      ).toHaveProperty([field]);
      expect((error as { fields: Record<string, string> }).fields[field]).toMatch(words);
    };
    await refuse({ name: "a", kind: "satellite_offline", minutes: "0" }, "minutes", /at least 1/);
    await refuse({ name: "a", kind: "region_impacted", percent: "abc" }, "percent", /as a number/);
    await refuse({ name: "a", kind: "agent_outdated", version: "latest" }, "version", /dotted numbers/);
    await refuse({ name: "a", kind: "compliance_violation" }, "kind", /governance policies/);
    await refuse({ name: "a", kind: "command_failed", regionIds: ["mars"] }, "regionIds", /no region "mars"/);
    await refuse({ name: "a", kind: "command_failed", labels: "tier" }, "labels[0]", /key=value/);
    await refuse(
      { name: "a", kind: "command_failed", channelIds: ["gone"] },
      "channelIds",
      /no longer exists/,
    );
    await refuse(
      { name: "a", kind: "command_failed", repeatMinutes: "1" },
      "repeatMinutes",
      /every 5 minutes/,
    );
  });

  it("creates, lists and deletes a rule, audited", async () => {
    const { id } = await createRule(admin, {
      name: "Old agents",
      kind: "agent_outdated",
      version: "1.4.0",
      regionIds: ["eu-gdpr", "uk-gdpr"],
      labels: "tier=gold\nenv=prod",
    });
    const [view] = (await listRules(operator)).filter((r) => r.id === id);
    expect(view).toMatchObject({
      kindLabel: "Agent outdated",
      condition: "agent older than 1.4.0",
      regionIds: ["eu-gdpr", "uk-gdpr"],
      labels: ["tier=gold", "env=prod"],
      enabled: true,
    });
    await expect(deleteRule(operator, { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteRule(admin, { id });
    const actions = await db.auditEvent.findMany({ where: { targetId: id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["alert-rule.create", "alert-rule.delete"]);
  });
});

describe("silences", () => {
  it("names a rule, region or satellite that exists, and a reason", async () => {
    const refuse = async (input: object, field: string, words: RegExp) => {
      const error = await createSilence(operator, input).catch((e: unknown) => e);
      expect(
        (error as { fields: Record<string, string> }).fields,
        JSON.stringify((error as { fields?: object }).fields),
      ).toHaveProperty([field]);
      expect((error as { fields: Record<string, string> }).fields[field]).toMatch(words);
    };
    await refuse({ reason: "" }, "reason", /Say why/);
    await refuse({ reason: "work", duration: "45d" }, "duration", /at most 30 days/);
    await refuse({ reason: "work", regionId: "atlantis" }, "regionId", /no region/);
    await refuse({ reason: "work", satellite: "nope-nope" }, "satellite", /no satellite/);
  });

  it("lists active silences first and ends one early, audited", async () => {
    const { id } = await createSilence(operator, {
      regionId: "eu-gdpr",
      duration: "4h",
      reason: "fibre cut",
    });
    const [first] = await listSilences(operator);
    expect(first).toMatchObject({ id, regionId: "eu-gdpr", isActive: true, reason: "fibre cut" });
    await cancelSilence(operator, { id });
    expect((await listSilences(operator)).find((s) => s.id === id)!.isActive).toBe(false);
    const actions = await db.auditEvent.findMany({ where: { targetId: id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["alert-silence.cancel", "alert-silence.create"]);
  });
});
