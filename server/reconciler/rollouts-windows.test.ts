import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { createRollout } from "../rollouts/create";
import { getRollout } from "../rollouts/get";
import { ackOpenCommands, beat, makeRelease, makeSatellite } from "../rollouts/test-helpers";
import { createWindow } from "../windows/crud";
import { advanceRollouts } from "./rollouts";

let admin: Ctx;
let operator: Ctx;
// The test clock: 1 Dec 2026, 09:00 UTC is 14:30 in India.
const T0 = new Date("2026-12-01T09:00:00.000Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
});

describe("a freeze window on in-dpdp", () => {
  it("holds its wave until the window ends, then the wave upgrades", async () => {
    const india = [await makeSatellite(admin, T0, { regionId: "in-dpdp" })];
    india.push(await makeSatellite(admin, T0, { regionId: "in-dpdp" }));
    const elsewhere = await makeSatellite(admin, T0, { regionId: "eu-gdpr" });
    const release = await makeRelease(["in-dpdp", "eu-gdpr"]);
    // 12:00–16:00 India time on 1 Dec: 06:30–10:30 UTC, so frozen at T0 for another 90 minutes.
    await createWindow(admin, {
      name: "DPDP change freeze",
      kind: "freeze",
      rrule: "DTSTART:20261201T120000\nRRULE:FREQ=DAILY;COUNT=1",
      durationMin: 240,
      timeZone: "Asia/Kolkata",
      regions: ["in-dpdp"],
    });
    const { id } = await createRollout(
      operator,
      {
        releaseId: release.id,
        satellites: [elsewhere.slug, ...india.map((s) => s.slug)],
        waves: [100],
        maxConcurrency: 5,
        bakeMinutes: 0,
        failureThresholdPct: 50,
      },
      T0,
    );
    const sats = [elsewhere, ...india].map((s) => s.id);
    const tick = async (min: number) => {
      await beat(sats, at(min));
      await ackOpenCommands(id, at(min));
      await advanceRollouts(at(min));
    };
    for (let min = 0; min <= 80; min += 10) await tick(min);

    // The canary and the wave outside India went ahead; India's satellites wait for the freeze to end.
    const held = await db.rolloutTarget.findMany({
      where: { rolloutId: id, satelliteId: { in: india.map((s) => s.id) } },
    });
    expect(held.map((t) => t.state)).toEqual(["pending", "pending"]);
    expect(held.map((t) => t.waitingUntil?.toISOString())).toEqual([
      "2026-12-01T10:30:00.000Z",
      "2026-12-01T10:30:00.000Z",
    ]);
    const view = await getRollout(operator, id, at(80));
    expect(view?.status).toBe("running");
    const audit = await db.auditEvent.findFirst({ where: { targetId: id, action: "rollout.window-wait" } });
    expect(audit?.summary).toMatch(/wait for their deployment window/);

    // The freeze ends at 10:30 UTC (90 minutes after T0): the held satellites upgrade and the rollout completes.
    for (let min = 90; min <= 130; min += 10) await tick(min);
    const after = await db.rolloutTarget.findMany({ where: { rolloutId: id } });
    expect(after.every((t) => t.state === "succeeded")).toBe(true);
    expect(after.every((t) => t.waitingUntil === null)).toBe(true);
    expect((await db.rollout.findUniqueOrThrow({ where: { id } })).status).toBe("completed");
  });

  it("is ignored by a rollout an admin let bypass windows", async () => {
    // The freeze above still holds in-dpdp at T0; the stored bypass reason lets this rollout through.
    const sat = await makeSatellite(admin, T0, { regionId: "in-dpdp" });
    const release = await makeRelease(["in-dpdp"]);
    const { id } = await createRollout(
      operator,
      {
        releaseId: release.id,
        satellites: [sat.slug],
        waves: [100],
        maxConcurrency: 5,
        bakeMinutes: 0,
        failureThresholdPct: 50,
      },
      T0,
    );
    await db.rollout.update({
      where: { id },
      data: { windowBypassReason: "security fix, approved by CAB-1234" },
    });
    await advanceRollouts(at(0));
    const target = await db.rolloutTarget.findFirstOrThrow({ where: { rolloutId: id } });
    expect(target.state).toBe("upgrading");
  });
});
