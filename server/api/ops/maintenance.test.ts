import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../../test/factories";
import { db } from "../../db";
import { registerSatellite } from "../../satellites/register";
import { maintenanceOps } from "./maintenance";
import { apiClient, readAll, tokenOf } from "./ops-test-kit";

const call = apiClient(maintenanceOps);
let admin: UserCtx;
let opTok: string;
let viewerTok: string;
let euTok: string;
let eu1: { id: string; slug: string };
let us1: { id: string; slug: string };
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

const window = (overrides: Record<string, unknown> = {}) => ({
  title: "Storage firmware upgrade",
  description: "Rolling, one node at a time.",
  startsAt: hours(2),
  endsAt: hours(4),
  satellites: [eu1.slug],
  ...overrides,
});

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  opTok = await tokenOf(await ctxAs("operator"));
  viewerTok = await tokenOf(await ctxAs("viewer"));
  euTok = await tokenOf(await ctxAs("operator", ["eu-gdpr"]));
  eu1 = await registerSatellite(admin, satelliteInput({ country: "DE" }));
  us1 = await registerSatellite(admin, satelliteInput({ country: "US", city: "Ashburn" }));
});

describe("maintenance windows over the API", () => {
  it("schedules a window and reads it back", async () => {
    const res = await call("POST", "/maintenance", { token: opTok, body: window() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: "Storage firmware upgrade",
      state: "upcoming",
      satelliteCount: 1,
    });
    const got = await call("GET", `/maintenance/${res.body.id}`, { token: viewerTok });
    expect(got.status).toBe(200);
    expect(got.body.regionIds).toEqual(["eu-gdpr"]);
    expect((await call("GET", "/maintenance/nope", { token: viewerTok })).status).toBe(404);
  });

  it("names the failing field and refuses viewers, anonymous callers and other regions", async () => {
    const bad = await call("POST", "/maintenance", { token: opTok, body: window({ endsAt: hours(1) }) });
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, "endsAt"]);
    const past = await call("POST", "/maintenance", { token: opTok, body: window({ startsAt: hours(-2) }) });
    expect([past.status, past.body.errors[0].field]).toEqual([422, "startsAt"]);
    expect((await call("POST", "/maintenance", { token: viewerTok, body: window() })).status).toBe(403);
    expect((await call("GET", "/maintenance")).status).toBe(401);
    const outside = await call("POST", "/maintenance", {
      token: euTok,
      body: window({ satellites: [us1.slug] }),
    });
    expect(outside.status).toBe(403);
    expect((await call("POST", "/maintenance", { token: euTok, body: window() })).status).toBe(201);
    const us = await call("POST", "/maintenance", { token: opTok, body: window({ satellites: [us1.slug] }) });
    expect((await call("POST", `/maintenance/${us.body.id}/cancel`, { token: euTok })).status).toBe(403);
  });

  it("cancels a window that has not started, with If-Match, once", async () => {
    const { body: created } = await call("POST", "/maintenance", { token: opTok, body: window() });
    const path = `/maintenance/${created.id}`;
    const stale = await call("POST", `${path}/cancel`, { token: opTok, headers: { "if-match": '"stale"' } });
    expect(stale.status).toBe(412);
    const etag = (await call("GET", path, { token: opTok })).headers.get("etag")!;
    const cancelled = await call("POST", `${path}/cancel`, { token: opTok, headers: { "if-match": etag } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe("cancelled");
    expect((await call("POST", `${path}/cancel`, { token: opTok })).status).toBe(409);
  });

  it("replays a POST with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "schedule-once" };
    const body = window({ title: "Once only" });
    const first = await call("POST", "/maintenance", { token: opTok, body, headers });
    const again = await call("POST", "/maintenance", { token: opTok, body, headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(await db.maintenanceWindow.count({ where: { title: "Once only" } })).toBe(1);
  });

  it("pages through each phase in the console's order, every window once", async () => {
    for (let i = 1; i <= 5; i++) {
      await call("POST", "/maintenance", {
        token: opTok,
        body: window({ startsAt: hours(i), endsAt: hours(i + 1) }),
      });
    }
    const total = await db.maintenanceWindow.count();
    const all = await readAll(call, "/maintenance?limit=2", opTok);
    expect(all.items).toHaveLength(total);
    expect(new Set(all.items.map((w) => w.id)).size).toBe(total);
    const upcoming = (await readAll(call, "/maintenance?phase=upcoming&limit=2", opTok)).items as unknown as {
      startsAt: string;
      state: string;
    }[];
    expect(upcoming.every((w) => w.state === "upcoming")).toBe(true);
    const starts = upcoming.map((w) => w.startsAt);
    expect(starts).toEqual([...starts].sort());
    const us = (await readAll(call, "/maintenance?region=us-fedramp", opTok)).items as unknown as {
      regionIds: string[];
    }[];
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((w) => w.regionIds.includes("us-fedramp"))).toBe(true);
    const bad = await call("GET", "/maintenance?phase=soon", { token: opTok });
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, "phase"]);
  });
});
