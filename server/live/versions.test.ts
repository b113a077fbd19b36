import { beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, ctxAs, seedRegions, type UserCtx } from "@/test/factories";
import type { Ctx } from "../auth/context";

// The session comes from Next's request cookies; here each test says who is asking.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/server/auth/session", () => ({ getCtx: async () => session.ctx }));

const live = (await import("@/app/api/v1/live/route")).GET;
const { liveVersions } = await import("./versions");
const { db } = await import("../db");
const { issueCommands } = await import("../commands/issue");
const { openIncident } = await import("../incidents/open");
const { postIncidentUpdate } = await import("../incidents/timeline");
const { ackCommand } = await import("../commands/ack");
const { beat, makeSatellite } = await import("../rollouts/test-helpers");

const now = new Date("2026-11-28T10:00:00Z");
let admin: UserCtx;
let viewer: UserCtx;

const get = (path: string, headers: Record<string, string> = {}) =>
  live(new Request(`http://orrery.test${path}`, { headers }), undefined);

async function version(scope: string, at = now): Promise<string> {
  const tagged = await liveVersions(viewer, { scope }, at);
  return (JSON.parse(tagged.json) as { versions: Record<string, string> }).versions[scope];
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
});

describe("GET /api/v1/live", () => {
  it("answers anonymous callers 401 and nothing else", async () => {
    session.ctx = anonymous;
    const res = await get("/api/v1/live?scope=commands");
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).not.toContain("versions");
  });

  it("lets a viewer read every scope, and answers 304 while nothing changed", async () => {
    session.ctx = viewer;
    const path = "/api/v1/live?scope=commands&scope=incidents&scope=overview&scope=satellite:nope";
    const res = await get(path);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { versions: Record<string, string> };
    expect(Object.keys(body.versions).sort()).toEqual([
      "commands",
      "incidents",
      "overview",
      "satellite:nope",
    ]);
    expect(body.versions["satellite:nope"]).toBe("none");
    const again = await get(path, { "if-none-match": res.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
  });

  it("refuses an unknown scope with a sentence, not schema text", async () => {
    session.ctx = viewer;
    const res = await get("/api/v1/live?scope=everything");
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toMatch(/^Scope must be commands, incidents, overview/);
    expect(error.message).not.toContain("scope[0]");
    expect((await get("/api/v1/live")).status).toBe(422);
  });
});

describe("scope versions", () => {
  it("commands and a satellite's version move with its commands, not with its heartbeats", async () => {
    const s = await makeSatellite(admin, now);
    const before = { list: await version("commands"), sat: await version(`satellite:${s.id}`) };
    expect(await version(`satellite:${s.slug}`)).toBe(before.sat);

    await beat([s.id], new Date(now.getTime() + 10_000));
    expect(await version("commands")).toBe(before.list);
    expect(await version(`satellite:${s.id}`)).toBe(before.sat);

    await issueCommands(admin, { type: "satellite.cordon", target: { satelliteIds: [s.id] } }, now);
    const queued = { list: await version("commands"), sat: await version(`satellite:${s.id}`) };
    expect(queued.list).not.toBe(before.list);
    expect(queued.sat).not.toBe(before.sat);

    const cmd = await db.command.findFirstOrThrow({ where: { satelliteId: s.id } });
    const agent = {
      credentialId: "c",
      satelliteId: s.id,
      slug: s.slug,
      regionId: s.regionId,
      intervalSec: 10,
      expiresAt: null,
    };
    await ackCommand(agent, cmd.id, { status: "succeeded", message: "cordoned" }, now);
    expect(await version("commands")).not.toBe(queued.list);
    expect(await version(`satellite:${s.id}`)).not.toBe(queued.sat);
  });

  it("a satellite's version moves when its health or recorded connectivity changes", async () => {
    const s = await makeSatellite(admin, now);
    const before = await version(`satellite:${s.id}`);
    await beat([s.id], new Date(now.getTime() + 10_000), "critical");
    const critical = await version(`satellite:${s.id}`);
    expect(critical).not.toBe(before);
    await db.satellite.update({ where: { id: s.id }, data: { recordedConnectivity: "offline" } });
    expect(await version(`satellite:${s.id}`)).not.toBe(critical);
  });

  it("incidents and an incident's version move when an update is posted", async () => {
    const s = await makeSatellite(admin, now);
    const list = await version("incidents");
    const { id } = await openIncident(
      admin,
      { title: "Frankfurt edge offline", impact: "major", body: "Looking into it.", satellites: [s.slug] },
      now,
    );
    expect(await version("incidents")).not.toBe(list);
    const [opened, openedList] = [await version(`incident:${id}`), await version("incidents")];
    await postIncidentUpdate(
      admin,
      { id, status: "identified", impact: "major", body: "A bad switch." },
      new Date(now.getTime() + 60_000),
    );
    expect(await version(`incident:${id}`)).not.toBe(opened);
    expect(await version("incidents")).not.toBe(openedList);
  });

  it("the overview's version moves when a satellite's health changes", async () => {
    const s = await makeSatellite(admin, now);
    const before = await version("overview");
    await beat([s.id], now, "degraded");
    expect(await version("overview")).not.toBe(before);
  });
});
