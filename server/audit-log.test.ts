import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../test/factories";
import { auditCsv, listAuditEvents, listAuditFacets, parseUtc } from "./audit-log";
import type { Ctx } from "./auth/context";
import { db } from "./db";
import { createRelease } from "./releases/create";
import { registerSatellite } from "./satellites/register";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
let satellite: { id: string; slug: string };
let release: { id: string; version: string };
const ALICE = "alice@example.test";

// Everything this file asserts on happened in 2024; the verbs used to make targets audit "now".
const IN_2024 = { from: "2024-01-01", to: "2024-12-31" };

async function event(at: string, data: Partial<Parameters<typeof db.auditEvent.create>[0]["data"]>) {
  return db.auditEvent.create({
    data: {
      at: new Date(at),
      actorType: "user",
      actorLabel: ALICE,
      action: "x.y",
      targetType: "x",
      summary: "",
      ...data,
    },
  });
}

async function actions(ctx: Ctx, input: Record<string, unknown>): Promise<string[]> {
  const page = await listAuditEvents(ctx, { ...IN_2024, limit: 200, ...input });
  return page.items.map((e) => e.action);
}

async function csv(ctx: Ctx, input: unknown): Promise<string[]> {
  let text = "";
  for await (const chunk of auditCsv(ctx, input)) text += chunk;
  return text.split("\r\n").filter(Boolean);
}

beforeAll(async () => {
  await seedRegions();
  [admin, operator, viewer] = await Promise.all([ctxAs("admin"), ctxAs("operator"), ctxAs("viewer")]);
  satellite = await registerSatellite(admin, satelliteInput({ slug: "fra-edge-01" }));
  release = await createRelease(admin, {
    version: "2024.3.0",
    artifactSizeMb: 100,
    regionIds: ["eu-gdpr"],
    minAgentVersion: "1.0.0",
  });
  const bob = await db.user.create({ data: { email: "bob@example.test", name: "Bob", passwordHash: "x" } });
  await event("2024-03-01T10:00:00Z", {
    action: "release.create",
    targetType: "release",
    targetId: release.id,
    summary: "Published release 2024.3.0, with = in it",
  });
  await event("2024-03-01T10:05:30Z", {
    action: "release.update",
    targetType: "release",
    targetId: release.id,
    summary: '=HYPERLINK("x")',
  });
  await event("2024-03-01T23:59:59Z", {
    action: "release.create-draft",
    targetType: "release",
    summary: "a, b",
  });
  await event("2024-03-02T00:00:00Z", {
    actorLabel: "bob@example.test",
    action: "user.disable",
    targetType: "user",
    targetId: bob.id,
    summary: "Disabled someone",
  });
  await event("2024-03-02T12:00:00Z", {
    actorType: "agent",
    actorId: satellite.id,
    actorLabel: satellite.slug,
    action: "command.succeeded",
    targetType: "command",
    targetId: "cmd-1",
    summary: "service.restart succeeded",
  });
  await event("2024-03-03T08:00:00Z", {
    actorType: "system",
    actorLabel: "reconciler",
    action: "satellite.offline",
    targetType: "satellite",
    targetId: satellite.id,
    summary: "fra-edge-01 went offline",
  });
});

describe("reading UTC times from the filters", () => {
  it("takes datetime-local values as UTC and spans the precision given", () => {
    expect(parseUtc("2024-03-01T10:05")).toEqual({
      start: new Date("2024-03-01T10:05:00Z"),
      end: new Date("2024-03-01T10:06:00Z"),
    });
    expect(parseUtc("2024-03-01")?.end).toEqual(new Date("2024-03-02T00:00:00Z"));
    expect(parseUtc("2024-03-01T10:05:07")?.end).toEqual(new Date("2024-03-01T10:05:08Z"));
    expect(parseUtc("2024-03-01T10:05:07.5Z")?.start).toEqual(new Date("2024-03-01T10:05:07.500Z"));
    for (const bad of [
      "2024-02-30T10:00",
      "2024-13-01",
      "2024-03-01T24:00",
      "2024-03-01T10:60",
      "yesterday",
      "",
    ]) {
      expect(parseUtc(bad), bad).toBeNull();
    }
  });
});

describe("filtering the audit log", () => {
  it("lists every kind of actor, newest first, with targets named", async () => {
    const page = await listAuditEvents(operator, IN_2024);
    expect(page.total).toBe(6);
    expect(page.items.map((e) => e.at)).toEqual([...page.items.map((e) => e.at)].sort().reverse());
    const named = Object.fromEntries(page.items.map((e) => [e.action, e.targetLabel]));
    expect(named).toMatchObject({
      "release.create": "2024.3.0",
      "user.disable": "bob@example.test",
      "satellite.offline": "fra-edge-01",
      "command.succeeded": null,
    });
  });

  it("by actor: an email, system, an agent's satellite slug or a system actor's name", async () => {
    expect(await actions(operator, { actor: "ALICE@example.test" })).toEqual([
      "release.create-draft",
      "release.update",
      "release.create",
    ]);
    expect(await actions(operator, { actor: "system" })).toEqual(["satellite.offline"]);
    expect(await actions(operator, { actor: "reconciler" })).toEqual(["satellite.offline"]);
    expect(await actions(operator, { actor: "fra-edge-01" })).toEqual(["command.succeeded"]);
    expect(await actions(operator, { actor: satellite.id })).toEqual(["command.succeeded"]);
    expect(await actions(operator, { actorType: "agent" })).toEqual(["command.succeeded"]);
    expect(await actions(operator, { actor: "nobody@example.test" })).toEqual([]);
  });

  it("by action: a prefix, a bare namespace, or one exact action", async () => {
    const all = ["release.create-draft", "release.update", "release.create"];
    expect(await actions(operator, { action: "release." })).toEqual(all);
    expect(await actions(operator, { action: "release" })).toEqual(all);
    expect(await actions(operator, { action: "release.*" })).toEqual(all);
    expect(await actions(operator, { action: "release.create" })).toEqual(["release.create"]);
    expect(await actions(operator, { action: "release.create*" })).toEqual([
      "release.create-draft",
      "release.create",
    ]);
  });

  it("by target: type, and id, slug, email or version", async () => {
    expect(await actions(operator, { targetType: "release", target: "2024.3.0" })).toEqual([
      "release.update",
      "release.create",
    ]);
    expect(await actions(operator, { target: "fra-edge-01" })).toEqual(["satellite.offline"]);
    expect(await actions(operator, { targetType: "satellite", target: satellite.id })).toEqual([
      "satellite.offline",
    ]);
    expect(await actions(operator, { target: "BOB@example.test" })).toEqual(["user.disable"]);
    expect(await actions(operator, { targetType: "user", target: "fra-edge-01" })).toEqual([]);
    expect(await actions(operator, { targetType: "command" })).toEqual(["command.succeeded"]);
  });

  it("by time, in UTC, each end covering the minute or day it names", async () => {
    expect(await actions(operator, { from: "2024-03-01T10:05", to: "2024-03-01T10:05" })).toEqual([
      "release.update",
    ]);
    expect(await actions(operator, { from: "2024-03-01", to: "2024-03-01" })).toHaveLength(3);
    expect(await actions(operator, { from: "2024-03-02T00:00", to: "2024-03-02T12:00" })).toEqual([
      "command.succeeded",
      "user.disable",
    ]);
  });

  it("names the field of a bad date, a backwards range or a bad page", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ from: "2024-02-30T10:00" }, "from"],
      [{ to: "next tuesday" }, "to"],
      [{ from: "2024-03-02T10:00", to: "2024-03-01T10:00" }, "to"],
      [{ page: "two" }, "page"],
      [{ limit: "5000" }, "limit"],
      [{ action: "release; drop" }, "action"],
      [{ actorType: "robot" }, "actorType"],
    ];
    for (const [input, field] of cases) {
      const error = await listAuditEvents(operator, input).then(
        () => expect.unreachable(JSON.stringify(input)),
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(input)).toMatchObject({ code: "VALIDATION" });
      expect(Object.keys((error as { fields: object }).fields)).toEqual([field]);
    }
  });

  it("pages on the server, without gaps or repeats", async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const result = await listAuditEvents(operator, { ...IN_2024, limit: "2", page: String(page) });
      expect(result).toMatchObject({ total: 6, page, limit: 2 });
      seen.push(...result.items.map((e) => e.id));
    }
    expect(new Set(seen).size).toBe(6);
    // By cursor: each page starts below the last row of the one before, the same rows in the same order.
    const byCursor: string[] = [];
    let cursor: string | null = null;
    do {
      const result: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents(operator, {
        ...IN_2024,
        limit: "4",
        ...(cursor && { cursor }),
      });
      byCursor.push(...result.items.map((e) => e.id));
      cursor = result.next;
    } while (cursor);
    expect(byCursor).toEqual(seen);
    const past = await listAuditEvents(operator, { ...IN_2024, limit: 2, page: 4 });
    expect(past.items).toEqual([]);
    // A repeated key (from the URL) counts once, the first value.
    expect((await listAuditEvents(operator, { ...IN_2024, action: ["user.", "release."] })).total).toBe(1);
  });

  it("is for operators and admins: viewers and anonymous callers are refused", async () => {
    expect((await listAuditEvents(admin, IN_2024)).total).toBe(6);
    await expect(listAuditEvents(viewer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(anonymous, {})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(listAuditFacets(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const facets = await listAuditFacets(operator);
    expect(facets.actions).toEqual(expect.arrayContaining(["release.create", "satellite.offline"]));
    expect(facets.actions).toEqual([...new Set(facets.actions)].sort());
    expect(facets.targetTypes).toEqual(expect.arrayContaining(["command", "release", "satellite", "user"]));
  });
});

describe("exporting the audit log as CSV", () => {
  it("exports the filtered rows with a header, quoted and formula-safe", async () => {
    const lines = await csv(operator, { ...IN_2024, action: "release." });
    expect(lines[0]).toBe("at,actor_type,actor,action,target_type,target_id,target,summary,ip,request_id");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("release.create-draft");
    expect(lines[1]).toContain('"a, b"');
    expect(lines[2]).toContain(`'=HYPERLINK(""x"")`);
    expect(lines[3]).toContain(`,"release","${release.id}","2024.3.0",`);
  });

  it("reads every match in batches, rows sharing a timestamp included exactly once", async () => {
    const at = new Date("2023-06-01T00:00:00Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: 2_345 }, (_, i) => ({
        at: i < 2_100 ? at : new Date(at.getTime() + i * 1000),
        actorType: "system" as const,
        actorLabel: "reconciler",
        action: "bulk.tick",
        targetType: "satellite",
        summary: `tick ${i}`,
      })),
    });
    const lines = await csv(admin, { action: "bulk." });
    expect(lines).toHaveLength(2_346);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[7])).size).toBe(2_345);
  });

  it("refuses viewers, anonymous callers and bad filters before writing a line", async () => {
    await expect(csv(viewer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(csv(anonymous, {})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(csv(operator, { from: "2024-99-01" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { from: expect.stringContaining("not a UTC date") },
    });
  });
});
