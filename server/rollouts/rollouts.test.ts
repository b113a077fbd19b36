import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { abortRollout, approveWave, pauseRollout } from "./control";
import { createRollout, previewRollout } from "./create";
import { getRollout } from "./get";
import { listRollouts } from "./list";
import { listReleases } from "../releases/list";
import { resumeRollout } from "./resume";
import { rollBackRollout } from "./roll-back";
import { startRollout } from "./start";
import { makeRelease, makeSatellite, type TestSatellite } from "./test-helpers";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
let euOperator: Ctx;
const NOW = new Date("2026-12-01T09:00:00.000Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
  euOperator = await ctxAs("operator", ["eu-gdpr"]);
});

const slugs = (sats: TestSatellite[]) => sats.map((s) => s.slug);

describe("previewRollout and createRollout", () => {
  it("intersects the filters, adds hand-picked satellites, and explains every exclusion", async () => {
    const label = { rack: `r-${Date.now()}` };
    const release = await makeRelease(["eu-gdpr", "us-fedramp"]);
    const ok = await makeSatellite(admin, NOW, { labels: label, kind: "edge" });
    const ok2 = await makeSatellite(admin, NOW, { labels: label, kind: "edge", regionId: "us-fedramp" });
    const otherKind = await makeSatellite(admin, NOW, { labels: label, kind: "datacenter" });
    const exclusions = {
      uncertified: await makeSatellite(admin, NOW, { labels: label, regionId: "ch-fadp" }),
      oldAgent: await makeSatellite(admin, NOW, { labels: label, agentVersion: "1.3.2" }),
      cordoned: await makeSatellite(admin, NOW, { labels: label, lifecycle: "cordoned" }),
      offline: await makeSatellite(admin, NOW, { labels: label, lastSeenAt: minutesAgo(10) }),
      neverSeen: await makeSatellite(admin, NOW, { labels: label, lastSeenAt: null }),
      alreadyOn: await makeSatellite(admin, NOW, { labels: label, stackVersion: release.version }),
    };
    const decommissioned = await makeSatellite(admin, NOW, { labels: label, lifecycle: "decommissioned" });
    const input = {
      releaseId: release.id,
      labels: [`rack=${label.rack}`],
      kinds: "edge",
      satellites: `${otherKind.slug}\n${decommissioned.id}`,
      waves: "50, 100",
      maxConcurrency: "2",
      bakeMinutes: "10",
    };
    const preview = await previewRollout(operator, input, NOW);
    expect(preview.selectedCount).toBe(10);
    expect(preview.targetCount).toBe(3);
    const reasons = Object.fromEntries(preview.exclusions.map((e) => [e.slug, e.reason]));
    expect(reasons).toEqual({
      [exclusions.uncertified.slug]: `ch-fadp is not certified for ${release.version}`,
      [exclusions.oldAgent.slug]:
        `${exclusions.oldAgent.slug}'s agent 1.3.2 is older than 1.4.0, the minimum for ${release.version}`,
      [exclusions.cordoned.slug]: `${exclusions.cordoned.slug} is cordoned`,
      [exclusions.offline.slug]: `${exclusions.offline.slug} is offline (last seen 10 min ago)`,
      [exclusions.neverSeen.slug]: `${exclusions.neverSeen.slug} has never sent a heartbeat`,
      [exclusions.alreadyOn.slug]: `${exclusions.alreadyOn.slug} is already on ${release.version}`,
      [decommissioned.slug]: `${decommissioned.slug} is decommissioned`,
    });
    expect(preview.waves.map((w) => [w.label, w.size])).toEqual([
      ["canary", 1],
      ["100 %", 2],
    ]);
    // 2400 MB over 1 Gbit/s is 19.2 s, plus 90 s to install, plus the 10-minute bake.
    expect(preview.waves.map((w) => w.estimateMinutes)).toEqual([12, 12]);
    expect(preview.totalMinutes).toBe(24);
    expect(preview.blockers).toEqual([]);
    expect(
      preview.points
        .filter((p) => p.isTarget)
        .map((p) => p.slug)
        .sort(),
    ).toEqual(slugs([ok, ok2, otherKind]).sort());
    expect(await db.rollout.count({ where: { releaseId: release.id } })).toBe(0);

    const created = await createRollout(operator, input, NOW);
    const row = await db.rollout.findUniqueOrThrow({
      where: { id: created.id },
      include: { waves: { orderBy: { index: "asc" } }, targets: true },
    });
    expect(row).toMatchObject({
      status: "running",
      maxConcurrency: 2,
      bakeMinutes: 10,
      failureThresholdPct: 10,
    });
    expect(row.startedAt?.getTime()).toBe(NOW.getTime());
    expect(row.waves.map((w) => [w.label, w.targetCount, w.status])).toEqual([
      ["canary", 1, "pending"],
      ["100 %", 2, "pending"],
    ]);
    expect(row.targets.filter((t) => t.state === "pending")).toHaveLength(3);
    const excluded = row.targets.filter((t) => t.state === "excluded");
    expect(excluded).toHaveLength(7);
    expect(excluded.every((t) => t.excludedReason && t.waveId === null)).toBe(true);
    expect(row.targets.find((t) => t.satelliteId === ok.id)?.fromVersion).toBe("2026.11.1");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: created.id } });
    expect(audit).toMatchObject({ action: "rollout.create", actorId: operator.actor?.id });
    expect(audit.summary).toContain("to 3 satellites in 2 waves, 7 excluded");
    await abortRollout(operator, { id: created.id });
  });

  it("refuses bad input with the field named, and an empty or unknown selection", async () => {
    const release = await makeRelease();
    const sat = await makeSatellite(admin, NOW);
    const base = { releaseId: release.id, satellites: sat.slug };
    await expect(previewRollout(operator, { ...base, waves: "50, 40, 100" }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "waves[1]": "must be above waves[0] (50 %)" },
    });
    await expect(previewRollout(operator, { ...base, waves: "10, 50" }, NOW)).rejects.toMatchObject({
      fields: { "waves[1]": "the last wave must reach 100 %" },
    });
    await expect(previewRollout(operator, { ...base, maxConcurrency: "0" }, NOW)).rejects.toMatchObject({
      fields: { maxConcurrency: "must be at least 1" },
    });
    await expect(
      previewRollout(operator, { ...base, failureThresholdPct: "120" }, NOW),
    ).rejects.toMatchObject({
      fields: { failureThresholdPct: "must be at most 100 %" },
    });
    await expect(previewRollout(operator, { releaseId: release.id }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { regionIds: "choose at least one region, kind, label or satellite" },
    });
    await expect(previewRollout(operator, { ...base, satellites: "no-such-sat" }, NOW)).rejects.toMatchObject(
      {
        fields: { satellites: "no satellite no-such-sat" },
      },
    );
    await expect(previewRollout(operator, { ...base, releaseId: "nope" }, NOW)).rejects.toMatchObject({
      fields: { releaseId: "no such release" },
    });
    await expect(previewRollout(viewer, base, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createRollout(anonymous, base, NOW)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(createRollout(viewer, base, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a region-scoped operator's whole request when one satellite is outside their regions", async () => {
    const release = await makeRelease(["eu-gdpr", "us-fedramp"]);
    const eu = await makeSatellite(admin, NOW, { regionId: "eu-gdpr" });
    const us = await makeSatellite(admin, NOW, { regionId: "us-fedramp" });
    const input = { releaseId: release.id, satellites: [eu.slug, us.slug] };
    const preview = await previewRollout(euOperator, input, NOW);
    expect(preview.blockers).toEqual([
      `Your role is limited to eu-gdpr: 1 of these 2 satellites is outside it — us-fedramp (1, e.g. ${us.slug}). "rollouts.write" is region-scoped.`,
    ]);
    await expect(createRollout(euOperator, input, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(`us-fedramp (1, e.g. ${us.slug})`),
    });
    expect(await db.rollout.count({ where: { releaseId: release.id } })).toBe(0);
    const inScope = await createRollout(euOperator, { releaseId: release.id, satellites: [eu.slug] }, NOW);
    expect(inScope.status).toBe("running");
    await abortRollout(euOperator, { id: inScope.id });
  });

  it("lets no two active rollouts hold the same satellite; a draft waits until it starts", async () => {
    const release = await makeRelease();
    const shared = await makeSatellite(admin, NOW);
    const other = await makeSatellite(admin, NOW);
    const first = await createRollout(
      operator,
      { releaseId: release.id, satellites: shared.slug, name: "first" },
      NOW,
    );
    const input = { releaseId: release.id, satellites: [shared.slug, other.slug] };
    const preview = await previewRollout(operator, input, NOW);
    expect(preview.blockers[0]).toContain(
      `${shared.slug} is already held by the active rollout "first" (${first.id})`,
    );
    await expect(createRollout(operator, input, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`"first" (${first.id})`),
    });
    const draft = await createRollout(operator, { ...input, isDraft: "on" }, NOW);
    expect(draft.status).toBe("draft");
    await expect(startRollout(operator, { id: draft.id }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });

    await abortRollout(operator, { id: first.id, reason: "superseded" }, NOW);
    // Meanwhile `other` went offline: starting re-checks it and excludes it with the reason.
    await db.satellite.update({ where: { id: other.id }, data: { lastSeenAt: minutesAgo(30) } });
    const started = await startRollout(operator, { id: draft.id }, NOW);
    expect(started.message).toMatch(/1 satellite excluded since it was planned/);
    const targets = await db.rolloutTarget.findMany({ where: { rolloutId: draft.id } });
    expect(targets.find((t) => t.satelliteId === other.id)).toMatchObject({
      state: "excluded",
      waveId: null,
    });
    expect(targets.find((t) => t.satelliteId === shared.id)?.state).toBe("pending");
    await abortRollout(operator, { id: draft.id });
  });

  it("refuses a rollout whose every satellite is excluded", async () => {
    const release = await makeRelease(["us-fedramp"]);
    const eu = await makeSatellite(admin, NOW);
    const input = { releaseId: release.id, satellites: eu.slug };
    expect((await previewRollout(operator, input, NOW)).blockers).toEqual([
      `None of the 1 selected satellites can take ${release.version}: see the exclusions.`,
    ]);
    await expect(createRollout(operator, input, NOW)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("operator actions", () => {
  async function running(regionId = "eu-gdpr") {
    const release = await makeRelease();
    const sats = [
      await makeSatellite(admin, NOW, { regionId }),
      await makeSatellite(admin, NOW, { regionId }),
    ];
    const { id } = await createRollout(operator, { releaseId: release.id, satellites: slugs(sats) }, NOW);
    return id;
  }

  it("pauses with a reason, resumes, and refuses actions the status does not allow", async () => {
    const id = await running();
    await expect(pauseRollout(operator, { id, reason: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { reason: "say why, in a few words" },
    });
    await expect(pauseRollout(viewer, { id, reason: "stop it" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await pauseRollout(operator, { id, reason: "change freeze until Monday" });
    const paused = await db.rollout.findUniqueOrThrow({ where: { id } });
    expect(paused.status).toBe("paused");
    expect(paused.pausedReason).toBe(`Paused by ${operator.actor?.name}: change freeze until Monday`);
    await expect(pauseRollout(operator, { id, reason: "again" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(approveWave(admin, { id, wave: 0 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await resumeRollout(operator, { id });
    const resumed = await db.rollout.findUniqueOrThrow({ where: { id } });
    expect(resumed).toMatchObject({ status: "running", pausedReason: null });
    const actions = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["rollout.create", "rollout.pause", "rollout.resume"]);
    await abortRollout(operator, { id });
    await expect(resumeRollout(operator, { id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(abortRollout(operator, { id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets a scoped operator pause a rollout outside their regions, but not resume, abort or roll it back", async () => {
    const id = await running("us-fedramp");
    await pauseRollout(euOperator, { id, reason: "seen errors on the status page" });
    for (const verb of [resumeRollout, abortRollout, rollBackRollout]) {
      await expect(verb(euOperator, { id })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining('"rollouts.write" is region-scoped'),
      });
    }
    await abortRollout(operator, { id });
  });

  it("rolls a completed rollout back unless another rollout holds its satellites now", async () => {
    const release = await makeRelease();
    const sat = await makeSatellite(admin, NOW);
    const done = await createRollout(operator, { releaseId: release.id, satellites: sat.slug }, NOW);
    // As the reconciler leaves it: upgraded and finished.
    await db.rolloutTarget.updateMany({ where: { rolloutId: done.id }, data: { state: "succeeded" } });
    await db.rollout.update({ where: { id: done.id }, data: { status: "completed", finishedAt: NOW } });
    const next = await createRollout(
      operator,
      { releaseId: (await makeRelease()).id, satellites: sat.slug, name: "next" },
      NOW,
    );
    await expect(rollBackRollout(operator, { id: done.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`"next" (${next.id})`),
    });
    await abortRollout(operator, { id: next.id });
    const result = await rollBackRollout(operator, { id: done.id, reason: "regression in DNS" });
    expect(result.status).toBe("rolling_back");
    const row = await db.rollout.findUniqueOrThrow({ where: { id: done.id } });
    expect(row).toMatchObject({ status: "rolling_back", finishedAt: null });
    await expect(abortRollout(operator, { id: done.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("lists rollouts with their progress and shows one with what the caller may do", async () => {
    const id = await running();
    const list = await listRollouts(viewer, { status: "active" });
    const item = list.items.find((r) => r.id === id);
    expect(item).toMatchObject({ status: "running", counts: { total: 2, pending: 2 }, waveCount: 2 });
    expect(item?.createdBy).toBe(operator.actor?.name);
    const asViewer = await getRollout(viewer, id, NOW);
    expect(asViewer.targets).toHaveLength(2);
    expect(asViewer.waves.map((w) => w.label)).toEqual(["canary", "100 %"]);
    expect(Object.values(asViewer.can).filter((v) => v === true)).toEqual([]);
    const asOperator = await getRollout(operator, id, NOW);
    expect(asOperator.can).toMatchObject({
      pause: true,
      abort: true,
      rollBack: true,
      resume: false,
      approve: false,
    });
    await expect(getRollout(viewer, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRollouts(anonymous)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await listReleases(viewer)).length).toBeGreaterThan(0);
    await abortRollout(operator, { id });
  });
});
