import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { findEnforcedViolations } from "./enforce";

let admin: UserCtx;
const tag = `enf${randomBytes(3).toString("hex")}`;
const sats: { id: string; slug: string }[] = [];
let certifiedEu: string;
let certifiedUs: string;
const now = new Date();

async function policy(id: string, kind: string, mode: "audit" | "enforce", params: object = {}) {
  await db.policy.create({
    data: {
      id,
      versions: {
        create: {
          version: 1,
          name: `${id} name`,
          kind,
          params,
          scope: { all: true },
          severity: "high",
          mode,
          frameworks: [],
        },
      },
    },
  });
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  for (const [i, country] of ["DE", "FR", "US"].entries()) {
    sats.push(await registerSatellite(admin, satelliteInput({ slug: `${tag}-${i}`, country })));
  }
  const eu = await db.release.create({
    data: {
      version: `${tag}.1`,
      artifactSizeMb: 1,
      minAgentVersion: "1.0.0",
      certifiedRegions: { create: [{ regionId: "eu-gdpr" }] },
    },
  });
  const us = await db.release.create({
    data: {
      version: `${tag}.2`,
      artifactSizeMb: 1,
      minAgentVersion: "1.0.0",
      certifiedRegions: { create: [{ regionId: "us-fedramp" }] },
    },
  });
  certifiedEu = eu.id;
  certifiedUs = us.id;
  // sat 0 runs an EU release in the EU (fine); sat 1 and sat 2 run the US release (sat 1 in the EU: a violation).
  await db.satellite.update({
    where: { id: sats[0].id },
    data: { stackVersion: eu.version, agentVersion: "1.4.0" },
  });
  await db.satellite.update({
    where: { id: sats[1].id },
    data: { stackVersion: us.version, agentVersion: "1.2.0" },
  });
  await db.satellite.update({
    where: { id: sats[2].id },
    data: { stackVersion: us.version, agentVersion: "1.4.0" },
  });
  const facts = { diskEncrypted: true, reportedAt: now };
  await db.satelliteFacts.create({ data: { satelliteId: sats[0].id, ...facts, diskEncrypted: false } });
  await db.satelliteFacts.create({ data: { satelliteId: sats[1].id, ...facts } });
  await db.satelliteFacts.create({ data: { satelliteId: sats[2].id, ...facts, diskEncrypted: false } });
  await policy(`${tag}-residency`, "release-residency", "enforce");
  await policy(`${tag}-agent`, "min-agent-version", "enforce", { version: "1.4.0" });
  await policy(`${tag}-disk`, "disk-encryption", "enforce");
  await policy(`${tag}-fips`, "fips", "audit");
});

const ids = () => sats.map((s) => s.id);
const byPolicy = (found: { policyId: string; satelliteIds: string[] }[]) =>
  Object.fromEntries(found.map((f) => [f.policyId.replace(`${tag}-`, ""), [...f.satelliteIds].sort()]));

describe("which enforced violations a change leaves in place", () => {
  it("names each enforce policy and its violating satellites for a command that fixes nothing", async () => {
    const found = await findEnforcedViolations(ids(), { kind: "command", type: "service.restart" }, db, now);
    expect(byPolicy(found)).toEqual({
      residency: [sats[1].id],
      agent: [sats[1].id],
      disk: [sats[0].id, sats[2].id].sort(),
    });
    expect(found.find((f) => f.policyId === `${tag}-disk`)?.policyName).toBe(`${tag}-disk name`);
  });

  it("lets a rollout of a release certified for the region fix residency, and not one that is not", async () => {
    const fixing = await findEnforcedViolations(
      [sats[1].id],
      { kind: "rollout", releaseId: certifiedEu },
      db,
      now,
    );
    expect(byPolicy(fixing)).toEqual({ agent: [sats[1].id] });
    const notFixing = await findEnforcedViolations(
      [sats[1].id],
      { kind: "rollout", releaseId: certifiedUs },
      db,
      now,
    );
    expect(byPolicy(notFixing)).toEqual({ residency: [sats[1].id], agent: [sats[1].id] });
  });

  it("never blocks containment commands, and ignores audit-mode policies", async () => {
    expect(
      await findEnforcedViolations(ids(), { kind: "command", type: "satellite.cordon" }, db, now),
    ).toEqual([]);
    const found = await findEnforcedViolations(ids(), { kind: "command", type: "link.set-limit" }, db, now);
    expect(found.map((f) => f.policyId)).not.toContain(`${tag}-fips`);
  });

  it("lets a live waiver exempt a satellite, and an expired or revoked one not", async () => {
    const base = { policyId: `${tag}-disk`, reason: "replacing disks next week", satelliteId: sats[0].id };
    await db.policyWaiver.create({ data: { ...base, expiresAt: new Date(now.getTime() - 1000) } });
    await db.policyWaiver.create({
      data: { ...base, expiresAt: new Date(now.getTime() + 86_400_000), revokedAt: now },
    });
    let found = await findEnforcedViolations(ids(), { kind: "command", type: "service.restart" }, db, now);
    expect(byPolicy(found).disk).toEqual([sats[0].id, sats[2].id].sort());
    await db.policyWaiver.create({ data: { ...base, expiresAt: new Date(now.getTime() + 86_400_000) } });
    found = await findEnforcedViolations(ids(), { kind: "command", type: "service.restart" }, db, now);
    expect(byPolicy(found).disk).toEqual([sats[2].id]);
  });

  it("answers nothing for no satellites, and ignores an archived policy", async () => {
    expect(await findEnforcedViolations([], { kind: "command", type: "service.restart" })).toEqual([]);
    await db.policy.update({ where: { id: `${tag}-disk` }, data: { archivedAt: now } });
    const found = await findEnforcedViolations(ids(), { kind: "command", type: "service.restart" }, db, now);
    expect(byPolicy(found).disk).toBeUndefined();
  });
});
