import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { createRelease } from "./create";
import { deleteRelease } from "./delete";
import { getRelease, listReleases } from "./list";
import { updateRelease } from "./update";

let admin: UserCtx;
let operator: UserCtx;
let viewer: UserCtx;
let n = 0;
const version = () => `2031.${n++}.0`;

const input = (overrides: Record<string, unknown> = {}) => ({
  version: version(),
  notes: "Kubernetes 1.35",
  artifactSizeMb: "2400.5",
  regionIds: ["eu-gdpr", "uk-gdpr"],
  minAgentVersion: "1.4.0",
  ...overrides,
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function rolloutOf(releaseId: string, status: "draft" | "running" | "completed", name = "EU wave") {
  return db.rollout.create({
    data: {
      name,
      releaseId,
      status,
      selector: { regions: ["eu-gdpr"] },
      maxConcurrency: 5,
      bakeMinutes: 10,
      failureThresholdPct: 10,
    },
  });
}

const counts = async () => ({
  releases: await db.release.count(),
  regions: await db.releaseRegion.count(),
  audit: await db.auditEvent.count({ where: { targetType: "release" } }),
});

beforeAll(async () => {
  await seedRegions();
  [admin, operator, viewer] = await Promise.all([ctxAs("admin"), ctxAs("operator"), ctxAs("viewer")]);
});

describe("publishing a release", () => {
  it("creates it with its certified regions and audits it in the same change", async () => {
    const release = await createRelease(admin, input({ regionIds: ["uk-gdpr", "eu-gdpr", "uk-gdpr"] }));
    expect(release).toMatchObject({
      notes: "Kubernetes 1.35",
      artifactSizeMb: 2400.5,
      minAgentVersion: "1.4.0",
      regionIds: ["eu-gdpr", "uk-gdpr"],
      createdBy: admin.actor!.email,
      satelliteCount: 0,
      rolloutCount: 0,
      activeRolloutCount: 0,
    });
    const audit = await db.auditEvent.findMany({ where: { targetType: "release", targetId: release.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "release.create", actorLabel: admin.actor!.email });
    expect(audit[0].summary).toContain(release.version);
  });

  it("refuses a version that already exists, naming the field, and writes nothing", async () => {
    const first = await createRelease(admin, input());
    const before = await counts();
    const error = await refused(createRelease(admin, input({ version: first.version })));
    expect(error.code).toBe("CONFLICT");
    expect(error.fields?.version).toMatch(/already exists/);
    expect(await counts()).toEqual(before);
  });

  it("refuses regions Orrery does not know, naming them", async () => {
    const before = await counts();
    const error = await refused(createRelease(admin, input({ regionIds: ["eu-gdpr", "atlantis"] })));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.regionIds).toBe("unknown region: atlantis");
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["version", { version: "banana" }],
    ["version", { version: "v2031.1.0" }],
    ["version", { version: "" }],
    ["artifactSizeMb", { artifactSizeMb: "0" }],
    ["artifactSizeMb", { artifactSizeMb: -5 }],
    ["artifactSizeMb", { artifactSizeMb: "big" }],
    ["artifactSizeMb", { artifactSizeMb: "" }],
    ["regionIds", { regionIds: [] }],
    ["regionIds", { regionIds: undefined }],
    ["minAgentVersion", { minAgentVersion: "latest" }],
    ["notes", { notes: "x".repeat(4001) }],
  ])("refuses a bad %s (%j) and names it", async (field, override) => {
    const before = await counts();
    const error = await refused(createRelease(admin, input(override)));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(error.message).toContain(field);
    expect(await counts()).toEqual(before);
  });
});

describe("reading releases", () => {
  it("counts the satellites running each version and the rollouts that use it", async () => {
    const release = await createRelease(admin, input());
    for (const slug of ["a", "b", "c"]) {
      await registerSatellite(
        admin,
        satelliteInput({
          slug: `rel-${slug}-${release.version.replace(/\./g, "-")}`,
          stackVersion: release.version,
        }),
      );
    }
    // A decommissioned satellite runs nothing.
    const retired = await db.satellite.findFirstOrThrow({ where: { stackVersion: release.version } });
    await db.satellite.update({ where: { id: retired.id }, data: { lifecycle: "decommissioned" } });
    await rolloutOf(release.id, "completed", "Done");
    await rolloutOf(release.id, "running", "Live");

    const listed = (await listReleases(viewer)).find((r) => r.id === release.id);
    expect(listed).toMatchObject({ satelliteCount: 2, rolloutCount: 2, activeRolloutCount: 1 });
    expect(await getRelease(operator, release.id)).toEqual(listed);
  });

  it("lists the newest version first, comparing dotted numbers", async () => {
    await createRelease(admin, input({ version: "2032.9.1" }));
    await createRelease(admin, input({ version: "2032.10.0" }));
    const versions = (await listReleases(viewer)).map((r) => r.version);
    expect(versions.indexOf("2032.10.0")).toBeLessThan(versions.indexOf("2032.9.1"));
    expect(versions.indexOf("2032.9.1")).toBeLessThan(versions.indexOf("2031.0.0"));
  });

  it("is open to every signed-in role, not to anonymous callers", async () => {
    for (const ctx of [viewer, operator, admin]) expect(Array.isArray(await listReleases(ctx))).toBe(true);
    expect((await refused(listReleases(anonymous))).code).toBe("UNAUTHORIZED");
    expect((await refused(getRelease(viewer, "nope"))).code).toBe("NOT_FOUND");
  });
});

describe("editing a release", () => {
  it("changes notes, regions and minimum agent version, audited", async () => {
    const release = await createRelease(admin, input());
    const edited = await updateRelease(admin, {
      id: release.id,
      version: release.version,
      notes: "Kubernetes 1.35.1",
      regionIds: ["ch-fadp", "eu-gdpr"],
      minAgentVersion: "1.5.0",
    });
    expect(edited).toMatchObject({
      version: release.version,
      notes: "Kubernetes 1.35.1",
      regionIds: ["ch-fadp", "eu-gdpr"],
      minAgentVersion: "1.5.0",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: release.id, action: "release.update" },
    });
    expect(audit.summary).toContain("notes");
    expect(audit.summary).toContain("eu-gdpr, uk-gdpr → ch-fadp, eu-gdpr");
    expect(audit.summary).toContain("min agent 1.4.0 → 1.5.0");
  });

  it("never changes the version", async () => {
    const release = await createRelease(admin, input());
    const error = await refused(updateRelease(admin, { id: release.id, version: "2099.1.0", notes: "x" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.version).toMatch(/cannot change/);
    expect((await getRelease(admin, release.id)).notes).toBe("Kubernetes 1.35");
  });

  it("names bad fields and unknown regions, and refuses a missing release", async () => {
    const release = await createRelease(admin, input());
    const bad = await refused(updateRelease(admin, { id: release.id, regionIds: [], minAgentVersion: "" }));
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["minAgentVersion", "regionIds"]);
    const unknown = await refused(updateRelease(admin, { id: release.id, regionIds: ["atlantis"] }));
    expect(unknown.fields?.regionIds).toBe("unknown region: atlantis");
    expect((await refused(updateRelease(admin, { id: "nope", notes: "x" }))).code).toBe("NOT_FOUND");
    expect((await getRelease(admin, release.id)).regionIds).toEqual(["eu-gdpr", "uk-gdpr"]);
  });

  it("will not withdraw a region an active rollout of the release is still upgrading", async () => {
    const release = await createRelease(admin, input());
    const sat = await registerSatellite(admin, satelliteInput({ country: "DE" }));
    const rollout = await rolloutOf(release.id, "running", "EU canary");
    await db.rolloutTarget.create({ data: { rolloutId: rollout.id, satelliteId: sat.id, state: "pending" } });
    const error = await refused(updateRelease(admin, { id: release.id, regionIds: ["uk-gdpr"] }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.fields?.regionIds).toMatch(/eu-gdpr.*"EU canary"/);
    // Adding a region is fine meanwhile.
    const wider = await updateRelease(admin, {
      id: release.id,
      regionIds: ["eu-gdpr", "uk-gdpr", "ch-fadp"],
    });
    expect(wider.regionIds).toEqual(["ch-fadp", "eu-gdpr", "uk-gdpr"]);
  });

  it("cancels upgrades to it still queued for a withdrawn region, and waits for one already delivered", async () => {
    const release = await createRelease(admin, input({ regionIds: ["eu-gdpr", "uk-gdpr"] }));
    const de = await registerSatellite(admin, satelliteInput({ country: "DE" }));
    const gb = await registerSatellite(admin, satelliteInput({ country: "GB" }));
    const command = (satelliteId: string, state: "queued" | "delivered", key: string) =>
      db.command.create({
        data: {
          satelliteId,
          type: "stack.upgrade",
          payload: { version: release.version },
          idempotencyKey: key,
          state,
          deliveries: state === "queued" ? 0 : 1,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
    const queued = await command(de.id, "queued", `w-${release.id}-1`);
    const delivered = await command(gb.id, "delivered", `w-${release.id}-2`);

    const error = await refused(updateRelease(admin, { id: release.id, regionIds: ["eu-gdpr"] }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.fields?.regionIds).toContain(gb.slug);

    await db.command.update({ where: { id: delivered.id }, data: { state: "succeeded" } });
    await updateRelease(admin, { id: release.id, regionIds: ["uk-gdpr"] });
    const after = await db.command.findUniqueOrThrow({ where: { id: queued.id } });
    expect(after.state).toBe("cancelled");
    expect(after.message).toContain("no longer certified for eu-gdpr");
    expect(await db.auditEvent.count({ where: { action: "command.cancel-uncertified" } })).toBe(1);
  });
});

describe("deleting a release", () => {
  it("deletes an unused release with its certifications, audited", async () => {
    const release = await createRelease(admin, input());
    expect(await deleteRelease(admin, { id: release.id })).toEqual({
      id: release.id,
      version: release.version,
    });
    expect(await db.release.findUnique({ where: { id: release.id } })).toBeNull();
    expect(await db.releaseRegion.count({ where: { releaseId: release.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: release.id, action: "release.delete" },
    });
    expect(audit.summary).toBe(`Deleted release ${release.version}`);
  });

  it("refuses while any rollout references it, naming the rollout", async () => {
    const release = await createRelease(admin, input());
    await rolloutOf(release.id, "draft", "Q3 EU");
    const before = await counts();
    const error = await refused(deleteRelease(admin, { id: release.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain(release.version);
    expect(error.message).toContain('rollout "Q3 EU" uses it');
    expect(await counts()).toEqual(before);
    expect((await refused(deleteRelease(admin, { id: "nope" }))).code).toBe("NOT_FOUND");
  });
});

describe("who may change releases", () => {
  it("is admins only: operators and viewers are refused and nothing changes", async () => {
    const release = await createRelease(admin, input());
    const before = await counts();
    for (const ctx of [operator, viewer]) {
      expect((await refused(createRelease(ctx, input()))).code).toBe("FORBIDDEN");
      expect((await refused(updateRelease(ctx, { id: release.id, notes: "hijacked" }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await refused(deleteRelease(ctx, { id: release.id }))).code).toBe("FORBIDDEN");
    }
    for (const verb of [createRelease, updateRelease, deleteRelease]) {
      expect((await refused(verb(anonymous, { id: release.id }))).code).toBe("UNAUTHORIZED");
    }
    expect(await counts()).toEqual(before);
    expect((await getRelease(admin, release.id)).notes).toBe("Kubernetes 1.35");
  });
});
