import { beforeAll, describe, expect, it } from "vitest";
import { connectivityOf } from "@/lib/connectivity";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { decommissionSatellite } from "./decommission";
import { getSatellite } from "./get";
import { listSatellites } from "./list";
import { registerSatellite } from "./register";
import { updateSatellite } from "./update";

let admin: UserCtx;
let viewer: UserCtx;
let operator: UserCtx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  operator = await ctxAs("operator");
});

async function counts() {
  return { satellites: await db.satellite.count(), audit: await db.auditEvent.count() };
}

async function expectRejected(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (field) {
    const named = Object.keys(appError.fields ?? {}).some(
      (k) => k === field || (/^[.[]/.test(k.slice(field.length)) && k.startsWith(field)),
    );
    expect(named, `error names ${field}: ${JSON.stringify(appError.fields)}`).toBe(true);
    expect(appError.message).toContain(field);
  }
  return appError;
}

describe("registering a satellite", () => {
  it("stores it pending in the region of its country, with an audit row", async () => {
    const input = satelliteInput({ country: "de" });
    const created = await registerSatellite(admin, input);
    const s = await getSatellite(viewer, created.slug);
    expect(s).toMatchObject({ slug: input.slug, country: "DE", regionId: "eu-gdpr", lifecycle: "pending" });
    expect(s.connectivity).toBe("never_seen");
    expect(s.health).toBe("unknown");
    const audit = await db.auditEvent.findFirst({
      where: { targetId: created.id, action: "satellite.register" },
    });
    expect(audit?.actorLabel).toBe(admin.actor?.email);
  });

  it("keeps a region an admin chose", async () => {
    const created = await registerSatellite(admin, satelliteInput({ country: "DE", regionId: "ch-fadp" }));
    const s = await getSatellite(admin, created.id);
    expect(s.regionId).toBe("ch-fadp");
    expect(s.isRegionPinned).toBe(true);
  });

  it.each([
    ["country", { country: "XX" }],
    ["lat", { lat: 91 }],
    ["lat", { lat: "north" }],
    ["lon", { lon: -181 }],
    ["name", { name: "" }],
    ["name", { name: "   " }],
    ["slug", { slug: "Not A Slug" }],
    ["cpuCores", { cpuCores: 1.5 }],
    ["regionId", { regionId: "mars-1" }],
    ["labels", { labels: "no equals sign" }],
    ["labels", { labels: { "Bad Key": "x" } }],
  ])("refuses a bad %s, names the field and writes nothing", async (field, override) => {
    const before = await counts();
    await expectRejected(registerSatellite(admin, satelliteInput(override)), "VALIDATION", field);
    expect(await counts()).toEqual(before);
  });

  it("refuses a duplicate slug with CONFLICT and writes nothing", async () => {
    const input = satelliteInput();
    await registerSatellite(admin, input);
    const before = await counts();
    await expectRejected(registerSatellite(admin, satelliteInput({ slug: input.slug })), "CONFLICT", "slug");
    expect(await counts()).toEqual(before);
  });

  it("is for admins only", async () => {
    const before = await counts();
    await expectRejected(registerSatellite(operator, satelliteInput()), "FORBIDDEN");
    await expectRejected(registerSatellite(viewer, satelliteInput()), "FORBIDDEN");
    await expectRejected(registerSatellite(anonymous, satelliteInput()), "UNAUTHORIZED");
    expect(await counts()).toEqual(before);
  });
});

describe("editing and decommissioning", () => {
  it("edits fields, follows a country change to its region, and audits what changed", async () => {
    const { id } = await registerSatellite(admin, satelliteInput());
    await updateSatellite(admin, { id, name: "Renamed", country: "JP", labels: "tier=silver\nenv=prod" });
    const s = await getSatellite(admin, id);
    expect(s).toMatchObject({ name: "Renamed", country: "JP", regionId: "jp-appi" });
    expect(s.labels).toEqual({ tier: "silver", env: "prod" });
    const audit = await db.auditEvent.findFirst({ where: { targetId: id, action: "satellite.update" } });
    expect(audit?.summary).toMatch(/name.*country|country.*name/);
  });

  it("refuses a viewer's edit and changes nothing", async () => {
    const { id } = await registerSatellite(admin, satelliteInput());
    const before = await counts();
    await expectRejected(updateSatellite(viewer, { id, name: "Hijacked" }), "FORBIDDEN");
    expect((await getSatellite(admin, id)).name).toBe("Frankfurt Edge 01");
    expect(await counts()).toEqual(before);
  });

  it("decommissions: revokes credentials, leaves lists, and cannot be repeated or edited", async () => {
    const { id, slug } = await registerSatellite(admin, satelliteInput());
    await db.agentCredential.create({ data: { satelliteId: id, tokenHash: `h-${slug}`, tokenHint: "abcd" } });
    await expectRejected(decommissionSatellite(admin, { id, reason: "" }), "VALIDATION", "reason");
    await decommissionSatellite(admin, { id, reason: "site closed" });
    const s = await getSatellite(admin, id);
    expect(s.lifecycle).toBe("decommissioned");
    expect(await db.agentCredential.count({ where: { satelliteId: id, revokedAt: null } })).toBe(0);
    const list = await listSatellites(viewer, { q: slug });
    expect(list.total).toBe(0);
    await expectRejected(decommissionSatellite(admin, { id, reason: "again" }), "CONFLICT");
    await expectRejected(updateSatellite(admin, { id, name: "x" }), "PRECONDITION_FAILED");
  });

  it("ends every open command of a decommissioned satellite, whatever its state, and leaves finished ones", async () => {
    const { id } = await registerSatellite(admin, satelliteInput());
    const expiresAt = new Date(Date.now() + 3_600_000);
    const made = await Promise.all(
      (["queued", "delivered", "running", "succeeded"] as const).map((state) =>
        db.command.create({
          data: {
            satelliteId: id,
            type: "diagnostics.run",
            payload: {},
            state,
            deliveries: state === "queued" ? 0 : 1,
            idempotencyKey: `decommission-${state}-${id}`,
            expiresAt,
          },
        }),
      ),
    );
    await decommissionSatellite(admin, { id, reason: "site closed" });
    const after = await db.command.findMany({ where: { id: { in: made.map((c) => c.id) } } });
    const stateOf = (id: string) => after.find((c) => c.id === id)?.state;
    expect(made.map((c) => stateOf(c.id))).toEqual(["cancelled", "cancelled", "cancelled", "succeeded"]);
    expect(after.find((c) => c.id === made[2].id)?.message).toBe("satellite decommissioned");
  });
});

describe("listing", () => {
  it("needs a signed-in user", async () => {
    await expectRejected(listSatellites(anonymous, {}), "UNAUTHORIZED");
  });

  it("filters, searches, sorts and pages on the server", async () => {
    const tag = `lst${Date.now().toString(36)}`;
    for (const [i, country] of ["US", "DE", "JP", "BR"].entries()) {
      await registerSatellite(
        admin,
        satelliteInput({ slug: `${tag}-${i}`, name: `${tag} ${i}`, country, kind: i % 2 ? "edge" : "colo" }),
      );
    }
    const all = await listSatellites(viewer, { q: tag, sort: "name", dir: "desc" });
    expect(all.total).toBe(4);
    expect(all.items.map((s) => s.slug)).toEqual([`${tag}-3`, `${tag}-2`, `${tag}-1`, `${tag}-0`]);
    expect((await listSatellites(viewer, { q: tag, region: "eu-gdpr" })).items.map((s) => s.country)).toEqual(
      ["DE"],
    );
    expect((await listSatellites(viewer, { q: tag, kind: "edge" })).total).toBe(2);
    expect((await listSatellites(viewer, { q: tag, region: ["us-fedramp", "jp-appi"] })).total).toBe(2);
    expect((await listSatellites(viewer, { q: tag, label: "tier=gold" })).total).toBe(4);
    expect((await listSatellites(viewer, { q: tag, label: "tier=bronze" })).total).toBe(0);
    const page2 = await listSatellites(viewer, { q: tag, limit: 3, page: 2 });
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBe(4);
    await expectRejected(listSatellites(viewer, { limit: "lots" }), "VALIDATION", "limit");
    await expectRejected(listSatellites(viewer, { kind: "spaceship" }), "VALIDATION", "kind");
  });

  it("filters connectivity in SQL exactly as connectivityOf() classifies", async () => {
    const tag = `con${Date.now().toString(36)}`;
    const now = new Date("2026-11-28T12:00:00Z");
    const silences = [null, 5, 60, 500]; // never seen, connected, stale, offline (10 s interval)
    for (const [i, silence] of silences.entries()) {
      const { id } = await registerSatellite(admin, satelliteInput({ slug: `${tag}-${i}` }));
      if (silence === null) continue;
      const lastSeenAt = new Date(now.getTime() - silence * 1000);
      await db.satellite.update({
        where: { id },
        data: {
          lastSeenAt,
          staleAfter: new Date(lastSeenAt.getTime() + 40_000),
          offlineAfter: new Date(lastSeenAt.getTime() + 180_000),
          reportedHealth: "healthy",
        },
      });
    }
    for (const state of ["never_seen", "connected", "stale", "offline"] as const) {
      const page = await listSatellites(viewer, { q: tag, connectivity: state }, now);
      expect(
        page.items.map((s) => s.connectivity),
        state,
      ).toEqual([state]);
      const row = await db.satellite.findUniqueOrThrow({ where: { id: page.items[0].id } });
      expect(connectivityOf(row.lastSeenAt, row.heartbeatIntervalSec, now)).toBe(state);
    }
    // An offline satellite's health is unknown, never its last report.
    const healthy = await listSatellites(viewer, { q: tag, health: "healthy" }, now);
    expect(healthy.items.map((s) => s.connectivity).sort()).toEqual(["connected", "stale"]);
    const unknown = await listSatellites(viewer, { q: tag, health: "unknown" }, now);
    expect(unknown.items.map((s) => s.connectivity).sort()).toEqual(["never_seen", "offline"]);
  });
});
