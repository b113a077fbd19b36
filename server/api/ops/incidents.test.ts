import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../../test/factories";
import { db } from "../../db";
import { registerSatellite } from "../../satellites/register";
import { incidentOps } from "./incidents";
import { maintenanceOps } from "./maintenance";
import { apiClient, readAll, tokenOf } from "./ops-test-kit";

const call = apiClient([...incidentOps, ...maintenanceOps]);
let admin: UserCtx;
let adminTok: string;
let opTok: string;
let viewerTok: string;
let euTok: string;
let eu1: { id: string; slug: string };
let eu2: { id: string; slug: string };
let us1: { id: string; slug: string };

const incident = (overrides: Record<string, unknown> = {}) => ({
  title: "Storage latency in Frankfurt",
  impact: "minor",
  body: "Writes are slow on the storage tier.",
  satellites: [eu1.slug],
  isPublished: true,
  ...overrides,
});

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  adminTok = await tokenOf(admin);
  opTok = await tokenOf(await ctxAs("operator"));
  viewerTok = await tokenOf(await ctxAs("viewer"));
  euTok = await tokenOf(await ctxAs("operator", ["eu-gdpr"]));
  eu1 = await registerSatellite(admin, satelliteInput({ country: "DE" }));
  eu2 = await registerSatellite(admin, satelliteInput({ country: "FR", city: "Paris" }));
  us1 = await registerSatellite(admin, satelliteInput({ country: "US", city: "Ashburn" }));
});

describe("incidents over the API", () => {
  it("opens an incident and answers it with its timeline and satellites", async () => {
    const res = await call("POST", "/incidents", { token: opTok, body: incident() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: "Storage latency in Frankfurt", status: "investigating" });
    expect(res.body.satellites.map((s: { slug: string }) => s.slug)).toEqual([eu1.slug]);
    expect(res.body.updates).toHaveLength(1);
    const got = await call("GET", `/incidents/${res.body.id}`, { token: viewerTok });
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBeTruthy();
    expect(got.headers.get("cache-control")).toContain("no-store");
  });

  it("names the failing field, refuses a viewer and an anonymous caller", async () => {
    const bad = await call("POST", "/incidents", { token: opTok, body: incident({ title: "" }) });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors[0].field).toBe("title");
    const unknownSat = await call("POST", "/incidents", {
      token: opTok,
      body: incident({ satellites: ["nope"] }),
    });
    expect(unknownSat.status).toBe(422);
    expect(unknownSat.body.errors[0].field).toBe("satellites");
    expect((await call("POST", "/incidents", { token: viewerTok, body: incident() })).status).toBe(403);
    expect((await call("GET", "/incidents")).status).toBe(401);
    expect((await call("GET", "/incidents", { token: "orr_notarealtoken" })).status).toBe(401);
  });

  it("keeps a region-scoped token to its regions", async () => {
    const inside = await call("POST", "/incidents", {
      token: euTok,
      body: incident({ satellites: [eu2.slug] }),
    });
    expect(inside.status).toBe(201);
    const outside = await call("POST", "/incidents", {
      token: euTok,
      body: incident({ satellites: [us1.slug] }),
    });
    expect(outside.status).toBe(403);
    const us = await call("POST", "/incidents", { token: opTok, body: incident({ satellites: [us1.slug] }) });
    const id = us.body.id;
    expect(
      (await call("PATCH", `/incidents/${id}`, { token: euTok, body: { title: "Mine now" } })).status,
    ).toBe(403);
    const upd = { status: "identified", impact: "major", body: "Found it." };
    expect((await call("POST", `/incidents/${id}/updates`, { token: euTok, body: upd })).status).toBe(403);
    expect((await call("POST", `/incidents/${id}/resolve`, { token: euTok })).status).toBe(403);
    const move = { satellites: [eu1.slug] };
    expect((await call("PUT", `/incidents/${id}/satellites`, { token: euTok, body: move })).status).toBe(403);
    // Reading is not region-scoped, as in the console.
    expect((await call("GET", `/incidents/${id}`, { token: euTok })).status).toBe(200);
  });

  it("edits with If-Match, posts updates, sets satellites and resolves", async () => {
    const { body: opened } = await call("POST", "/incidents", { token: opTok, body: incident() });
    const path = `/incidents/${opened.id}`;
    const read = await call("GET", path, { token: opTok });
    const etag = read.headers.get("etag")!;
    const edited = await call("PATCH", path, {
      token: opTok,
      body: { title: "Storage latency in Frankfurt and Paris", componentStatus: "partial_outage" },
      headers: { "if-match": etag },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: "Storage latency in Frankfurt and Paris",
      componentStatus: "partial_outage",
    });
    const stale = await call("PATCH", path, {
      token: opTok,
      body: { impact: "major" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    const empty = await call("PATCH", path, { token: opTok, body: {} });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].field).toBe("title");

    const update = { status: "identified", impact: "major", body: "A disk controller is failing." };
    const posted = await call("POST", `${path}/updates`, { token: opTok, body: update });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: "identified", impact: "major" });
    expect(posted.body.updates).toHaveLength(2);
    const badUpdate = await call("POST", `${path}/updates`, {
      token: opTok,
      body: { ...update, status: "fine" },
    });
    expect(badUpdate.body.errors[0].field).toBe("status");

    const set = await call("PUT", `${path}/satellites`, {
      token: opTok,
      body: { satellites: [eu1.slug, eu2.slug] },
    });
    expect(set.status).toBe(200);
    expect(set.body.satelliteCount).toBe(2);

    const resolved = await call("POST", `${path}/resolve`, { token: opTok, body: { body: "Replaced." } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe("resolved");
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await call("PATCH", path, { token: opTok, body: { title: "Too late" } })).status).toBe(412);
    const audit = await db.auditEvent.findMany({ where: { targetId: opened.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["incident.edit", "incident.open", "incident.resolve", "incident.satellites", "incident.update"].sort(),
    );
  });

  it("publishes and dismisses the reconciler's proposals", async () => {
    const draft = () =>
      db.incident.create({
        data: {
          title: "2 satellites offline in eu-gdpr",
          impact: "major",
          isProposed: true,
          isPublished: false,
          regionId: "eu-gdpr",
        },
      });
    const a = await draft();
    const published = await call("POST", `/incidents/${a.id}/publish`, { token: euTok });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ isProposed: false, isPublished: true });
    const b = await draft();
    const dismissed = await call("POST", `/incidents/${b.id}/dismiss`, { token: opTok });
    expect(dismissed.body.isDismissed).toBe(true);
    expect((await call("POST", `/incidents/${b.id}/dismiss`, { token: opTok })).status).toBe(409);
  });

  it("replays a POST with the same Idempotency-Key and refuses the key with another body", async () => {
    const headers = { "idempotency-key": "open-once-1" };
    const first = await call("POST", "/incidents", { token: opTok, body: incident(), headers });
    const again = await call("POST", "/incidents", { token: opTok, body: incident(), headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(await db.incident.count({ where: { id: first.body.id } })).toBe(1);
    const other = await call("POST", "/incidents", {
      token: opTok,
      body: incident({ title: "Other" }),
      headers,
    });
    expect(other.status).toBe(422);
  });

  it("pages through every incident once, and filters by tab, status and region", async () => {
    for (let i = 0; i < 5; i++)
      await call("POST", "/incidents", { token: adminTok, body: incident({ title: `Paged ${i}` }) });
    const total = await db.incident.count();
    const { items, sizes } = await readAll(call, "/incidents?limit=2", adminTok);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    expect(Math.max(...sizes)).toBe(2);

    const us = await readAll(call, "/incidents?region=us-fedramp&limit=1", adminTok);
    expect(us.items.length).toBeGreaterThan(0);
    for (const i of us.items as unknown as { regionIds: string[] }[])
      expect(i.regionIds).toContain("us-fedramp");
    const resolved = await readAll(call, "/incidents?filter=resolved", adminTok);
    expect((resolved.items as unknown as { status: string }[]).every((i) => i.status === "resolved")).toBe(
      true,
    );
    const identified = await readAll(call, "/incidents?status=identified", adminTok);
    expect(identified.items.length).toBe(await db.incident.count({ where: { status: "identified" } }));

    const badStatus = await call("GET", "/incidents?status=fine", { token: adminTok });
    expect([badStatus.status, badStatus.body.errors[0].field]).toEqual([422, "status"]);
    const badCursor = await call("GET", "/incidents?cursor=nonsense", { token: adminTok });
    expect([badCursor.status, badCursor.body.errors[0].field]).toEqual([422, "cursor"]);
    const badLimit = await call("GET", "/incidents?limit=501", { token: adminTok });
    expect([badLimit.status, badLimit.body.errors[0].field]).toEqual([422, "limit"]);
  });

  it("answers no 500 for anything a client can send", async () => {
    const { body: opened } = await call("POST", "/incidents", { token: opTok, body: incident() });
    const bodies = ["[]", '"text"', "42", "null", "{", JSON.stringify({ title: { a: 1 }, satellites: [{}] })];
    const targets: [string, string][] = [
      ["POST", "/incidents"],
      ["PATCH", `/incidents/${opened.id}`],
      ["POST", `/incidents/${opened.id}/updates`],
      ["POST", `/incidents/${opened.id}/resolve`],
      ["PUT", `/incidents/${opened.id}/satellites`],
      ["POST", "/maintenance"],
    ];
    for (const [method, path] of targets) {
      for (const body of bodies) {
        const res = await call(method, path, { token: opTok, body });
        expect(res.status, `${method} ${path} ${body}`).toBeLessThan(500);
      }
    }
    for (const path of [
      "/incidents/x".padEnd(400, "x"),
      "/incidents/%00",
      "/incidents?region=" + "r".repeat(100),
    ]) {
      expect((await call("GET", path, { token: opTok })).status).toBeLessThan(500);
    }
  });
});
