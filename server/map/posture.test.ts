import { beforeAll, describe, expect, it } from "vitest";
import { MAP_POSTURES } from "@/lib/fleet-map";
import { labelTextOf } from "@/lib/labels";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { createWaiver } from "../policies/waiver-verbs";
import { registerSatellite } from "../satellites/register";
import { fleetMap } from "./fleet-map";

const now = new Date("2026-11-28T12:00:00.000Z");
let viewer: Ctx;
const ids: Record<string, string> = {};
const slugs: Record<string, string> = {};

async function policy(id: string, name: string) {
  await db.policy.create({
    data: {
      id,
      versions: {
        create: {
          version: 1,
          name,
          kind: id,
          params: {},
          scope: { all: true },
          severity: "high",
          frameworks: [],
        },
      },
    },
  });
}

async function result(policyId: string, key: string, outcome: "compliant" | "violation" | "unknown") {
  await db.policyResult.create({
    data: { policyId, satelliteId: ids[key], policyVersion: 1, outcome, since: now, evaluatedAt: now },
  });
}

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  for (const key of ["clean", "bad", "waived", "byLabel", "unknown", "none"]) {
    const s = await registerSatellite(admin, satelliteInput());
    ids[key] = s.id;
    slugs[key] = s.slug;
  }
  await db.satellite.update({
    where: { id: ids.byLabel },
    data: { labels: { tier: "lab" }, labelText: labelTextOf({ tier: "lab" }) },
  });
  await policy("disk-encryption", "Disk encryption");
  await policy("fips", "FIPS mode");
  await result("disk-encryption", "clean", "compliant");
  await result("fips", "clean", "compliant");
  await result("disk-encryption", "bad", "violation");
  await result("fips", "bad", "compliant");
  await result("disk-encryption", "waived", "violation");
  await result("disk-encryption", "byLabel", "violation");
  await result("disk-encryption", "unknown", "unknown");
  const expiresAt = new Date(now.getTime() + 86_400_000);
  await db.policyWaiver.createMany({
    data: [
      { policyId: "disk-encryption", satelliteId: ids.waived, reason: "replacing the disk", expiresAt },
      { policyId: "disk-encryption", labelSelector: labelTextOf({ tier: "lab" }), reason: "lab", expiresAt },
      // Expired: counts for nothing.
      {
        policyId: "disk-encryption",
        satelliteId: ids.bad,
        reason: "old",
        expiresAt: new Date(now.getTime() - 1000),
      },
    ],
  });
});

function postureBySlug(map: Awaited<ReturnType<typeof fleetMap>>) {
  const p = map.payload;
  return Object.fromEntries(p.slug.map((s, i) => [s, MAP_POSTURES[p.posture?.[i] ?? -1]]));
}

describe("the map's posture mode", () => {
  it("sends no posture unless asked, so the other modes stay as small as before", async () => {
    const map = await fleetMap(viewer, {}, now);
    expect(map.payload.posture).toBeUndefined();
    expect(map.payload.policies).toBeUndefined();
  });

  it("colours each satellite by its worst result that counts, a waived one as waived", async () => {
    const map = await fleetMap(viewer, { posture: "1" }, now);
    const by = postureBySlug(map);
    expect(by[slugs.clean]).toBe("compliant");
    expect(by[slugs.bad]).toBe("violation");
    expect(by[slugs.waived]).toBe("waived");
    expect(by[slugs.byLabel]).toBe("waived");
    expect(by[slugs.unknown]).toBe("unknown");
    expect(by[slugs.none]).toBe("none");
    expect(map.payload.policies).toEqual([
      { id: "disk-encryption", name: "Disk encryption" },
      { id: "fips", name: "FIPS mode" },
    ]);
  });

  it("narrows to the satellites violating one policy, waived ones left out, with counts to match", async () => {
    const map = await fleetMap(viewer, { violating: "disk-encryption" }, now);
    expect(map.payload.slug).toEqual([slugs.bad]);
    expect(map.payload.kpis.total).toBe(1);
    const none = await fleetMap(viewer, { violating: "fips" }, now);
    expect(none.payload.slug).toEqual([]);
  });

  it("shows a waiver an admin grants through the verb at once", async () => {
    const admin = await ctxAs("admin");
    await createWaiver(admin, {
      policyId: "disk-encryption",
      satelliteId: slugs.bad,
      reason: "replacing the disks next month",
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    const by = postureBySlug(await fleetMap(viewer, { posture: "1" }));
    expect(by[slugs.bad]).toBe("waived");
  });

  it("refuses a malformed policy id, naming the field", async () => {
    await expect(fleetMap(viewer, { violating: "Not a policy!" }, now)).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { violating: "is not a policy id" },
    });
  });
});
