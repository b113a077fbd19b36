import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { commandTargetFacts } from "./target-facts";

let admin: UserCtx;
let euOperator: UserCtx;
let viewer: UserCtx;
const tag = `tf${randomBytes(3).toString("hex")}`;
const sats: { id: string; slug: string }[] = [];

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  euOperator = await ctxAs("operator", ["eu-gdpr"]);
  viewer = await ctxAs("viewer");
  for (const [i, country] of ["DE", "FR", "US"].entries()) {
    const s = await registerSatellite(admin, satelliteInput({ slug: `${tag}-${i}`, country }));
    sats.push(s);
  }
  await db.satellite.update({ where: { id: sats[0].id }, data: { services: { dns: "ok", compute: "ok" } } });
  await db.satellite.update({ where: { id: sats[1].id }, data: { services: { storage: "degraded" } } });
});

describe("what a composer knows before the form", () => {
  it("tells a region-scoped operator which satellites are outside her scope and what to narrow to", async () => {
    const facts = await commandTargetFacts(euOperator, { target: { satelliteIds: sats.map((s) => s.id) } });
    expect(facts.total).toBe(3);
    expect(facts.regions).toEqual([
      { regionId: "eu-gdpr", count: 2, isAllowed: true },
      { regionId: "us-fedramp", count: 1, isAllowed: false },
    ]);
    expect(facts.narrowed).toEqual({
      label: "eu-gdpr (2)",
      count: 2,
      target: { satelliteIds: [sats[0].id, sats[1].id].sort((a, b) => (a < b ? -1 : 1)) },
    });
    expect(facts.services).toEqual(["compute", "dns", "storage"]);
  });

  it("narrows a filter by adding her regions to it", async () => {
    const facts = await commandTargetFacts(euOperator, { target: { filter: `q=${tag}` } });
    expect(facts.narrowed?.label).toBe("eu-gdpr (2)");
    expect(facts.narrowed?.target).toEqual({ filter: `q=${tag}&region=eu-gdpr` });
    const narrowed = await commandTargetFacts(euOperator, { target: facts.narrowed!.target });
    expect(narrowed).toMatchObject({ total: 2, narrowed: null });
    expect(narrowed.regions.every((r) => r.isAllowed)).toBe(true);
  });

  it("offers nothing to narrow to when every satellite is outside, and nothing at all to an unscoped operator", async () => {
    const outside = await commandTargetFacts(euOperator, { target: { satelliteIds: [sats[2].id] } });
    expect(outside).toMatchObject({
      total: 1,
      narrowed: null,
      regions: [{ regionId: "us-fedramp", isAllowed: false }],
    });
    const all = await commandTargetFacts(admin, { target: { satelliteIds: sats.map((s) => s.id) } });
    expect(all.narrowed).toBeNull();
    expect(all.regions.every((r) => r.isAllowed)).toBe(true);
  });

  it("refuses viewers and anonymous callers", async () => {
    for (const ctx of [viewer, anonymous]) {
      const error = await commandTargetFacts(ctx, { target: { satelliteIds: [sats[0].id] } }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(ctx === viewer ? "FORBIDDEN" : "UNAUTHORIZED");
    }
  });
});
