import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { satelliteInput, seedRegions } from "../../../test/factories";
import { db } from "../../db";
import { call, everyPage, json, tokenFor } from "./satellite-test-api";

let admin: string;
let operator: string;
let euOperator: string;
let viewer: string;

const word = () => `s${randomBytes(3).toString("hex")}`;

beforeAll(async () => {
  await seedRegions();
  admin = await tokenFor("admin", undefined, "fleet bot");
  operator = await tokenFor("operator");
  euOperator = await tokenFor("operator", ["eu-gdpr"]);
  viewer = await tokenFor("viewer");
});

async function register(overrides: Record<string, unknown> = {}) {
  const res = await call(admin, "POST", "/satellites", satelliteInput(overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return json(res);
}

describe("POST /satellites", () => {
  it("registers a satellite: 201 with it, its region from its country, audited with the token's name", async () => {
    const input = satelliteInput({ country: "de" });
    const res = await call(admin, "POST", "/satellites", input);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await json(res);
    expect(body).toMatchObject({
      slug: input.slug,
      country: "DE",
      regionId: "eu-gdpr",
      lifecycle: "pending",
      connectivity: "never_seen",
      labels: { tier: "gold" },
      region: { id: "eu-gdpr" },
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: body.id, action: "satellite.register" },
    });
    expect(audit.actorType).toBe("apiToken");
    expect(audit.actorLabel).toContain("fleet bot");
  });

  it("names the wrong field in a problem, and creates nothing", async () => {
    const input = satelliteInput({ lat: 95 });
    const res = await call(admin, "POST", "/satellites", input);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await json(res);
    expect(problem.code).toBe("VALIDATION");
    expect(problem.errors[0].field).toBe("lat");
    expect(await db.satellite.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("refuses viewers and operators (403) and anonymous callers (401)", async () => {
    for (const [secret, status] of [
      [viewer, 403],
      [operator, 403],
      [euOperator, 403],
      [null, 401],
    ] as const) {
      const input = satelliteInput();
      const res = await call(secret, "POST", "/satellites", input);
      expect(res.status).toBe(status);
      expect(await db.satellite.count({ where: { slug: input.slug } })).toBe(0);
    }
  });

  it("replays an Idempotency-Key with the first answer, and refuses it with another body", async () => {
    const input = satelliteInput();
    const key = `register-${word()}`;
    const first = await call(admin, "POST", "/satellites", input, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const again = await call(admin, "POST", "/satellites", input, { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await json(again)).id).toBe((await json(first)).id);
    expect(await db.satellite.count({ where: { slug: input.slug } })).toBe(1);
    const other = await call(admin, "POST", "/satellites", satelliteInput(), { "idempotency-key": key });
    expect(other.status).toBe(422);
    expect((await json(other)).errors[0].field).toBe("Idempotency-Key");
  });

  it("never answers 5xx to a body a client can send", async () => {
    for (const body of ["[1,2]", '"text"', "{not json", "null", "{}", '{"slug":{"a":[1]},"lat":"north"}']) {
      const res = await call(admin, "POST", "/satellites", body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
  });
});

describe("GET /satellites/{id}", () => {
  it("answers a satellite by id or slug with its ETag, and 404 for an unknown one", async () => {
    const sat = await register();
    for (const key of [sat.id, sat.slug]) {
      const res = await call(viewer, "GET", `/satellites/${key}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBeTruthy();
      expect(await json(res)).toMatchObject({ id: sat.id, slug: sat.slug, region: { id: "eu-gdpr" } });
    }
    const missing = await call(viewer, "GET", "/satellites/no-such-satellite");
    expect(missing.status).toBe(404);
    expect((await call(null, "GET", `/satellites/${sat.id}`)).status).toBe(401);
  });
});

describe("PATCH /satellites/{id}", () => {
  it("edits only the fields given, honours If-Match, and refuses a stale ETag with 412", async () => {
    const sat = await register({ name: "Before" });
    const etag = (await call(admin, "GET", `/satellites/${sat.slug}`)).headers.get("etag")!;
    const res = await call(
      admin,
      "PATCH",
      `/satellites/${sat.slug}`,
      { name: "After" },
      { "if-match": etag },
    );
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: sat.id, name: "After", city: sat.city, labels: sat.labels });
    expect(res.headers.get("etag")).not.toBe(etag);
    const stale = await call(admin, "PATCH", `/satellites/${sat.id}`, { name: "Lost" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect((await db.satellite.findUniqueOrThrow({ where: { id: sat.id } })).name).toBe("After");
  });

  it("names the wrong field, and refuses operators", async () => {
    const sat = await register();
    const bad = await call(admin, "PATCH", `/satellites/${sat.id}`, { uplinkMbps: 0 });
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors[0].field).toBe("uplinkMbps");
    const refused = await call(operator, "PATCH", `/satellites/${sat.id}`, { name: "Nope" });
    expect(refused.status).toBe(403);
  });
});

describe("PATCH /satellites/{id}/labels", () => {
  it("merges and removes labels against the stored ones, or replaces them all", async () => {
    const sat = await register({ labels: { tier: "gold", rack: "a1" } });
    const merged = await call(admin, "PATCH", `/satellites/${sat.id}/labels`, {
      merge: { tier: "silver", zone: "b" },
      remove: ["rack", "absent"],
    });
    expect(merged.status).toBe(200);
    expect((await json(merged)).labels).toEqual({ tier: "silver", zone: "b" });
    const set = await call(admin, "PATCH", `/satellites/${sat.slug}/labels`, { set: { only: "this" } });
    expect((await json(set)).labels).toEqual({ only: "this" });
    const stored = await db.satellite.findUniqueOrThrow({ where: { id: sat.id } });
    expect(stored.labelText).toContain("only=this");
  });

  it("refuses set with merge, a bad key and more than 32 labels, naming the field", async () => {
    const sat = await register();
    const cases: [unknown, string][] = [
      [{ set: { a: "1" }, merge: { b: "2" } }, "set"],
      [{}, "set"],
      [{ merge: { "Bad Key": "x" } }, "merge.Bad Key"],
      [{ merge: Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, "v"])) }, "merge"],
    ];
    for (const [body, field] of cases) {
      const res = await call(admin, "PATCH", `/satellites/${sat.id}/labels`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await json(res)).errors[0].field).toBe(field);
    }
    expect((await call(viewer, "PATCH", `/satellites/${sat.id}/labels`, { set: {} })).status).toBe(403);
  });
});

describe("POST /satellites/{id}/decommission", () => {
  it("retires a satellite with a reason, answers its final state, and refuses a second time", async () => {
    const sat = await register();
    const noReason = await call(admin, "POST", `/satellites/${sat.id}/decommission`, {});
    expect(noReason.status).toBe(422);
    expect((await json(noReason)).errors[0].field).toBe("reason");
    const res = await call(admin, "POST", `/satellites/${sat.slug}/decommission`, { reason: "site closed" });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: sat.id, lifecycle: "decommissioned" });
    const again = await call(admin, "POST", `/satellites/${sat.id}/decommission`, { reason: "again" });
    expect(again.status).toBe(409);
    const edit = await call(admin, "PATCH", `/satellites/${sat.id}`, { name: "Ghost" });
    expect(edit.status).toBe(412);
  });
});

describe("GET /satellites", () => {
  it("filters as the Satellites list does and pages by cursor to the end without repeats", async () => {
    const tag = word();
    const slugs: string[] = [];
    for (let i = 0; i < 5; i++)
      slugs.push((await register({ slug: `${tag}-${i}`, labels: { batch: tag } })).slug);
    await register({ slug: `${tag}-us`, country: "US", labels: { batch: tag } });
    const { items, pages } = await everyPage(viewer, `/satellites?region=eu-gdpr&label=batch=${tag}&limit=2`);
    expect(pages).toBe(3);
    expect(items.map((s) => s.slug)).toEqual(slugs);
    const first = await json(await call(viewer, "GET", `/satellites?label=batch=${tag}&limit=2`));
    expect(first.total).toBe(6);
    expect(first.next).toMatch(/^\/api\/v1\/satellites\?/);
  });

  it("lets a region-scoped operator read the whole fleet: reading is not region-scoped", async () => {
    const tag = word();
    await register({ slug: `${tag}-us`, country: "US" });
    const res = await call(euOperator, "GET", `/satellites?q=${tag}`);
    expect(res.status).toBe(200);
    expect((await json(res)).items.map((s: { regionId: string }) => s.regionId)).toEqual(["us-fedramp"]);
  });

  it("names the wrong filter, limit or cursor, and refuses anonymous callers", async () => {
    for (const [query, field] of [
      ["health=purple", "health"],
      ["limit=501", "limit"],
      ["limit=zero", "limit"],
      ["cursor=not-a-cursor", "cursor"],
      ["kind=edge,moon", "kind"],
    ]) {
      const res = await call(viewer, "GET", `/satellites?${query}`);
      expect(res.status, query).toBe(422);
      expect((await json(res)).errors[0].field, query).toMatch(new RegExp(`^${field}`));
    }
    expect((await call(null, "GET", "/satellites")).status).toBe(401);
  });
});
