import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { archivePolicy, createPolicy, updatePolicy } from "./manage";
import { evaluatePolicies } from "./pass";
import {
  listPolicies,
  policyVersions,
  postureAt,
  postureMatrix,
  postureTrend,
  satellitePosture,
  violatingSatelliteIds,
} from "./read";
import { createWaiver, revokeWaiver } from "./waiver-verbs";
import { decommissionSatellite } from "../satellites/decommission";
import { fleetState } from "../fleet-state";
import { addCount, emptyCounts, type Counts } from "./counts";
import { liveWaivers, waivedPairs } from "./waived";

// One file, one database: the steps below build on each other like an admin's afternoon.
let admin: UserCtx;
let operator: UserCtx;
let auditor: UserCtx;
let euViewer: UserCtx;
const tag = `pol${randomBytes(3).toString("hex")}`;
const sats: { id: string; slug: string }[] = [];
const t0 = new Date("2026-11-01T10:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

const refusedWith = async (p: Promise<unknown>) => {
  const e = await p.catch((error: unknown) => error);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  auditor = await ctxAs("auditor");
  euViewer = await ctxAs("viewer", ["eu-gdpr"]);
  for (const [i, country] of ["DE", "FR", "US"].entries()) {
    sats.push(
      await registerSatellite(
        admin,
        satelliteInput({ slug: `${tag}-${i}`, country, labels: { tier: i ? "gold" : "bronze" } }),
      ),
    );
  }
  for (const [i, s] of sats.entries()) {
    await db.satelliteFacts.create({ data: { satelliteId: s.id, diskEncrypted: i !== 1, reportedAt: t0 } });
  }
});

describe("policies as data", () => {
  it("creates a policy for an admin only, checking the kind's parameters field by field", async () => {
    expect(
      (
        await refusedWith(
          createPolicy(operator, { id: "x-disk", name: "Disk", kind: "disk-encryption", severity: "high" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const bad = await refusedWith(
      createPolicy(admin, {
        id: "agent",
        name: "Agent",
        kind: "min-agent-version",
        severity: "low",
        params: { version: "new" },
      }),
    );
    expect(bad.fields).toHaveProperty(["params.version"]);
    const noKind = await refusedWith(
      createPolicy(admin, { id: "what", name: "What", kind: "telepathy", severity: "low" }),
    );
    expect(noKind.fields).toHaveProperty("kind");
    await createPolicy(admin, {
      id: "disk",
      name: "Disk encryption",
      kind: "disk-encryption",
      severity: "high",
      frameworks: ["GDPR Art. 32"],
    });
    expect(
      (await refusedWith(createPolicy(admin, { id: "disk", name: "Again", kind: "fips", severity: "low" })))
        .code,
    ).toBe("CONFLICT");
    const audit = await db.auditEvent.findFirst({ where: { action: "policy.create", targetId: "disk" } });
    expect(audit?.actorLabel).toBe(admin.actor.email);
  });

  it("changes a policy by writing a new version, never in place, and an unchanged input writes none", async () => {
    expect(await updatePolicy(admin, "disk", { severity: "critical" })).toEqual({
      id: "disk",
      version: 2,
      changed: true,
    });
    expect((await updatePolicy(admin, "disk", { severity: "critical" })).changed).toBe(false);
    const history = await policyVersions(auditor, "disk");
    expect(history.map((v) => [v.version, v.severity])).toEqual([
      [2, "critical"],
      [1, "high"],
    ]);
    expect((await refusedWith(updatePolicy(admin, "disk", { scope: { regions: [] } }))).fields).toBeDefined();
  });
});

describe("evaluation stores changes only", () => {
  it("writes one result and one change per satellite on the first pass, and nothing on the next", async () => {
    const first = await evaluatePolicies(at(0), { force: true });
    expect(first.mode).toBe("full");
    const results = await db.policyResult.findMany({
      where: { policyId: "disk", satelliteId: { in: sats.map((s) => s.id) } },
    });
    expect(results.map((r) => [r.satelliteId, r.outcome]).sort()).toEqual(
      [
        [sats[0].id, "compliant"],
        [sats[1].id, "violation"],
        [sats[2].id, "compliant"],
      ].sort(),
    );
    const changes = await db.policyResultChange.count({ where: { policyId: "disk" } });
    const again = await evaluatePolicies(at(0.1), { force: true });
    expect(again.writes).toBe(0);
    expect(await db.policyResultChange.count({ where: { policyId: "disk" } })).toBe(changes);
  });

  it("re-evaluates a satellite whose facts changed, with the flip as one change row", async () => {
    await db.satelliteFacts.update({
      where: { satelliteId: sats[1].id },
      data: { diskEncrypted: true, reportedAt: at(0.3) },
    });
    const pass = await evaluatePolicies(at(0.3));
    expect(pass.mode).toBe("changed");
    const r = await db.policyResult.findUniqueOrThrow({
      where: { policyId_satelliteId: { policyId: "disk", satelliteId: sats[1].id } },
    });
    expect([r.outcome, r.since.toISOString()]).toEqual(["compliant", at(0.3).toISOString()]);
    await db.satelliteFacts.update({
      where: { satelliteId: sats[1].id },
      data: { diskEncrypted: false, reportedAt: at(0.5) },
    });
    await evaluatePolicies(at(0.5));
    const flips = await db.policyResultChange.findMany({
      where: { policyId: "disk", satelliteId: sats[1].id },
      orderBy: { at: "asc" },
    });
    expect(flips.map((c) => c.outcome)).toEqual(["violation", "compliant", "violation"]);
  });

  it("turns stale facts into unknown on the periodic full pass", async () => {
    const later = new Date(t0.getTime() + 27 * 3_600_000);
    await evaluatePolicies(later);
    const r = await db.policyResult.findUniqueOrThrow({
      where: { policyId_satelliteId: { policyId: "disk", satelliteId: sats[0].id } },
    });
    expect([r.outcome, r.reason]).toEqual(["unknown", "host facts are older than 26 h"]);
    for (const s of sats)
      await db.satelliteFacts.update({ where: { satelliteId: s.id }, data: { reportedAt: at(4) } });
    await evaluatePolicies(at(4), { force: true });
  });
});

describe("waivers", () => {
  it("needs a reason and an expiry within 180 days, and a satellite or a selector", async () => {
    const base = {
      policyId: "disk",
      satelliteId: sats[1].id,
      reason: "disk swap booked for next week",
      expiresAt: at(60 * 24 * 7),
    };
    expect((await refusedWith(createWaiver(admin, { ...base, reason: "" }, at(5)))).fields).toHaveProperty(
      "reason",
    );
    expect(
      (await refusedWith(createWaiver(admin, { ...base, expiresAt: at(60 * 24 * 181) }, at(5)))).fields,
    ).toHaveProperty("expiresAt");
    expect(
      (await refusedWith(createWaiver(admin, { ...base, labels: { tier: "gold" } }, at(5)))).fields,
    ).toHaveProperty("satelliteId");
    expect((await refusedWith(createWaiver(operator, base, at(5)))).code).toBe("FORBIDDEN");
  });

  it("shows a waived result as waived, never compliant, and keeps it off the violating list", async () => {
    const sat1 = sats[1].id;
    expect(await violatingSatelliteIds(admin, "disk", at(5))).toEqual([sat1]);
    const w = await createWaiver(
      admin,
      {
        policyId: "disk",
        satelliteId: sats[1].slug,
        reason: "disk swap booked for next week",
        expiresAt: at(60),
      },
      at(5),
    );
    expect(await violatingSatelliteIds(admin, "disk", at(6))).toEqual([]);
    const posture = await satellitePosture(admin, sat1, at(6));
    expect(posture.rows.find((r) => r.policyId === "disk")).toMatchObject({
      outcome: "waived",
      result: "violation",
    });
    const disk = (await listPolicies(admin, {}, at(6))).find((p) => p.id === "disk")!;
    expect(disk.counts.waived).toBeGreaterThanOrEqual(1);
    expect(disk.counts.compliant + disk.counts.violation + disk.counts.unknown + disk.counts.waived).toBe(
      disk.counts.total,
    );
    // Expiry is recorded once by the reconciler.
    await evaluatePolicies(at(61));
    await evaluatePolicies(at(62));
    expect(await db.auditEvent.count({ where: { action: "policy.waiver-expire", targetId: w.id } })).toBe(1);
    expect(await violatingSatelliteIds(admin, "disk", at(62))).toEqual([sat1]);
  });

  it("covers every satellite a label selector matches, until revoked", async () => {
    const w = await createWaiver(
      admin,
      {
        policyId: "disk",
        labels: { tier: "gold" },
        reason: "gold tier audited separately",
        expiresAt: at(60 * 24),
      },
      at(63),
    );
    expect(await violatingSatelliteIds(admin, "disk", at(64))).toEqual([]);
    await revokeWaiver(admin, w.id, at(65));
    expect(await violatingSatelliteIds(admin, "disk", at(66))).toEqual([sats[1].id]);
    expect((await refusedWith(revokeWaiver(admin, w.id, at(67)))).code).toBe("CONFLICT");
  });
});

describe("posture for people and auditors", () => {
  it("builds the matrix per region, scoped to a reader's regions", async () => {
    const all = await postureMatrix(admin, at(70));
    expect(all.regions).toEqual(expect.arrayContaining(["eu-gdpr", "us-fedramp"]));
    const eu = await postureMatrix(euViewer, at(70));
    expect(eu.regions).toEqual(["eu-gdpr"]);
    expect(eu.policies.find((p) => p.id === "disk")?.cells["eu-gdpr"]).toMatchObject({
      violation: 1,
      compliant: 1,
    });
  });

  it("rebuilds the posture at a past moment from the change history, for compliance.report only", async () => {
    expect((await refusedWith(postureAt(euViewer, { at: at(0.4).toISOString() }))).code).toBe("FORBIDDEN");
    const then = await postureAt(auditor, { at: at(0.4).toISOString(), region: "eu-gdpr" });
    const disk = then.policies.find((p) => p.id === "disk")!;
    expect(disk.rows.find((r) => r.satelliteId === sats[1].id)?.outcome).toBe("compliant");
    expect(disk.version).toBe(2);
    expect(then.audit.some((a) => a.action === "policy.update")).toBe(false); // outside the period
    expect((await refusedWith(postureAt(auditor, { at: "not a date" }))).fields).toHaveProperty("at");
  });

  it("drops results when a policy is archived, writing a leaving change, and draws the trend", async () => {
    await archivePolicy(admin, "disk", at(80));
    await evaluatePolicies(at(81));
    expect(await db.policyResult.count({ where: { policyId: "disk" } })).toBe(0);
    const left = await db.policyResultChange.count({ where: { policyId: "disk", outcome: null } });
    expect(left).toBe(3);
    const trend = await postureTrend(admin, { days: 3 }, at(90));
    expect(trend).toHaveLength(3);
    expect(trend.at(-1)?.total).toBeGreaterThanOrEqual(0);
  });

  it("keeps counts that equal a scan of the results after passes, a waiver and a decommission", async () => {
    // After the periodic full pass above (27 h after t0): a pass writes with the clock, never before the last.
    const late = (min: number) => new Date(t0.getTime() + 28 * 3_600_000 + min * 60_000);
    /** The matrix as a GROUP BY over the results table would give it. */
    const scanned = async (now: Date) => {
      const results = await db.policyResult.findMany({
        where: { policy: { archivedAt: null }, satellite: { lifecycle: { not: "decommissioned" } } },
        include: { satellite: { select: { regionId: true } } },
      });
      const waived = await waivedPairs(await liveWaivers(now));
      const cells: Record<string, Record<string, Counts>> = {};
      for (const r of results) {
        const c = ((cells[r.policyId] ??= {})[r.satellite.regionId] ??= emptyCounts());
        addCount(c, waived.get(r.policyId)?.has(r.satelliteId) ? "waived" : r.outcome);
      }
      return cells;
    };
    const kept = async (now: Date) =>
      Object.fromEntries((await postureMatrix(admin, now)).policies.map((p) => [p.id, p.cells]));
    for (const s of sats)
      await db.satelliteFacts.update({ where: { satelliteId: s.id }, data: { reportedAt: late(0) } });
    await createPolicy(admin, {
      id: `${tag}-enc`,
      name: "Disk again",
      kind: "disk-encryption",
      severity: "high",
    });
    await evaluatePolicies(late(1), { force: true });
    expect(await kept(late(2))).toEqual(await scanned(late(2)));
    await createWaiver(
      admin,
      {
        policyId: `${tag}-enc`,
        labels: { tier: "gold" },
        reason: "Vendor fix due",
        expiresAt: late(60 * 24 * 30),
      },
      late(3),
    );
    expect(await kept(late(4))).toEqual(await scanned(late(4)));
    await decommissionSatellite(admin, { id: sats[2].id, reason: "Retired" }, late(5));
    fleetState().invalidate({ full: true });
    await evaluatePolicies(late(6));
    expect(await kept(late(7))).toEqual(await scanned(late(7)));
    // A pass whose clock is behind the newest change (a replica's clock, a step back) writes below it.
    const flip = async (i: number, when: Date) => {
      const facts = await db.satelliteFacts.findUniqueOrThrow({ where: { satelliteId: sats[i].id } });
      await db.satelliteFacts.update({
        where: { satelliteId: sats[i].id },
        data: { diskEncrypted: !facts.diskEncrypted },
      });
      expect((await evaluatePolicies(when)).writes).toBeGreaterThan(0);
    };
    await flip(1, late(10));
    expect(await kept(late(11))).toEqual(await scanned(late(11)));
    await flip(0, late(9));
    expect(await kept(late(11))).toEqual(await scanned(late(11)));
  });
});
