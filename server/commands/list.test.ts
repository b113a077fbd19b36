import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { issueCommands } from "./issue";
import { listCommands } from "./list";

let operator: UserCtx;
let euOperator: UserCtx;
let viewer: UserCtx;
let de: { id: string; slug: string };
let us: { id: string; slug: string };
const t0 = new Date("2026-11-28T10:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  euOperator = await ctxAs("operator", ["eu-gdpr"]);
  viewer = await ctxAs("viewer");
  const tag = randomBytes(3).toString("hex");
  de = await registerSatellite(admin, satelliteInput({ slug: `lst-${tag}-de`, country: "DE" }));
  us = await registerSatellite(admin, satelliteInput({ slug: `lst-${tag}-us`, country: "US" }));
  const send = (ctx: Ctx, type: string, id: string, min: number, payload = {}, reason?: string) =>
    issueCommands(ctx, { type, payload, reason, target: { satelliteIds: [id] } }, at(min));
  await send(operator, "satellite.cordon", de.id, 0, {}, "first");
  await send(operator, "service.restart", us.id, 1, { service: "dns" });
  await send(euOperator, "diagnostics.run", de.id, 2);
  await send(operator, "satellite.uncordon", us.id, 3);
  // The first command ran and finished; the second was delivered and awaits its ack.
  await db.command.updateMany({
    where: { satelliteId: de.id, type: "satellite.cordon" },
    data: { state: "succeeded", deliveries: 1, deliveredAt: at(1), finishedAt: at(2), result: { ok: true } },
  });
  await db.command.updateMany({
    where: { satelliteId: us.id, type: "service.restart" },
    data: { state: "delivered", deliveries: 1, deliveredAt: at(2) },
  });
});

async function expectRejected(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("listing commands", () => {
  it("lists newest first with satellite, issuer, reason, deliveries, timings and result", async () => {
    const page = await listCommands(viewer, {});
    expect(page.total).toBe(4);
    expect(page.items.map((c) => c.type)).toEqual([
      "satellite.uncordon",
      "diagnostics.run",
      "service.restart",
      "satellite.cordon",
    ]);
    const cordon = page.items[3];
    expect(cordon).toMatchObject({
      state: "succeeded",
      payload: {},
      reason: "first",
      satellite: { id: de.id, slug: de.slug, regionId: "eu-gdpr" },
      deliveries: 1,
      issuedBy: { email: operator.actor?.email },
      rollout: null,
      issuedAt: at(0).toISOString(),
      deliveredAt: at(1).toISOString(),
      finishedAt: at(2).toISOString(),
      result: { ok: true },
      canCancel: false,
    });
  });

  it("filters by state, type, satellite and issuer, and pages on the server", async () => {
    const slugs = async (query: Record<string, unknown>) =>
      (await listCommands(viewer, query)).items.map((c) => `${c.satellite.slug}:${c.type}`);
    expect(await slugs({ state: "queued" })).toEqual([
      `${us.slug}:satellite.uncordon`,
      `${de.slug}:diagnostics.run`,
    ]);
    expect(await slugs({ state: "delivered,succeeded" })).toEqual([
      `${us.slug}:service.restart`,
      `${de.slug}:satellite.cordon`,
    ]);
    expect(await slugs({ type: "service.restart" })).toEqual([`${us.slug}:service.restart`]);
    expect(await slugs({ satellite: de.slug })).toEqual([
      `${de.slug}:diagnostics.run`,
      `${de.slug}:satellite.cordon`,
    ]);
    expect(await slugs({ issuer: euOperator.actor?.email.toUpperCase() })).toEqual([
      `${de.slug}:diagnostics.run`,
    ]);
    const second = await listCommands(viewer, { limit: "3", page: "2" });
    expect(second).toMatchObject({ total: 4, isTotalAtLeast: false, page: 2, limit: 3, next: null });
    expect(second.items.map((c) => c.type)).toEqual(["satellite.cordon"]);
    // Deeper pages go by cursor: the next page starts below the last row shown.
    const first = await listCommands(viewer, { limit: "3" });
    expect(first.next).not.toBeNull();
    const older = await listCommands(viewer, { limit: "3", cursor: first.next });
    expect(older.items.map((c) => c.type)).toEqual(["satellite.cordon"]);
    expect(older.next).toBeNull();
    const bad = await expectRejected(listCommands(viewer, { cursor: "nonsense" }), "VALIDATION");
    expect(bad.fields).toHaveProperty("cursor");
  });

  it("offers Cancel only on never-delivered queued commands the caller may command", async () => {
    const cancellable = async (ctx: Ctx) =>
      (await listCommands(ctx, {})).items.filter((c) => c.canCancel).map((c) => c.type);
    expect(await cancellable(operator)).toEqual(["satellite.uncordon", "diagnostics.run"]);
    expect(await cancellable(euOperator)).toEqual(["diagnostics.run"]);
    expect(await cancellable(viewer)).toEqual([]);
  });

  it("refuses anonymous callers and names a bad filter", async () => {
    await expectRejected(listCommands(anonymous, {}), "UNAUTHORIZED");
    const bad = await expectRejected(listCommands(viewer, { state: "lost" }), "VALIDATION");
    expect(Object.keys(bad.fields ?? {})[0]).toMatch(/^state/);
    const type = await expectRejected(listCommands(viewer, { type: "satellite.launch" }), "VALIDATION");
    expect(type.fields).toHaveProperty("type");
    await expectRejected(listCommands(viewer, { limit: "500" }), "VALIDATION");
  });
});

describe("an inherited name as a command type", () => {
  it.each(["constructor", "toString", "__proto__"])(
    "%s is bad input naming the field, when listing and when issuing, and nothing is written",
    async (type) => {
      const listed = await listCommands(operator, { type }).catch((e: unknown) => e);
      expect(listed).toBeInstanceOf(AppError);
      expect((listed as AppError).fields).toHaveProperty("type");
      const before = await db.command.count();
      const issued = await issueCommands(operator, { type, target: { satelliteIds: [de.id] } }).catch(
        (e: unknown) => e,
      );
      expect(issued).toBeInstanceOf(AppError);
      expect((issued as AppError).code).toBe("VALIDATION");
      expect((issued as AppError).fields).toHaveProperty("type");
      expect(await db.command.count()).toBe(before);
    },
  );
});
