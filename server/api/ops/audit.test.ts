import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../../test/factories";
import { recordAudit } from "../../audit";
import { db, transaction } from "../../db";
import { registerSatellite } from "../../satellites/register";
import { call, everyPage, json, tokenFor, type Json } from "./satellite-test-api";

let adminCtx: UserCtx;
let operator: string;
let euOperator: string;
let viewer: string;

const word = () => `a${randomBytes(3).toString("hex")}`;

beforeAll(async () => {
  await seedRegions();
  adminCtx = await ctxAs("admin");
  operator = await tokenFor("operator");
  euOperator = await tokenFor("operator", ["eu-gdpr"]);
  viewer = await tokenFor("viewer");
});

/** Events at known moments, each naming `tag` in its summary. */
async function events(tag: string, at: Date[]) {
  for (const [i, moment] of at.entries()) {
    await db.auditEvent.create({
      data: {
        at: moment,
        actorType: "system",
        actorLabel: "reconciler",
        action: "satellite.offline",
        targetType: "satellite",
        targetId: `${tag}-${i}`,
        summary: `${tag} event ${i}`,
      },
    });
  }
}

describe("GET /audit", () => {
  it("lists newest first and pages by cursor to the end without repeats, even across equal times", async () => {
    const tag = word();
    const t = (minute: number) => new Date(Date.UTC(2030, 0, 1, 12, minute));
    await events(tag, [t(1), t(2), t(2), t(2), t(3), t(4), t(5)]);
    const { items, pages } = await everyPage(operator, `/audit?q=${tag}&limit=2`);
    expect(pages).toBe(4);
    expect(items).toHaveLength(7);
    expect(new Set(items.map((e) => e.id)).size).toBe(7);
    const times = items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(items[0]).toMatchObject({
      actorType: "system",
      actorLabel: "reconciler",
      summary: `${tag} event 6`,
    });
  });

  it("filters by since and until, actor, action and target", async () => {
    const tag = word();
    const t = (minute: number) => new Date(Date.UTC(2031, 5, 1, 8, minute));
    await events(tag, [t(0), t(10), t(20)]);
    const span = await json(
      await call(operator, "GET", `/audit?q=${tag}&since=2031-06-01T08:05:00Z&until=2031-06-01T08:10`),
    );
    expect(span.items.map((e: Json) => e.summary)).toEqual([`${tag} event 1`]);
    const sat = await registerSatellite(adminCtx, satelliteInput({ slug: `${tag}-sat` }));
    await transaction((tx) =>
      recordAudit(tx, adminCtx, {
        action: "satellite.note",
        targetType: "satellite",
        targetId: sat.id,
        summary: tag,
      }),
    );
    const byTarget = await json(await call(operator, "GET", `/audit?target=${sat.slug}&action=satellite.`));
    expect(byTarget.items.map((e: Json) => e.action)).toEqual(["satellite.note", "satellite.register"]);
    expect(byTarget.items[0].targetLabel).toBe(sat.slug);
    const byActor = await json(
      await call(operator, "GET", `/audit?actor=${adminCtx.actor.email}&action=satellite.note`),
    );
    expect(byActor.items).toHaveLength(1);
    const system = await json(await call(operator, "GET", `/audit?actor=system&q=${tag}`));
    expect(system.items).toHaveLength(3);
  });

  it("lets a region-scoped operator read it, and refuses viewers (403) and anonymous callers (401)", async () => {
    expect((await call(euOperator, "GET", "/audit?limit=1")).status).toBe(200);
    const refused = await call(viewer, "GET", "/audit");
    expect(refused.status).toBe(403);
    expect((await json(refused)).code).toBe("FORBIDDEN");
    expect((await call(null, "GET", "/audit")).status).toBe(401);
  });

  it("names the wrong filter, limit or cursor", async () => {
    for (const [query, field] of [
      ["since=yesterday", "since"],
      ["since=2031-01-01&from=2031-01-01", "since"],
      ["since=2031-02-01&until=2031-01-01", "until"],
      ["action=Not An Action", "action"],
      ["actorType=robot", "actorType"],
      ["limit=900", "limit"],
      ["cursor=e30", "cursor"],
    ]) {
      const res = await call(operator, "GET", `/audit?${query}`);
      expect(res.status, query).toBe(422);
      expect((await json(res)).errors[0].field, query).toBe(field);
    }
  });
});
