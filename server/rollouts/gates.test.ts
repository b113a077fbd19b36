import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { createWindow } from "../windows/crud";
import { createRollout, previewRollout } from "./create";
import { makeRelease, makeSatellite } from "./test-helpers";

let admin: Ctx;
let operator: Ctx;
const T0 = new Date("2026-12-01T09:00:00.000Z");

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
});

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const input = (releaseId: string, slugs: string[], extra: object = {}) => ({
  releaseId,
  satellites: slugs,
  waves: [100],
  maxConcurrency: 5,
  bakeMinutes: 10,
  failureThresholdPct: 10,
  ...extra,
});

describe("rollouts and deployment windows", () => {
  it("the preview estimates completion with the wait for the window", async () => {
    const sat = await makeSatellite(admin, T0, { regionId: "in-dpdp" });
    const release = await makeRelease(["in-dpdp"]);
    await createWindow(admin, {
      name: "India nights",
      kind: "allow",
      rrule: "DTSTART:20261101T230000\nRRULE:FREQ=DAILY",
      durationMin: 180,
      timeZone: "Asia/Kolkata",
      satelliteIds: [sat.id],
    });
    // 09:00 UTC is 14:30 in India: the window opens at 23:00 there, 8 h 30 min later.
    const preview = await previewRollout(operator, input(release.id, [sat.slug]), T0);
    const waits = preview.waves.map((w) => w.waitMinutes ?? 0);
    expect(Math.max(...waits)).toBe(510);
    expect(preview.totalMinutes).toBeGreaterThanOrEqual(510);
    expect(preview.windowNotes.join(" ")).toMatch(/wait for their deployment window, up to 8 h 30 min/);
    const bypassed = await previewRollout(
      admin,
      input(release.id, [sat.slug], { windowBypass: "hotfix for CVE-2026-1" }),
      T0,
    );
    expect(bypassed.waves.every((w) => w.waitMinutes === 0)).toBe(true);
  });

  it("only an admin may bypass windows, with a reason stored and audited", async () => {
    const sat = await makeSatellite(admin, T0);
    const release = await makeRelease();
    const asked = input(release.id, [sat.slug], { windowBypass: "hotfix for CVE-2026-2" });
    expect((await rejected(createRollout(operator, asked, T0))).code).toBe("FORBIDDEN");
    const { id } = await createRollout(admin, asked, T0);
    expect((await db.rollout.findUniqueOrThrow({ where: { id } })).windowBypassReason).toBe(
      "hotfix for CVE-2026-2",
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "rollout.window-bypass" },
    });
    expect(audit.summary).toContain("CVE-2026-2");
  });
});

describe("rollouts and enforced policies", () => {
  let release: { id: string };
  let slugs: string[];
  beforeAll(async () => {
    const sats = [
      await makeSatellite(admin, T0),
      await makeSatellite(admin, T0, { labels: { owner: "team-a" } }),
    ];
    slugs = sats.map((s) => s.slug);
    release = await makeRelease();
    await db.policy.create({
      data: {
        id: "owner-label",
        versions: {
          create: {
            version: 1,
            name: "Owner label",
            kind: "required-labels",
            params: { labels: ["owner"] },
            scope: { all: true },
            severity: "high",
            mode: "enforce",
            frameworks: [],
          },
        },
      },
    });
  });

  it("the preview shows the refusal before start, naming the policy and the satellite", async () => {
    const preview = await previewRollout(operator, input(release.id, slugs), T0);
    expect(preview.blockers).toEqual([
      `Refused by policy: Owner label (enforced) is violated by ${slugs[0]}.`,
    ]);
  });

  it("creating it is refused with the same words; an admin may override with a reason, audited", async () => {
    const error = await rejected(createRollout(operator, input(release.id, slugs), T0));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain(`Owner label (enforced) is violated by ${slugs[0]}`);
    const override = { policyOverride: "owner label lands next sprint, CHG-9" };
    expect((await rejected(createRollout(operator, input(release.id, slugs, override), T0))).code).toBe(
      "FORBIDDEN",
    );
    const preview = await previewRollout(admin, input(release.id, slugs, override), T0);
    expect(preview.blockers).toEqual([]);
    expect(preview.overriddenPolicies).toHaveLength(1);
    const { id } = await createRollout(admin, input(release.id, slugs, override), T0);
    expect((await db.rollout.findUniqueOrThrow({ where: { id } })).policyOverrideReason).toBe(
      override.policyOverride,
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "policy.override" },
    });
    expect(audit.summary).toContain("CHG-9");
  });
});
