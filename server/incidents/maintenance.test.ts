import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { statusVersion } from "../status/changes";
import { cancelMaintenance, scheduleMaintenance } from "./maintenance";
import { listMaintenance, maintenanceCounts } from "./maintenance-read";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
let euOperator: Ctx;
let eu1: { id: string; slug: string };
let us1: { id: string; slug: string };
const NOW = new Date("2026-11-20T10:00:00.000Z");
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
// Forms send times without an offset; the console means UTC.
const form = (d: Date) => d.toISOString().slice(0, 16);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
  euOperator = await ctxAs("operator", ["eu-gdpr"]);
  eu1 = await registerSatellite(admin, satelliteInput({ country: "DE" }));
  us1 = await registerSatellite(admin, satelliteInput({ country: "US", city: "Ashburn" }));
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const windowInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Core switch firmware",
  description: "Expect a short loss of connectivity.",
  startsAt: form(at(60)),
  endsAt: form(at(120)),
  satellites: eu1.slug,
  ...overrides,
});

const ids = (page: { items: { id: string }[] }) => page.items.map((w) => w.id);

describe("maintenance windows", () => {
  it("schedules a window that is upcoming, then active, then past, with an audit row", async () => {
    const version = statusVersion();
    const { id } = await scheduleMaintenance(operator, windowInput(), NOW);
    expect(statusVersion()).toBeGreaterThan(version);
    const row = await db.maintenanceWindow.findUniqueOrThrow({
      where: { id },
      include: { satellites: true },
    });
    expect(row).toMatchObject({ startsAt: at(60), endsAt: at(120), cancelledAt: null });
    expect(row.satellites.map((s) => s.satelliteId)).toEqual([eu1.id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: id } });
    expect(audit).toMatchObject({ action: "maintenance.schedule", actorId: operator.actor!.id });
    expect(audit.summary).toContain("2026-11-20 11:00 UTC – 2026-11-20 12:00 UTC");

    const upcoming = await listMaintenance(viewer, { phase: "upcoming" }, NOW);
    expect(ids(upcoming)).toContain(id);
    expect(upcoming.items.find((w) => w.id === id)).toMatchObject({
      state: "upcoming",
      regionIds: ["eu-gdpr"],
      satellitePreview: [{ slug: eu1.slug }],
      createdBy: operator.actor!.name,
    });
    expect(ids(await listMaintenance(viewer, { phase: "active" }, at(90)))).toContain(id);
    expect(ids(await listMaintenance(viewer, { phase: "past" }, at(120)))).toContain(id);
    expect((await maintenanceCounts(viewer, at(90))).active).toBeGreaterThanOrEqual(1);
  });

  it("allows a start up to a minute ago, not earlier", async () => {
    await scheduleMaintenance(operator, windowInput({ startsAt: at(-0.5).toISOString() }), NOW);
    const before = await db.maintenanceWindow.count();
    const error = await refused(scheduleMaintenance(operator, windowInput({ startsAt: form(at(-2)) }), NOW));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields).toEqual({ startsAt: "may not be in the past (it is 2026-11-20 10:00 UTC now)" });
    expect(await db.maintenanceWindow.count()).toBe(before);
  });

  it.each([
    ["endsAt", { endsAt: form(at(30)) }, "must be after the start"],
    ["endsAt", { endsAt: form(at(60)) }, "must be after the start"],
    ["startsAt", { startsAt: "next tuesday" }, "is not a date and time"],
    ["endsAt", { endsAt: "" }, "is required"],
    ["title", { title: "x" }, "must be at least 3 characters"],
    ["satellites", { satellites: "" }, "pick at least one affected satellite"],
    ["satellites", { satellites: ["nowhere-1"] }, "unknown satellite: nowhere-1"],
  ])("refuses a bad %s and names it", async (field, override, message) => {
    const before = await db.maintenanceWindow.count();
    const error = await refused(scheduleMaintenance(operator, windowInput(override), NOW));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.[field]).toBe(message);
    expect(await db.maintenanceWindow.count()).toBe(before);
  });

  it("cancels a window not yet started, ends a running one early, and leaves past ones alone", async () => {
    const upcoming = await scheduleMaintenance(operator, windowInput(), NOW);
    expect(await cancelMaintenance(operator, { id: upcoming.id }, at(10))).toMatchObject({
      outcome: "cancelled",
    });
    expect(
      (await db.maintenanceWindow.findUniqueOrThrow({ where: { id: upcoming.id } })).cancelledAt,
    ).toEqual(at(10));
    expect(ids(await listMaintenance(viewer, { phase: "past" }, at(10)))).toContain(upcoming.id);
    expect(ids(await listMaintenance(viewer, { phase: "upcoming" }, at(10)))).not.toContain(upcoming.id);
    expect((await refused(cancelMaintenance(operator, { id: upcoming.id }, at(11)))).code).toBe("CONFLICT");

    const running = await scheduleMaintenance(operator, windowInput(), NOW);
    expect(await cancelMaintenance(operator, { id: running.id }, at(70))).toMatchObject({ outcome: "ended" });
    const ended = await db.maintenanceWindow.findUniqueOrThrow({ where: { id: running.id } });
    expect(ended).toMatchObject({ endsAt: at(70), cancelledAt: null });

    const over = await scheduleMaintenance(operator, windowInput(), NOW);
    const late = await refused(cancelMaintenance(operator, { id: over.id }, at(121)));
    expect(late.code).toBe("PRECONDITION_FAILED");
    expect(late.message).toMatch(/ended at 2026-11-20 12:00 UTC; past windows stay as they were/);

    const actions = await db.auditEvent.findMany({
      where: { targetId: { in: [upcoming.id, running.id] }, action: { not: "maintenance.schedule" } },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["maintenance.cancel", "maintenance.end"]);
  });

  it("keeps a region-scoped operator to windows on satellites in their regions", async () => {
    const before = await db.maintenanceWindow.count();
    const error = await refused(
      scheduleMaintenance(euOperator, windowInput({ satellites: [eu1.slug, us1.slug] }), NOW),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      `Your role is limited to eu-gdpr: 1 of these 2 satellites is outside it — us-fedramp (1, e.g. ${us1.slug}). "incidents.write" is region-scoped.`,
    );
    expect(await db.maintenanceWindow.count()).toBe(before);

    const theirs = await scheduleMaintenance(operator, windowInput({ satellites: us1.slug }), NOW);
    expect((await refused(cancelMaintenance(euOperator, { id: theirs.id }, NOW))).code).toBe("FORBIDDEN");
    expect(
      (await db.maintenanceWindow.findUniqueOrThrow({ where: { id: theirs.id } })).cancelledAt,
    ).toBeNull();
    const mine = await scheduleMaintenance(euOperator, windowInput(), NOW);
    await cancelMaintenance(euOperator, { id: mine.id }, NOW);
  });
});
