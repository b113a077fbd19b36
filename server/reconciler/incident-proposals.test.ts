import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { dismissProposal, publishIncident } from "../incidents/publish";
import { openIncident } from "../incidents/open";
import { resolveIncident } from "../incidents/timeline";
import { registerSatellite } from "../satellites/register";
import { offlineClusters, proposalImpact, proposeIncidents } from "./incident-proposals";

let admin: Ctx;
let operator: Ctx;
const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
});

/** Active satellites in the country's region, none of them offline yet. */
async function fleet(country: string, count: number): Promise<{ id: string; slug: string }[]> {
  const out: { id: string; slug: string }[] = [];
  for (let i = 0; i < count; i++) {
    const s = await registerSatellite(admin, satelliteInput({ country }));
    await db.satellite.update({ where: { id: s.id }, data: { lifecycle: "active" } });
    out.push(s);
  }
  return out;
}

/** What the connectivity step records when a satellite stops reporting. */
async function goOffline(satelliteId: string, when: Date) {
  await db.satellite.update({ where: { id: satelliteId }, data: { recordedConnectivity: "offline" } });
  await db.connectivityEvent.create({ data: { satelliteId, from: "stale", to: "offline", at: when } });
}

const proposalsIn = (regionId: string) =>
  db.incident.findMany({
    where: { regionId },
    include: { satellites: true, updates: true },
    orderBy: { startedAt: "asc" },
  });

describe("offlineClusters (pure)", () => {
  const e = (satelliteId: string, regionId: string, min: number) => ({ satelliteId, regionId, at: at(min) });

  it("needs three satellites of one region within five minutes", () => {
    expect(offlineClusters([e("a", "r", 0), e("b", "r", 2), e("c", "r", 5)], at(6))).toEqual([
      { regionId: "r", satelliteIds: ["a", "b", "c"], firstAt: at(0), lastAt: at(5) },
    ]);
    expect(offlineClusters([e("a", "r", 0), e("b", "r", 3), e("c", "r", 6)], at(7))).toEqual([]);
    expect(offlineClusters([e("a", "r", 0), e("b", "r", 1), e("c", "s", 1)], at(2))).toEqual([]);
  });

  it("counts a flapping satellite once and ignores events outside the last ten minutes", () => {
    expect(offlineClusters([e("a", "r", 0), e("a", "r", 1), e("b", "r", 1)], at(2))).toEqual([]);
    expect(offlineClusters([e("a", "r", 0), e("b", "r", 0), e("c", "r", 1)], at(11))).toEqual([]);
    expect(offlineClusters([e("a", "r", 0), e("b", "r", 0), e("c", "r", 1)], at(-1))).toEqual([]);
  });

  it("names every recent satellite of the region, not only the densest window", () => {
    const [cluster] = offlineClusters(
      [e("x", "r", 0), e("a", "r", 6), e("b", "r", 7), e("c", "r", 8)],
      at(9),
    );
    expect(cluster.satelliteIds).toEqual(["x", "a", "b", "c"]);
    expect(cluster.firstAt).toEqual(at(0));
  });

  it("rates half the region's active satellites or more as major", () => {
    expect(proposalImpact(3, 6)).toBe("major");
    expect(proposalImpact(3, 7)).toBe("minor");
    expect(proposalImpact(3, 0)).toBe("major");
  });
});

describe("proposeIncidents", () => {
  it("proposes one unpublished draft per outage, with its satellites, first update and a system audit row", async () => {
    const sats = await fleet("JP", 5);
    await goOffline(sats[0].id, at(0));
    await goOffline(sats[1].id, at(1));
    await goOffline(sats[2].id, at(3));
    expect(await proposeIncidents(at(4))).toBe(1);
    const [proposal] = await proposalsIn("jp-appi");
    expect(proposal).toMatchObject({
      title: "3 satellites offline in jp-appi",
      impact: "major", // 3 of 5 active
      status: "investigating",
      isProposed: true,
      isPublished: false,
      dismissedAt: null,
      regionId: "jp-appi",
    });
    expect(proposal.satellites.map((s) => s.satelliteId).sort()).toEqual(
      sats
        .slice(0, 3)
        .map((s) => s.id)
        .sort(),
    );
    expect(proposal.updates).toHaveLength(1);
    // The body may be published as it is: counts and the region, never the satellites' names.
    expect(proposal.updates[0].body).toMatch(/^3 satellites in jp-appi stopped reporting/);
    for (const s of sats.slice(0, 3)) expect(proposal.updates[0].body).not.toContain(s.slug);
    expect(proposal.updates[0].authorId).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: proposal.id } });
    for (const s of sats.slice(0, 3)) expect(audit.summary).toContain(s.slug);
    expect(audit).toMatchObject({
      action: "incident.propose",
      actorType: "system",
      actorLabel: "reconciler",
    });

    // Later ticks, and a fourth satellite joining the outage, add nothing: the open proposal covers it.
    expect(await proposeIncidents(at(4.1))).toBe(0);
    await goOffline(sats[3].id, at(5));
    expect(await proposeIncidents(at(6))).toBe(0);
    expect(await proposalsIn("jp-appi")).toHaveLength(1);
  });

  it("is safe with two reconcilers ticking at once", async () => {
    const sats = await fleet("KR", 3);
    for (const [i, s] of sats.entries()) await goOffline(s.id, at(i));
    const results = await Promise.all([proposeIncidents(at(3)), proposeIncidents(at(3))]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await proposalsIn("kr-pipa")).toHaveLength(1);
  });

  it("rates a small share of the region as minor", async () => {
    const sats = await fleet("CA", 7);
    for (const [i, s] of sats.slice(0, 3).entries()) await goOffline(s.id, at(i));
    await proposeIncidents(at(3));
    const [proposal] = await proposalsIn("ca-pipeda");
    expect(proposal.impact).toBe("minor");
  });

  it("stays quiet for a spread-out trickle, for satellites already back, and for planned maintenance", async () => {
    const spread = await fleet("SG", 3);
    await goOffline(spread[0].id, at(0));
    await goOffline(spread[1].id, at(3));
    await goOffline(spread[2].id, at(6));
    expect(await proposeIncidents(at(7))).toBe(0);

    const back = await fleet("IN", 3);
    for (const [i, s] of back.entries()) await goOffline(s.id, at(i));
    await db.satellite.update({ where: { id: back[0].id }, data: { recordedConnectivity: "connected" } });
    expect(await proposeIncidents(at(3))).toBe(0);

    const planned = await fleet("BR", 3);
    for (const [i, s] of planned.entries()) await goOffline(s.id, at(i));
    await db.maintenanceWindow.create({
      data: {
        title: "Rack move",
        startsAt: at(-5),
        endsAt: at(60),
        satellites: { create: [{ satelliteId: planned[0].id }] },
      },
    });
    expect(await proposeIncidents(at(3))).toBe(0);
    expect(await db.incident.count({ where: { regionId: { in: ["sg-pdpa", "in-dpdp", "br-lgpd"] } } })).toBe(
      0,
    );
  });

  it("does not propose again after a dismissal, but does for a new outage later", async () => {
    const sats = await fleet("AU", 6);
    for (const [i, s] of sats.slice(0, 3).entries()) await goOffline(s.id, at(i));
    expect(await proposeIncidents(at(3))).toBe(1);
    const [first] = await proposalsIn("au-irap");
    await dismissProposal(operator, { id: first.id }, at(3.5));
    expect(await proposeIncidents(at(4))).toBe(0);
    expect(await proposeIncidents(at(9))).toBe(0);

    // Twenty minutes on, the first outage has aged out; three others go down together.
    for (const [i, s] of sats.slice(3).entries()) await goOffline(s.id, at(20 + i));
    expect(await proposeIncidents(at(23))).toBe(1);
    const [, second] = await proposalsIn("au-irap");
    expect(second.satellites.map((s) => s.satelliteId).sort()).toEqual(
      sats
        .slice(3)
        .map((s) => s.id)
        .sort(),
    );
  });

  it("is covered by an operator's open incident on the same satellites, and not by a resolved one", async () => {
    const sats = await fleet("CH", 3);
    for (const [i, s] of sats.entries()) await goOffline(s.id, at(i));
    const opened = await openIncident(
      operator,
      {
        title: "Zurich power feed",
        impact: "major",
        body: "Utility feed lost.",
        satellites: sats.map((s) => s.slug),
        isPublished: true,
      },
      at(2),
    );
    expect(await proposeIncidents(at(3))).toBe(0);
    await resolveIncident(operator, { id: opened.id }, at(3.5));
    expect(await proposeIncidents(at(4))).toBe(1);
  });

  it("a published proposal becomes a normal open incident that keeps covering the region", async () => {
    const sats = await fleet("GB", 3);
    for (const [i, s] of sats.entries()) await goOffline(s.id, at(i));
    expect(await proposeIncidents(at(3))).toBe(1);
    const [proposal] = await proposalsIn("uk-gdpr");
    await publishIncident(operator, { id: proposal.id });
    expect(await db.incident.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      isProposed: false,
      isPublished: true,
    });
    expect(await proposeIncidents(at(4))).toBe(0);
  });
});
