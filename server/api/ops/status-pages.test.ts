import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../../test/factories";
import { db } from "../../db";
import { apiClient, readAll, tokenOf } from "./ops-test-kit";
import { statusPageOps } from "./status-pages";

const call = apiClient(statusPageOps);
let adminTok: string;
let opTok: string;
let euAdminTok: string;
let n = 0;

const page = (overrides: Record<string, unknown> = {}) => ({
  slug: `fleet-${++n}`,
  title: "Fleet status",
  visibility: "public",
  includeAll: false,
  regionIds: ["eu-gdpr"],
  ...overrides,
});

beforeAll(async () => {
  await seedRegions();
  adminTok = await tokenOf(await ctxAs("admin"));
  opTok = await tokenOf(await ctxAs("operator"));
  euAdminTok = await tokenOf(await ctxAs("admin", ["eu-gdpr"]));
});

describe("status pages over the API", () => {
  it("creates a page with defaults and reads it back", async () => {
    const res = await call("POST", "/status-pages", { token: adminTok, body: page() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      regionIds: ["eu-gdpr"],
      degradedPct: 10,
      debounceSec: 120,
      secret: null,
    });
    const got = await call("GET", `/status-pages/${res.body.id}`, { token: euAdminTok });
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBeTruthy();
  });

  it("names the failing field and refuses operators and anonymous callers", async () => {
    const bad = await call("POST", "/status-pages", { token: adminTok, body: page({ partialPct: 5 }) });
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, "partialPct"]);
    const region = await call("POST", "/status-pages", {
      token: adminTok,
      body: page({ regionIds: ["mars"] }),
    });
    expect([region.status, region.body.errors[0].field]).toEqual([422, "regionIds"]);
    const taken = await call("POST", "/status-pages", { token: adminTok, body: page({ slug: "fleet-1" }) });
    expect(taken.status).toBe(409);
    expect((await call("POST", "/status-pages", { token: opTok, body: page() })).status).toBe(403);
    expect((await call("GET", "/status-pages", { token: opTok })).status).toBe(403);
    expect((await call("GET", "/status-pages")).status).toBe(401);
  });

  it("changes only the fields sent, with If-Match, and disables a page", async () => {
    const { body: created } = await call("POST", "/status-pages", { token: adminTok, body: page() });
    const path = `/status-pages/${created.id}`;
    const etag = (await call("GET", path, { token: adminTok })).headers.get("etag")!;
    const patched = await call("PATCH", path, {
      token: adminTok,
      body: {
        debounceSec: 300,
        degradedPct: 5,
        regionIds: ["eu-gdpr", "us-fedramp"],
        visibility: "unlisted",
      },
      headers: { "if-match": etag },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      title: "Fleet status",
      debounceSec: 300,
      degradedPct: 5,
      partialPct: 25,
      regionIds: ["eu-gdpr", "us-fedramp"],
      visibility: "unlisted",
    });
    expect(patched.body.secret).toEqual(expect.any(String));
    expect(patched.headers.get("etag")).toBeTruthy();
    const stale = await call("PATCH", path, {
      token: adminTok,
      body: { title: "Old" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    const rotated = await call("POST", `${path}/rotate-link`, { token: adminTok });
    expect(rotated.body.secret).not.toBe(patched.body.secret);
    const bad = await call("PATCH", path, { token: adminTok, body: { majorPct: 1 } });
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, "majorPct"]);
    const notObject = await call("PATCH", path, { token: adminTok, body: "[1]" });
    expect([notObject.status, notObject.body.errors[0].field]).toEqual([422, "body"]);
    const disabled = await call("PATCH", path, { token: adminTok, body: { visibility: "disabled" } });
    expect(disabled.body).toMatchObject({ visibility: "disabled", secret: null, debounceSec: 300 });
  });

  it("deletes a page", async () => {
    const { body: created } = await call("POST", "/status-pages", { token: adminTok, body: page() });
    const gone = await call("DELETE", `/status-pages/${created.id}`, { token: adminTok });
    expect(gone.status).toBe(204);
    expect((await call("GET", `/status-pages/${created.id}`, { token: adminTok })).status).toBe(404);
    expect((await call("DELETE", `/status-pages/${created.id}`, { token: adminTok })).status).toBe(404);
  });

  it("pins a region and clears the pin", async () => {
    const { body: created } = await call("POST", "/status-pages", { token: adminTok, body: page() });
    const pins = `/status-pages/${created.id}/pins`;
    const pin = {
      component: "eu-gdpr",
      status: "major_outage",
      duration: "1h",
      reason: "Fibre cut near Frankfurt",
    };
    const pinned = await call("POST", pins, { token: adminTok, body: pin });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toMatchObject({ component: "eu-gdpr", status: "major_outage", isActive: true });
    const until = await call("POST", pins, { token: adminTok, body: { ...pin, duration: "until" } });
    expect([until.status, until.body.errors[0].field]).toEqual([422, "until"]);
    const listed = await call("GET", pins, { token: adminTok });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(pinned.body.id);
    const cleared = await call("DELETE", `${pins}/${pinned.body.id}`, { token: adminTok });
    expect(cleared.status).toBe(200);
    expect(cleared.body.isActive).toBe(false);
    expect((await call("DELETE", `${pins}/${pinned.body.id}`, { token: adminTok })).status).toBe(409);
    expect((await call("GET", "/status-pages/nope/pins", { token: adminTok })).status).toBe(404);
    expect((await call("POST", pins, { token: opTok, body: pin })).status).toBe(403);
  });

  it("replays a create with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "page-once" };
    const body = page({ slug: "once-only" });
    const first = await call("POST", "/status-pages", { token: adminTok, body, headers });
    const again = await call("POST", "/status-pages", { token: adminTok, body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
  });

  it("pages through every page once", async () => {
    const total = await db.statusPage.count();
    const { items } = await readAll(call, "/status-pages?limit=2", adminTok);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((p) => p.id)).size).toBe(total);
  });

  it("answers no 500 for anything a client can send", async () => {
    const { body: created } = await call("POST", "/status-pages", { token: adminTok, body: page() });
    const bodies = [
      "[]",
      '"x"',
      "7",
      "null",
      JSON.stringify({ slug: 5, regionIds: [{}], labels: "a=b", logoUrl: 3 }),
    ];
    for (const [method, path] of [
      ["POST", "/status-pages"],
      ["PATCH", `/status-pages/${created.id}`],
      ["POST", `/status-pages/${created.id}/pins`],
    ]) {
      for (const body of bodies) {
        const res = await call(method, path, { token: adminTok, body });
        expect(res.status, `${method} ${path} ${body}`).toBeLessThan(500);
      }
    }
  });
});
