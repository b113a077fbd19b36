import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../../test/factories";
import { db } from "../../db";
import { createRelease } from "../../releases/create";
import { registerSatellite } from "../../satellites/register";
import { call, everyPage, json, tokenFor, type Json } from "./satellite-test-api";

let adminCtx: UserCtx;
let admin: string;
let operator: string;
let euOperator: string;
let viewer: string;

const word = () => `c${randomBytes(3).toString("hex")}`;

beforeAll(async () => {
  await seedRegions();
  adminCtx = await ctxAs("admin");
  admin = await tokenFor("admin");
  operator = await tokenFor("operator");
  euOperator = await tokenFor("operator", ["eu-gdpr"], "eu pipeline");
  viewer = await tokenFor("viewer");
});

/** Satellites slugged `<tag>-<i>` in these countries, so `q=<tag>` selects exactly them. */
async function fleet(tag: string, countries: string[]) {
  const out: { id: string; slug: string }[] = [];
  for (const [i, country] of countries.entries()) {
    out.push(await registerSatellite(adminCtx, satelliteInput({ slug: `${tag}-${i}`, country })));
  }
  return out;
}

const cordon = (target: Json, extra: Json = {}) => ({ type: "satellite.cordon", target, ...extra });

describe("POST /commands", () => {
  it("queues a command for one satellite: 202 with its id, reason and audit row under the token's name", async () => {
    const [sat] = await fleet(word(), ["DE"]);
    const res = await call(
      euOperator,
      "POST",
      "/commands",
      cordon({ satelliteIds: [sat.id] }, { reason: "disk swap" }),
    );
    expect(res.status).toBe(202);
    const body = await json(res);
    expect(body).toMatchObject({ type: "satellite.cordon", total: 1, created: 1, isReplay: false });
    expect(body.commandIds).toHaveLength(1);
    const command = await json(await call(viewer, "GET", `/commands/${body.commandIds[0]}`));
    expect(command).toMatchObject({ state: "queued", reason: "disk swap", satellite: { id: sat.id } });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "command.issue", targetId: sat.id },
    });
    expect(audit.actorLabel).toContain("eu pipeline");
    expect(audit.summary).toContain("disk swap");
  });

  it("issues in bulk by a filter selector within the token's region", async () => {
    const tag = word();
    await fleet(tag, ["DE", "FR", "US"]);
    const res = await call(
      euOperator,
      "POST",
      "/commands",
      cordon({ filter: { region: "eu-gdpr", q: tag } }),
    );
    expect(res.status).toBe(202);
    const body = await json(res);
    expect(body).toMatchObject({ total: 2, created: 2, byRegion: [{ regionId: "eu-gdpr", count: 2 }] });
    const batch = await json(await call(viewer, "GET", `/commands?batch=${body.idempotencyKey}`));
    expect(batch.items.map((c: Json) => c.id).sort()).toEqual([...body.commandIds].sort());
    expect(
      await db.auditEvent.count({ where: { action: "command.issue-bulk", summary: { contains: tag } } }),
    ).toBe(1);
  });

  it("refuses an EU-scoped token a selector that reaches beyond the EU, and queues nothing", async () => {
    const tag = word();
    const [, us] = await fleet(tag, ["DE", "US"]);
    const before = await db.command.count();
    for (const target of [
      { filter: { q: tag } },
      { filter: { region: "us-fedramp", q: tag } },
      { satelliteIds: [us.id] },
    ]) {
      const res = await call(euOperator, "POST", "/commands", cordon(target));
      expect(res.status, JSON.stringify(target)).toBe(403);
      expect((await json(res)).detail).toContain("eu-gdpr");
    }
    expect(await db.command.count()).toBe(before);
    const everywhere = await call(operator, "POST", "/commands", cordon({ filter: { q: tag } }));
    expect(everywhere.status).toBe(202);
    expect(await db.command.count()).toBe(before + 2);
  });

  it("refuses an upgrade to a region the release is not certified for, naming why", async () => {
    const [sat] = await fleet(word(), ["DE"]);
    const version = `2032.1.${Math.floor(Math.random() * 1000)}`;
    await createRelease(adminCtx, {
      version,
      notes: "US only.",
      artifactSizeMb: 100,
      regionIds: ["us-fedramp"],
      minAgentVersion: "1.0.0",
    });
    const res = await call(operator, "POST", "/commands", {
      type: "stack.upgrade",
      payload: { version },
      target: { satelliteIds: [sat.id] },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await json(res)).detail).toContain("not certified");
    expect(await db.command.count({ where: { satelliteId: sat.id } })).toBe(0);
  });

  it("names the wrong field, and refuses viewers (403) and anonymous callers (401)", async () => {
    const [sat] = await fleet(word(), ["DE"]);
    const cases: [Json, string][] = [
      [{ type: "satellite.launch", target: { satelliteIds: [sat.id] } }, "type"],
      [cordon({ satelliteIds: [sat.id], filter: { region: "eu-gdpr" } }), "target"],
      [cordon({ satelliteIds: [] }), "target.satelliteIds"],
      [
        { type: "service.restart", payload: { service: "Bad Name" }, target: { satelliteIds: [sat.id] } },
        "payload.service",
      ],
      [cordon({ satelliteIds: [sat.id] }, { reason: "x".repeat(501) }), "reason"],
    ];
    for (const [body, field] of cases) {
      const res = await call(operator, "POST", "/commands", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await json(res)).errors[0].field).toBe(field);
    }
    expect((await call(viewer, "POST", "/commands", cordon({ satelliteIds: [sat.id] }))).status).toBe(403);
    expect((await call(null, "POST", "/commands", cordon({ satelliteIds: [sat.id] }))).status).toBe(401);
    for (const body of ["[]", "{bad", '"cordon"', '{"type":1,"target":"all"}']) {
      const res = await call(operator, "POST", "/commands", body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
    expect(await db.command.count({ where: { satelliteId: sat.id } })).toBe(0);
  });

  it("previews the confirmation, and refuses a stale expectedCount with 409", async () => {
    const tag = word();
    await fleet(tag, ["DE", "FR"]);
    const preview = await call(operator, "POST", "/commands/preview", cordon({ filter: { q: tag } }));
    expect(preview.status).toBe(200);
    expect(await json(preview)).toMatchObject({ total: 2, sample: [`${tag}-0`, `${tag}-1`] });
    await fleet(`${tag}-late`, ["DE"]);
    const stale = await call(
      operator,
      "POST",
      "/commands",
      cordon({ filter: { q: tag } }, { expectedCount: 2 }),
    );
    expect(stale.status).toBe(409);
    expect(await db.command.count({ where: { satellite: { slug: { startsWith: tag } } } })).toBe(0);
    const fresh = await call(
      operator,
      "POST",
      "/commands",
      cordon({ filter: { q: tag } }, { expectedCount: 3 }),
    );
    expect(fresh.status).toBe(202);
  });

  it("replays an Idempotency-Key with the first answer and queues nothing more", async () => {
    const [sat] = await fleet(word(), ["DE"]);
    const key = `issue-${word()}`;
    const body = cordon({ satelliteIds: [sat.id] });
    const first = await call(operator, "POST", "/commands", body, { "idempotency-key": key });
    const again = await call(operator, "POST", "/commands", body, { "idempotency-key": key });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await json(again)).toEqual(await json(first));
    expect(await db.command.count({ where: { satelliteId: sat.id } })).toBe(1);
  });
});

describe("POST /commands/{id}/cancel", () => {
  it("cancels a queued command within the token's scope, and refuses outside it or a second time", async () => {
    const [eu, us] = await fleet(word(), ["DE", "US"]);
    const issued = await json(
      await call(admin, "POST", "/commands", cordon({ satelliteIds: [eu.id, us.id] })),
    );
    const [euCommand, usCommand] = await Promise.all(
      [eu.id, us.id].map((id) => db.command.findFirstOrThrow({ where: { satelliteId: id } })),
    );
    expect(issued.commandIds).toHaveLength(2);
    const outside = await call(euOperator, "POST", `/commands/${usCommand.id}/cancel`);
    expect(outside.status).toBe(403);
    expect((await db.command.findUniqueOrThrow({ where: { id: usCommand.id } })).state).toBe("queued");
    const etag = (await call(euOperator, "GET", `/commands/${euCommand.id}`)).headers.get("etag")!;
    const res = await call(euOperator, "POST", `/commands/${euCommand.id}/cancel`, undefined, {
      "if-match": etag,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: euCommand.id, state: "cancelled", canCancel: false });
    const again = await call(euOperator, "POST", `/commands/${euCommand.id}/cancel`);
    expect(again.status).toBe(409);
    const stale = await call(admin, "POST", `/commands/${usCommand.id}/cancel`, undefined, {
      "if-match": etag,
    });
    expect(stale.status).toBe(412);
    expect((await call(viewer, "POST", `/commands/${usCommand.id}/cancel`)).status).toBe(403);
    expect((await call(viewer, "POST", "/commands/no-such-command/cancel")).status).toBe(403);
    expect((await call(operator, "POST", "/commands/no-such-command/cancel")).status).toBe(404);
  });
});

describe("GET /commands", () => {
  it("lists newest first with the Commands list's filters, paging by cursor to the end without repeats", async () => {
    const tag = word();
    const sats = await fleet(tag, ["DE", "FR", "IT", "ES", "NL"]);
    for (const sat of sats) {
      expect((await call(operator, "POST", "/commands", cordon({ satelliteIds: [sat.id] }))).status).toBe(
        202,
      );
    }
    const own = (c: Json) => c.satellite.slug.startsWith(tag);
    const { items, pages } = await everyPage(viewer, "/commands?type=satellite.cordon&state=queued&limit=2");
    const mine = items.filter(own);
    expect(new Set(items.map((c) => c.id)).size).toBe(items.length);
    expect(mine.map((c) => c.satellite.slug)).toEqual(sats.map((s) => s.slug).reverse());
    expect(pages).toBe(Math.ceil(items.length / 2));
    const one = await json(await call(viewer, "GET", `/commands?satellite=${sats[0].slug}`));
    expect(one.items).toHaveLength(1);
    expect(one.next).toBeNull();
  });

  it("names the wrong filter or cursor, answers 404 for an unknown command, and 401 without a token", async () => {
    for (const [query, field] of [
      ["state=lost", "state"],
      ["type=satellite.launch", "type"],
      ["limit=0", "limit"],
      ["cursor=abc", "cursor"],
      ["batch=has space", "batch"],
    ]) {
      const res = await call(viewer, "GET", `/commands?${query}`);
      expect(res.status, query).toBe(422);
      expect((await json(res)).errors[0].field, query).toMatch(new RegExp(`^${field}`));
    }
    expect((await call(viewer, "GET", "/commands/no-such-command")).status).toBe(404);
    expect((await call(null, "GET", "/commands")).status).toBe(401);
  });
});
