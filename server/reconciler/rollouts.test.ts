import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { RolloutMoved, writeDecisions } from "../rollouts/apply";
import { approveWave, abortRollout, pauseRollout } from "../rollouts/control";
import { createRollout } from "../rollouts/create";
import { decide } from "../rollouts/engine";
import { loadRollout } from "../rollouts/load";
import { resumeRollout } from "../rollouts/resume";
import { getRollout } from "../rollouts/get";
import { retryLeftBehind } from "../rollouts/retry";
import { rollBackRollout } from "../rollouts/roll-back";
import {
  ackOpenCommands,
  beat,
  makeRelease,
  makeSatellite,
  type TestSatellite,
} from "../rollouts/test-helpers";
import { settleCommands } from "./commands";
import { advanceRollouts } from "./rollouts";

let admin: Ctx;
let operator: Ctx;
const T0 = new Date("2026-12-01T09:00:00.000Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
});

async function fleet(n: number, now = T0): Promise<TestSatellite[]> {
  const out: TestSatellite[] = [];
  for (let i = 0; i < n; i++) out.push(await makeSatellite(admin, now));
  return out;
}

const ids = (sats: TestSatellite[]) => sats.map((s) => s.id);

async function rolloutOf(id: string) {
  return db.rollout.findUniqueOrThrow({
    where: { id },
    include: { waves: { orderBy: { index: "asc" } }, targets: true },
  });
}

/**
 * Ticks every minute from `from`: satellites beat, agents answer open commands, the reconciler advances.
 * Stops when the rollout leaves `running` (or after `maxMinutes`); checks the concurrency cap every tick.
 */
async function drive(
  rolloutId: string,
  sats: TestSatellite[],
  from: number,
  opts: { fail?: Set<string>; maxMinutes?: number; maxConcurrency?: number } = {},
): Promise<number> {
  let minute = from;
  for (; minute < from + (opts.maxMinutes ?? 120); minute++) {
    await beat(ids(sats), at(minute));
    await advanceRollouts(at(minute));
    const r = await rolloutOf(rolloutId);
    if (opts.maxConcurrency) {
      expect(r.targets.filter((t) => t.state === "upgrading").length).toBeLessThanOrEqual(
        opts.maxConcurrency,
      );
    }
    if (r.status !== "running") return minute;
    await ackOpenCommands(rolloutId, at(minute + 0.5), opts.fail);
  }
  return minute;
}

describe("advanceRollouts", () => {
  it("takes a small rollout through its waves to completion, within the concurrency cap", async () => {
    const sats = await fleet(5);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      {
        releaseId: release.id,
        satellites: sats.map((s) => s.slug),
        waves: [50, 100],
        maxConcurrency: 2,
        bakeMinutes: 3,
        failureThresholdPct: 10,
      },
      T0,
    );
    // First tick: the canary opens and its one upgrade is queued with a key per rollout, satellite and attempt.
    expect(await advanceRollouts(at(0))).toBeGreaterThan(0);
    let r = await rolloutOf(id);
    expect(r.waves.map((w) => w.status)).toEqual(["running", "pending", "pending"]);
    const canary = r.targets.find((t) => t.state === "upgrading");
    expect(canary).toBeDefined();
    const command = await db.command.findUniqueOrThrow({ where: { id: canary?.commandId ?? "" } });
    expect(command).toMatchObject({
      type: "stack.upgrade",
      state: "queued",
      rolloutId: id,
      idempotencyKey: `rollout:${id}:${canary?.satelliteId}:upgrade:1`,
      payload: { version: release.version, releaseId: release.id },
    });
    // Deciding again on the same state writes nothing: nothing is issued twice.
    expect(await advanceRollouts(at(0))).toBe(0);
    expect(await db.command.count({ where: { rolloutId: id } })).toBe(1);

    const ended = await drive(id, sats, 1, { maxConcurrency: 2 });
    r = await rolloutOf(id);
    expect(r.status).toBe("completed");
    expect(r.finishedAt?.getTime()).toBe(at(ended).getTime());
    expect(r.waves.every((w) => w.status === "completed" && w.startedAt && w.finishedAt)).toBe(true);
    expect(r.targets.every((t) => t.state === "succeeded")).toBe(true);
    const versions = await db.satellite.findMany({
      where: { id: { in: ids(sats) } },
      select: { stackVersion: true },
    });
    expect(versions.every((s) => s.stackVersion === release.version)).toBe(true);
    // Each wave baked its 3 minutes before the next one started.
    for (let i = 1; i < r.waves.length; i++) {
      const previousBake = r.waves[i - 1].bakeUntil?.getTime() ?? Infinity;
      expect(r.waves[i].startedAt?.getTime()).toBeGreaterThanOrEqual(previousBake);
    }
    const audit = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toContain("rollout.complete");
    expect(audit.find((a) => a.action === "rollout.complete")).toMatchObject({
      actorType: "system",
      actorLabel: "reconciler",
    });
    expect(await advanceRollouts(at(ended + 1))).toBe(0);
  });

  it("pauses by itself when the failure gate trips, says why, and goes on once the failures are skipped", async () => {
    const sats = await fleet(6);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      {
        releaseId: release.id,
        satellites: ids(sats),
        waves: [100],
        maxConcurrency: 5,
        bakeMinutes: 0,
        failureThresholdPct: 20,
      },
      T0,
    );
    await advanceRollouts(at(0));
    const canaryId = (await rolloutOf(id)).targets.find((t) => t.state === "upgrading")?.satelliteId;
    const rest = sats.filter((s) => s.id !== canaryId);
    const failing = new Set([rest[0].id, rest[1].id]);
    const paused = await drive(id, sats, 1, { fail: failing });
    const r = await rolloutOf(id);
    expect(r.status).toBe("paused");
    expect(r.pausedReason).toMatch(
      /^wave 1 \(100 %\): 2 of 5 satellites failed \(40 %\), above the 20 % gate: /,
    );
    expect(r.pausedReason).toContain(rest[0].slug);
    expect(r.waves[1].status).toBe("halted");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "rollout.pause" } });
    expect(audit).toMatchObject({ actorType: "system" });
    expect(audit.summary).toContain("above the 20 % gate");
    // Paused, it starts nothing new.
    expect(await advanceRollouts(at(paused + 1))).toBe(0);

    // Skipping says why: the release goes on without those satellites.
    await expect(
      resumeRollout(operator, { id, failedTargets: "skip" }, at(paused + 2)),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { reason: expect.stringContaining("say why") },
    });
    await resumeRollout(operator, { id, failedTargets: "skip", reason: "known bad disks" }, at(paused + 2));
    await drive(id, sats, paused + 2);
    const done = await rolloutOf(id);
    expect(done.status).toBe("completed_with_exceptions");
    const skipped = done.targets.filter((t) => t.state === "skipped");
    expect(skipped.map((t) => t.satelliteId).sort()).toEqual([...failing].sort());
    expect(skipped[0].excludedReason).toBe(`skipped by ${operator.actor?.name}: known bad disks`);
    // Wave 1 upgraded three of five: it completed; the rollout lists the two it left behind.
    expect(done.waves.map((w) => w.status)).toEqual(["completed", "completed"]);
    const view = await getRollout(operator, id, at(200));
    expect(view.leftBehind.map((l) => [l.slug, l.reason]).sort()).toEqual(
      rest
        .slice(0, 2)
        .map((s) => [s.slug, `skipped by ${operator.actor?.name}: known bad disks`])
        .sort(),
    );
    expect(view.can.retry).toBe(true);
    const resume = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "rollout.resume" },
    });
    expect(resume.summary).toContain("known bad disks");
    const completion = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "rollout.complete" },
    });
    expect(completion.summary).toContain("with exceptions");
  });

  it("skips a canary the agent failed even when asked to retry: the wave shows skipped, never completed", async () => {
    const sats = await fleet(3);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 0 },
      T0,
    );
    await advanceRollouts(at(0));
    const canaryId = (await rolloutOf(id)).targets.find((t) => t.state === "upgrading")?.satelliteId ?? "";
    const paused = await drive(id, sats, 1, { fail: new Set([canaryId]) });
    expect(
      (await getRollout(operator, id, at(paused))).targets.find((t) => t.satelliteId === canaryId)?.failure,
    ).toEqual({
      isRetryable: false,
      reason: "the agent reported: health check failed after upgrade: kubelet not ready within 120 s",
    });
    await resumeRollout(
      operator,
      { id, failedTargets: "retry", reason: "the canary host is known bad" },
      at(paused + 1),
    );
    await drive(id, sats, paused + 1);
    const r = await rolloutOf(id);
    expect(r.status).toBe("completed_with_exceptions");
    expect(r.waves.map((w) => w.status)).toEqual(["skipped", "completed"]);
    expect(r.waves[0].finishedAt).not.toBeNull();
    expect(await db.command.count({ where: { rolloutId: id, satelliteId: canaryId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "rollout.wave-skipped" } })).toBe(1);
  });

  it("retries these: a new rollout of the same release for exactly the satellites left behind", async () => {
    const sats = await fleet(3);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 0, failureThresholdPct: 60 },
      T0,
    );
    await advanceRollouts(at(0));
    const canaryId = (await rolloutOf(id)).targets.find((t) => t.state === "upgrading")?.satelliteId;
    const left = sats.find((s) => s.id !== canaryId) as TestSatellite;
    await drive(id, sats, 1, { fail: new Set([left.id]) });
    expect((await rolloutOf(id)).status).toBe("completed_with_exceptions");
    const view = await getRollout(operator, id, at(100));
    expect(view.leftBehind).toEqual([
      expect.objectContaining({
        slug: left.slug,
        state: "failed",
        reason: expect.stringMatching(/^the agent reported/),
      }),
    ]);

    await expect(retryLeftBehind(await ctxAs("viewer"), { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryLeftBehind(await ctxAs("operator", ["us-fedramp"]), { id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining('"rollouts.write" is region-scoped'),
    });
    await expect(retryLeftBehind(anonymous, { id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await beat(ids(sats), at(101));
    const retry = await retryLeftBehind(operator, { id }, at(101));
    const again = await db.rollout.findUniqueOrThrow({ where: { id: retry.id }, include: { targets: true } });
    expect(again).toMatchObject({ releaseId: release.id, status: "running", failureThresholdPct: 60 });
    expect(again.targets.map((t) => t.satelliteId)).toEqual([left.id]);
    expect(retry.name).toBe(`Retry: ${(await rolloutOf(id)).name}`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "rollout.retry" } });
    expect(audit.data).toMatchObject({ rolloutId: retry.id, satelliteIds: [left.id] });
    // The retry holds them now: a second one is refused.
    await expect(retryLeftBehind(operator, { id }, at(102))).rejects.toMatchObject({ code: "CONFLICT" });
    await drive(retry.id, sats, 102);
    expect((await rolloutOf(retry.id)).status).toBe("completed");
  });

  it("retries a satellite whose upgrade expired while it was offline with a fresh command", async () => {
    const sats = await fleet(1);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 0 },
      T0,
    );
    await advanceRollouts(at(0));
    // Silent past the upgrade's deadline: the command expires, never delivered.
    await settleCommands(at(31));
    await advanceRollouts(at(31));
    const r = await rolloutOf(id);
    expect(r.status).toBe("paused");
    const view = await getRollout(operator, id, at(31));
    expect(view.targets[0].failure).toEqual({
      isRetryable: true,
      reason: "agent offline: the upgrade was never delivered before it expired",
    });
    // Retrying skips nobody, so no reason is needed.
    await resumeRollout(operator, { id, failedTargets: "retry" }, at(32));
    await drive(id, sats, 32);
    expect((await rolloutOf(id)).status).toBe("completed");
    const keys = await db.command.findMany({
      where: { rolloutId: id },
      orderBy: { issuedAt: "asc" },
      select: { idempotencyKey: true, state: true },
    });
    expect(keys).toEqual([
      { idempotencyKey: `rollout:${id}:${sats[0].id}:upgrade:1`, state: "expired" },
      { idempotencyKey: `rollout:${id}:${sats[0].id}:upgrade:2`, state: "succeeded" },
    ]);
  });

  it("pauses on the health gate when an upgraded satellite turns critical during the bake", async () => {
    const sats = await fleet(2);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 30 },
      T0,
    );
    await advanceRollouts(at(0));
    await ackOpenCommands(id, at(1));
    await advanceRollouts(at(2));
    expect((await rolloutOf(id)).waves[0].status).toBe("baking");
    const canary = (await rolloutOf(id)).targets.find((t) => t.state === "succeeded");
    await beat([canary?.satelliteId ?? ""], at(5), "critical");
    await advanceRollouts(at(5));
    const r = await rolloutOf(id);
    expect(r.status).toBe("paused");
    const slug = sats.find((s) => s.id === canary?.satelliteId)?.slug;
    expect(r.pausedReason).toBe(`health gate during the bake of wave 0 (canary): ${slug} is critical`);
    await abortRollout(operator, { id }, at(6));
  });

  it("waits for an admin's approval before each wave after the canary", async () => {
    const sats = await fleet(3);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 0, requireApproval: true },
      T0,
    );
    await drive(id, sats, 0);
    let r = await rolloutOf(id);
    expect(r.status).toBe("awaiting_approval");
    expect(r.currentWave).toBe(1);
    expect(r.waves[1].status).toBe("awaiting_approval");
    expect(await advanceRollouts(at(30))).toBe(0);

    await expect(approveWave(operator, { id, wave: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveWave(admin, { id, wave: 2 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await approveWave(admin, { id, wave: "1" }, at(31));
    r = await rolloutOf(id);
    expect(r.waves[1].approvedById).toBe(admin.actor?.id);
    await drive(id, sats, 31);
    r = await rolloutOf(id);
    expect(r.status).toBe("completed");
    expect(r.targets.every((t) => t.state === "succeeded")).toBe(true);
  });

  it("rolls back: cancels queued upgrades, sends stack.rollback to the previous version, then finishes", async () => {
    const sats = await fleet(4);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], maxConcurrency: 2, bakeMinutes: 0 },
      T0,
    );
    await advanceRollouts(at(0));
    await ackOpenCommands(id, at(0.5));
    await advanceRollouts(at(1)); // canary succeeded; wave 1 opens with two upgrades
    let r = await rolloutOf(id);
    const upgrading = r.targets.filter((t) => t.state === "upgrading");
    expect(upgrading).toHaveLength(2);
    // One upgrade is with its agent already; the other is still queued.
    await db.command.update({
      where: { id: upgrading[0].commandId ?? "" },
      data: { state: "delivered", deliveries: 1, deliveredAt: at(1), leaseUntil: at(2) },
    });

    await expect(rollBackRollout(await ctxAs("viewer"), { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const result = await rollBackRollout(operator, { id, reason: "customer reports DNS errors" }, at(1.2));
    expect(result.message).toMatch(/cancelled 1 queued upgrade/);
    r = await rolloutOf(id);
    expect(r.status).toBe("rolling_back");
    expect(r.targets.find((t) => t.id === upgrading[1].id)?.state).toBe("pending");
    expect((await db.command.findUniqueOrThrow({ where: { id: upgrading[1].commandId ?? "" } })).state).toBe(
      "cancelled",
    );

    await advanceRollouts(at(2));
    const rollbacks = await db.command.findMany({ where: { rolloutId: id, type: "stack.rollback" } });
    // The upgraded canary and the satellite still upgrading both go back to where they came from.
    expect(rollbacks).toHaveLength(2);
    expect(
      rollbacks.every((c) => JSON.stringify(c.payload) === JSON.stringify({ version: "2026.11.1" })),
    ).toBe(true);
    await ackOpenCommands(id, at(3));
    await advanceRollouts(at(4));
    r = await rolloutOf(id);
    expect(r.status).toBe("rolled_back");
    expect(r.finishedAt?.getTime()).toBe(at(4).getTime());
    expect(r.targets.filter((t) => t.state === "rolled_back")).toHaveLength(2);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "rollout.rolled-back" },
    });
    expect(audit).toMatchObject({ actorType: "system" });
    expect(audit.summary).toMatch(/2 satellites returned to their previous version/);
  });

  it("excludes satellites whose region lost the release's certification instead of sending it there", async () => {
    const eu = await makeSatellite(admin, T0, { regionId: "eu-gdpr" });
    const us = await makeSatellite(admin, T0, { regionId: "us-fedramp" });
    const release = await makeRelease(["eu-gdpr", "us-fedramp"]);
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: [eu.slug, us.slug], waves: [100], bakeMinutes: 0 },
      T0,
    );
    await db.releaseRegion.deleteMany({ where: { releaseId: release.id } });
    await db.releaseRegion.create({ data: { releaseId: release.id, regionId: "us-fedramp" } });
    await drive(id, [eu, us], 0);
    const r = await rolloutOf(id);
    expect(r.status).toBe("completed");
    const euTarget = r.targets.find((t) => t.satelliteId === eu.id);
    expect(euTarget).toMatchObject({
      state: "excluded",
      excludedReason: `eu-gdpr is no longer certified for ${release.version}`,
    });
    expect(r.targets.find((t) => t.satelliteId === us.id)?.state).toBe("succeeded");
    expect(await db.command.count({ where: { rolloutId: id, satelliteId: eu.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "rollout.residency" },
    });
    expect(audit.summary).toContain(`${eu.slug} (eu-gdpr)`);
  });

  it("fails an offline satellite's upgrade only once its command expires, and the canary gate pauses", async () => {
    const sats = await fleet(1);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 0 },
      T0,
    );
    await advanceRollouts(at(0));
    // The satellite stops beating: its command stays queued and the target keeps waiting.
    await settleCommands(at(20));
    await advanceRollouts(at(20));
    expect((await rolloutOf(id)).targets[0].state).toBe("upgrading");
    await settleCommands(at(31));
    await advanceRollouts(at(31));
    const r = await rolloutOf(id);
    expect(r.status).toBe("paused");
    expect(r.targets[0].state).toBe("failed");
    expect(r.pausedReason).toBe(
      `canary failed on ${sats[0].slug} (upgrade expired: expired before the agent confirmed it)`,
    );
  });

  it("records how upgrades already sent end after an abort, and cancels the rest", async () => {
    const sats = await fleet(3);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], maxConcurrency: 1, bakeMinutes: 0 },
      T0,
    );
    await advanceRollouts(at(0));
    const canary = (await rolloutOf(id)).targets.find((t) => t.state === "upgrading");
    await db.command.update({
      where: { id: canary?.commandId ?? "" },
      data: { state: "running", deliveries: 1, deliveredAt: at(0.5) },
    });
    await abortRollout(operator, { id, reason: "wrong release" }, at(1));
    await ackOpenCommands(id, at(2));
    await advanceRollouts(at(3));
    const r = await rolloutOf(id);
    expect(r.status).toBe("aborted");
    expect(r.targets.find((t) => t.id === canary?.id)?.state).toBe("succeeded");
    expect(r.targets.filter((t) => t.state === "pending")).toHaveLength(2);
    expect(await db.command.count({ where: { rolloutId: id } })).toBe(1);
  });

  it("never writes a decision made on a rollout that changed meanwhile, and two reconcilers issue each command once", async () => {
    const sats = await fleet(2);
    const release = await makeRelease();
    const { id } = await createRollout(
      operator,
      { releaseId: release.id, satellites: ids(sats), waves: [100], bakeMinutes: 0 },
      T0,
    );
    const stale = await loadRollout(db, id, at(0));
    if (!stale) throw new Error("the rollout was just created");
    const decisions = decide(stale.engine, stale.observations, at(0));
    expect(decisions.length).toBeGreaterThan(0);
    await pauseRollout(operator, { id, reason: "change window closed" }, at(0.1));
    await expect(db.$transaction((tx) => writeDecisions(tx, stale, decisions, at(0)))).rejects.toBeInstanceOf(
      RolloutMoved,
    );
    expect(await db.command.count({ where: { rolloutId: id } })).toBe(0);
    expect((await rolloutOf(id)).status).toBe("paused");

    await resumeRollout(operator, { id }, at(1));
    await Promise.all([advanceRollouts(at(2)), advanceRollouts(at(2))]);
    expect(await db.command.count({ where: { rolloutId: id } })).toBe(1);
    await abortRollout(operator, { id }, at(3));
  });
});
