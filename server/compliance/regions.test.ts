import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { getRegionForAdmin, listRegionsForAdmin } from "./admin";
import { listRegions, regionForCountry } from "./regions";
import { deleteRegion, restoreRegion, retireRegion } from "./retire";
import { createRegion, previewRegionChange, updateRegion, type RegionSaveResult } from "./save";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
let n = 0;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
});

/** A region id no other test uses, with a valid form around it. */
function regionInput(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    id: `test-${n}`,
    name: `Test region ${n}`,
    jurisdiction: "Testland",
    frameworks: "ISO 27001, SOC 2",
    color: "#5B7A99",
    countries: "",
    residencyRule: "in_region",
    residencyAllowed: "",
    description: "",
    ...overrides,
  };
}

async function satelliteIn(country: string, opts: { regionId?: string; stackVersion?: string } = {}) {
  const { id, slug } = await registerSatellite(
    admin,
    satelliteInput({ country, ...(opts.regionId ? { regionId: opts.regionId } : {}) }),
  );
  if (opts.stackVersion)
    await db.satellite.update({ where: { id }, data: { stackVersion: opts.stackVersion } });
  return { id, slug };
}

/** Saves, confirming the preview the first answer shows, as the admin clicking "Apply" does. */
async function saveConfirmed(verb: typeof createRegion, input: Record<string, unknown>) {
  const first = await verb(admin, input);
  if (first.status === "saved") return { first, saved: first };
  const saved = await verb(admin, { ...input, previewed: first.preview.fingerprint });
  return { first, saved };
}

const regionOf = async (id: string) =>
  (await db.satellite.findUniqueOrThrow({ where: { id }, select: { regionId: true } })).regionId;

describe("creating and editing regions", () => {
  it("creates a region, audited, and lists it with its usage", async () => {
    const input = regionInput();
    const result = await createRegion(admin, input);
    expect(result).toEqual({ status: "saved", id: input.id, moved: 0 });
    const row = await db.complianceRegion.findUniqueOrThrow({ where: { id: input.id } });
    expect(row).toMatchObject({ color: "#5b7a99", frameworks: ["ISO 27001", "SOC 2"], residencyAllowed: [] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "region.create", targetId: input.id },
    });
    expect(audit.summary).toContain(input.name);
    const listed = (await listRegionsForAdmin(admin)).find((r) => r.id === input.id);
    expect(listed).toMatchObject({ satelliteCount: 0, retiredAt: null });
  });

  it("refuses bad input with the field and a sentence, and writes nothing", async () => {
    const bad = regionInput({ id: "Not A Slug", color: "blue", countries: "DE, ZZ", residencyRule: "x" });
    const error = await createRegion(admin, bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    const fields = (error as { fields: Record<string, string> }).fields;
    expect(fields.id).toMatch(/lower-case letters/);
    expect(fields.color).toBe("The colour is a hex value such as #5b7a99.");
    expect(fields.countries).toMatch(/^ZZ is not a country code/);
    expect(fields.residencyRule).toMatch(/Choose where data may go/);
    expect(await db.complianceRegion.count({ where: { name: bad.name } })).toBe(0);
  });

  it("refuses an id already taken and an allow list without regions", async () => {
    await expect(createRegion(admin, regionInput({ id: "eu-gdpr" }))).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { id: expect.stringContaining("taken") },
    });
    await expect(createRegion(admin, regionInput({ residencyRule: "allow_list" }))).rejects.toMatchObject({
      fields: { residencyAllowed: expect.stringContaining("at least one") },
    });
    const allowed = regionInput({ residencyRule: "allow_list", residencyAllowed: ["eu-gdpr", "uk-gdpr"] });
    await createRegion(admin, allowed);
    const row = await db.complianceRegion.findUniqueOrThrow({ where: { id: allowed.id } });
    expect(row.residencyAllowed).toEqual(["eu-gdpr", "uk-gdpr"]);
  });

  it("refuses a country another region covers, naming that region", async () => {
    const error = await createRegion(admin, regionInput({ countries: "DE, FR, GB" })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as { fields: { countries: string } }).fields.countries).toBe(
      "DE, FR belong to EU / EEA (GDPR) (eu-gdpr); GB belongs to United Kingdom (UK GDPR) (uk-gdpr). " +
        "A country belongs to one region only: remove it there first.",
    );
  });
});

describe("changing the countries", () => {
  it("previews the satellites that would move, then moves exactly those in one save, each audited", async () => {
    // Greenland and Iceland-free Faroe: no seeded region lists them, so their satellites are in global.
    const release = await db.release.create({
      data: {
        version: `2026.12.${n}77`,
        artifactSizeMb: 1,
        minAgentVersion: "1.0.0",
        certifiedRegions: { create: [{ regionId: "global" }] },
      },
    });
    const gl = await satelliteIn("GL", { stackVersion: release.version });
    const fo = await satelliteIn("FO");
    const pinned = await satelliteIn("GL", { regionId: "eu-gdpr" });
    expect(await regionOf(gl.id)).toBe("global");
    const input = regionInput({ countries: "GL, FO" });

    const preview = await previewRegionChange(admin, input);
    expect(preview.countriesAdded).toEqual(["FO", "GL"]);
    expect(preview.moves.map((m) => [m.slug, m.from, m.to])).toEqual(
      [
        [fo.slug, "global", input.id],
        [gl.slug, "global", input.id],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    expect(preview.moves.find((m) => m.slug === gl.slug)?.residency).toBe(
      `runs ${release.version}, which is not certified for ${input.id}: certify it there or upgrade the satellite`,
    );

    // Saving without the preview's fingerprint answers the same preview and writes nothing.
    const first = await createRegion(admin, input);
    expect(first).toEqual({ status: "preview", preview });
    expect(await db.complianceRegion.count({ where: { id: input.id } })).toBe(0);

    const saved = await createRegion(admin, { ...input, previewed: preview.fingerprint });
    expect(saved).toEqual({ status: "saved", id: input.id, moved: 2 });
    expect(await regionOf(gl.id)).toBe(input.id);
    expect(await regionOf(fo.id)).toBe(input.id);
    expect(await regionOf(pinned.id)).toBe("eu-gdpr");
    const moves = await db.auditEvent.findMany({
      where: { action: "satellite.region-move", targetId: { in: [gl.id, fo.id] } },
    });
    expect(moves).toHaveLength(2);
    expect(await regionForCountry(db, "GL")).toBe(input.id);

    // Removing a country moves its satellites back to where the country now falls.
    const { first: back, saved: applied } = await saveConfirmed(updateRegion, { ...input, countries: "GL" });
    expect(back.status === "preview" && back.preview.moves.map((m) => [m.slug, m.to])).toEqual([
      [fo.slug, "global"],
    ]);
    expect(applied).toMatchObject({ status: "saved", moved: 1 });
    expect(await regionOf(fo.id)).toBe("global");
  });

  it("answers a fresh preview when the fleet changed after the admin saw one", async () => {
    const input = regionInput({ countries: "PM" });
    const preview = await previewRegionChange(admin, input);
    expect(preview.moves).toEqual([]);
    const late = await satelliteIn("PM");
    const result: RegionSaveResult = await createRegion(admin, { ...input, previewed: preview.fingerprint });
    expect(result.status).toBe("preview");
    expect(result.status === "preview" && result.preview).toMatchObject({ isStale: true });
    expect(result.status === "preview" && result.preview.moves.map((m) => m.slug)).toEqual([late.slug]);
    expect(await regionOf(late.id)).toBe("global");
  });

  it("saves fields other than the countries at once, keeping the id", async () => {
    const input = regionInput();
    await createRegion(admin, input);
    const result = await updateRegion(admin, { ...input, name: "Renamed", color: "#6b8f71" });
    expect(result).toEqual({ status: "saved", id: input.id, moved: 0 });
    expect(await getRegionForAdmin(admin, input.id)).toMatchObject({ name: "Renamed", color: "#6b8f71" });
    await expect(updateRegion(admin, { ...input, id: "no-such-region" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("retiring and deleting", () => {
  it("refuses to delete a region with satellites, saying how many; deletes an unused one", async () => {
    const input = regionInput({ countries: "WF" });
    await saveConfirmed(createRegion, input);
    await satelliteIn("WF");
    await satelliteIn("WF");
    await expect(deleteRegion(admin, { id: input.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `${input.name} cannot be deleted: it has 2 satellites. Retire it instead; it stays for the record.`,
    });
    const unused = regionInput();
    await createRegion(admin, unused);
    await deleteRegion(admin, { id: unused.id });
    expect(await db.complianceRegion.count({ where: { id: unused.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "region.delete", targetId: unused.id } })).toBe(1);
    await expect(deleteRegion(admin, { id: "global" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("hides a retired region from every picker unless asked, maps its countries elsewhere, and restores it", async () => {
    const input = regionInput({ countries: "TK" });
    await saveConfirmed(createRegion, input);
    const sat = await satelliteIn("TK");
    expect(await regionOf(sat.id)).toBe(input.id);

    await retireRegion(admin, { id: input.id, reason: "merged into another" });
    expect((await listRegions(viewer)).map((r) => r.id)).not.toContain(input.id);
    const all = await listRegions(viewer, { includeRetired: true });
    expect(all.find((r) => r.id === input.id)?.retiredAt).not.toBeNull();
    // Its satellites stay; new ones from its countries fall into global.
    expect(await regionOf(sat.id)).toBe(input.id);
    expect(await regionForCountry(db, "TK")).toBe("global");
    await expect(retireRegion(admin, { id: input.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    // Another region may take the country meanwhile; restoring then says which one holds it.
    const other = regionInput({ countries: "TK" });
    await saveConfirmed(createRegion, other);
    await expect(restoreRegion(admin, { id: input.id })).rejects.toMatchObject({
      message: expect.stringContaining(`TK (now in ${other.name}, ${other.id})`),
    });
    await saveConfirmed(updateRegion, { ...other, countries: "" });
    await restoreRegion(admin, { id: input.id });
    expect((await listRegions(viewer)).map((r) => r.id)).toContain(input.id);
    const actions = await db.auditEvent.findMany({ where: { targetId: input.id }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["region.create", "region.retire", "region.restore"]),
    );
  });
});

describe("authorization", () => {
  it("refuses operators, viewers and anonymous callers, and writes nothing", async () => {
    const input = regionInput();
    for (const ctx of [operator, viewer]) {
      await expect(createRegion(ctx, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateRegion(ctx, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(previewRegionChange(ctx, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(retireRegion(ctx, { id: "eu-gdpr" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(restoreRegion(ctx, { id: "eu-gdpr" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteRegion(ctx, { id: "eu-gdpr" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listRegionsForAdmin(ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createRegion(anonymous, input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(listRegionsForAdmin(anonymous)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(listRegions(anonymous)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.complianceRegion.count({ where: { id: input.id } })).toBe(0);
  });
});
