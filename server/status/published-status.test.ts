import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { openIncident } from "../incidents/open";
import { postIncidentUpdate } from "../incidents/timeline";
import { registerSatellite } from "../satellites/register";
import { evaluateStatusPages } from "./evaluate";
import { createStatusPage, updateStatusPage } from "./pages";
import { clearPin, listPins, pinComponent } from "./pins";
import { buildSnapshot } from "./snapshot";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
let pageId: string;
const t0 = new Date("2026-03-01T12:00:00Z");
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);
const slugs: string[] = [];

/** Marks satellites seen at `when` (connected) or 20 minutes before it (offline). */
async function setSeen(indexes: number[], when: Date, isOffline: boolean) {
  const seen = new Date(when.getTime() - (isOffline ? 20 * 60_000 : 0));
  await db.satellite.updateMany({
    where: { slug: { in: indexes.map((i) => slugs[i]) } },
    data: { lastSeenAt: seen, ...connectivityDeadlines(seen, 10) },
  });
}
const doc = async (now: Date) => (await buildSnapshot("pub", now, 0))!.document;
const region = async (now: Date) => (await doc(now)).regions.find((r) => r.id === "eu-gdpr")!;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
  // Ten satellites in one region (eu-gdpr, Germany).
  for (let i = 0; i < 10; i++) {
    const s = await registerSatellite(admin, satelliteInput({ slug: `pub-${i}`, name: `Pub ${i}` }));
    slugs.push(s.slug);
    await db.satellite.update({
      where: { id: s.id },
      data: { lifecycle: "active", reportedHealth: "healthy" },
    });
  }
  await setSeen([...slugs.keys()], t0, false);
  pageId = (
    await createStatusPage(admin, {
      slug: "pub",
      title: "Pub",
      visibility: "public",
      includeAll: "on",
      showSatellites: "on",
      allowedOrigins: "",
      debounceSec: "60",
    })
  ).id;
});

describe("published status across replicas", () => {
  it("a new page publishes its computed status at once, and the reconciler stores it", async () => {
    expect((await region(t0)).status).toBe("operational");
    expect(await evaluateStatusPages(t0)).toMatchObject({ changed: 1 });
    const rows = await db.statusComponentState.findMany({ where: { statusPageId: pageId } });
    expect(rows.map((r) => [r.component, r.published]).sort()).toEqual([["eu-gdpr", "operational"]]);
  });

  it("holds a worse status for the debounce, then publishes it from the stored state", async () => {
    await setSeen([0, 1, 2], at(10), true);
    await setSeen([3, 4, 5, 6, 7, 8, 9], at(10), false);
    await evaluateStatusPages(at(10));
    const waiting = await db.statusComponentState.findUniqueOrThrow({
      where: { statusPageId_component: { statusPageId: pageId, component: "eu-gdpr" } },
    });
    expect(waiting).toMatchObject({ published: "operational", candidate: "partial_outage" });
    // Any replica reading now publishes the stored state, not the raw 30 %.
    // The counts already show the outage: the row says its status is under watch.
    expect(await region(at(20))).toMatchObject({
      status: "operational",
      source: "computed",
      settling: "worsening",
    });
    await setSeen([3, 4, 5, 6, 7, 8, 9], at(75), false);
    await setSeen([0, 1, 2], at(75), true);
    await evaluateStatusPages(at(75));
    expect(await region(at(75))).toMatchObject({ status: "partial_outage", source: "computed" });
    expect((await region(at(75))).counts.major_outage).toBe(3);
    expect(await region(at(75))).not.toHaveProperty("settling");
  });

  it("does not rewrite states that did not move", async () => {
    const before = await db.statusComponentState.findMany({ where: { statusPageId: pageId } });
    expect(await evaluateStatusPages(at(76))).toMatchObject({ changed: 0 });
    const after = await db.statusComponentState.findMany({ where: { statusPageId: pageId } });
    expect(after.map((r) => r.updatedAt.getTime()).sort()).toEqual(
      before.map((r) => r.updatedAt.getTime()).sort(),
    );
  });

  it("leaves disabled pages alone", async () => {
    const hidden = await createStatusPage(admin, {
      slug: "off",
      title: "Off",
      visibility: "disabled",
      includeAll: "on",
      allowedOrigins: "",
    });
    await evaluateStatusPages(at(77));
    expect(await db.statusComponentState.count({ where: { statusPageId: hidden.id } })).toBe(0);
  });
});

describe("thresholds a page admin sets", () => {
  const base = { slug: "pub", title: "Pub", visibility: "public", includeAll: "on", allowedOrigins: "" };

  it("refuses thresholds out of order or range, naming the field, and changes nothing", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ degradedPct: "0" }, "degradedPct"],
      [{ degradedPct: "30", partialPct: "25" }, "partialPct"],
      [{ majorPct: "20" }, "majorPct"],
      [{ majorPct: "101" }, "majorPct"],
      [{ debounceSec: "3601" }, "debounceSec"],
      [{ debounceSec: "ten" }, "debounceSec"],
    ];
    for (const [patch, field] of cases) {
      const error = await updateStatusPage(admin, { ...base, id: pageId, ...patch }).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(AppError);
      expect(Object.keys((error as AppError).fields ?? {}), field).toContain(field);
    }
    const row = await db.statusPage.findUniqueOrThrow({ where: { id: pageId } });
    expect(row).toMatchObject({ degradedPct: 10, partialPct: 25, majorPct: 50, debounceSec: 60 });
  });

  it("applies a page's thresholds to its regions", async () => {
    await updateStatusPage(admin, {
      ...base,
      id: pageId,
      degradedPct: "5",
      partialPct: "40",
      majorPct: "80",
      debounceSec: "0",
    });
    await evaluateStatusPages(at(80));
    // 3 of 10 offline: 30 % is degraded under these thresholds.
    expect((await region(at(80))).status).toBe("degraded_performance");
  });
});

describe("pins", () => {
  const pin = (extra: Record<string, unknown> = {}) => ({
    statusPageId: pageId,
    component: "eu-gdpr",
    status: "major_outage",
    duration: "30m",
    reason: "Fibre cut confirmed by the carrier",
    ...extra,
  });

  it("refuses operators, viewers and anonymous callers, and changes nothing", async () => {
    await expect(pinComponent(operator, pin(), at(100))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(pinComponent(viewer, pin(), at(100))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(pinComponent(anonymous, pin(), at(100))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(listPins(viewer, pageId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.statusPin.count()).toBe(0);
  });

  it("names what is wrong: a missing reason, an unknown region, a date past a week", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: "" }, "reason"],
      [{ component: "mars" }, "component"],
      [{ status: "broken" }, "status"],
      [{ duration: "until" }, "until"],
      [{ duration: "until", until: at(8 * 86_400).toISOString() }, "until"],
      [{ duration: "until", until: at(-60).toISOString() }, "until"],
    ];
    for (const [patch, field] of cases) {
      const error = await pinComponent(admin, pin(patch), at(100)).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(AppError);
      expect(Object.keys((error as AppError).fields ?? {}), field).toContain(field);
    }
    expect(await db.statusPin.count()).toBe(0);
  });

  it("a pin wins at once, is audited, listed with who and until, and stops on its own when it expires", async () => {
    const { id } = await pinComponent(admin, pin({ status: "operational" }), at(100));
    expect(await region(at(101))).toMatchObject({ status: "operational", source: "pin" });
    const audit = await db.auditEvent.findMany({ where: { action: "status-page.pin", targetId: pageId } });
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain("Fibre cut confirmed");
    const [listed] = await listPins(admin, pageId, at(101));
    expect(listed).toMatchObject({ id, status: "operational", isActive: true });
    expect(listed.createdBy).toContain("admin");
    expect(listed.expiresAt).toBe(at(100 + 1800).toISOString());
    // 31 minutes later the pin has expired: the satellites speak again.
    expect(await region(at(100 + 1860))).toMatchObject({
      status: "degraded_performance",
      source: "computed",
    });
  });

  it("clearing early restores the computed status, audited; clearing twice is refused", async () => {
    const { id } = await pinComponent(admin, pin({ duration: "4h" }), at(200));
    expect((await doc(at(201))).indicator).toBe("critical");
    await expect(clearPin(operator, { id }, at(210))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await clearPin(admin, { id }, at(210));
    expect(await region(at(211))).toMatchObject({ status: "degraded_performance", source: "computed" });
    expect(await db.auditEvent.count({ where: { action: "status-page.unpin", targetId: pageId } })).toBe(1);
    await expect(clearPin(admin, { id }, at(212))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a new pin of the same region replaces the one before", async () => {
    await pinComponent(admin, pin({ status: "partial_outage" }), at(300));
    await pinComponent(admin, pin({ status: "under_maintenance", duration: "1h" }), at(301));
    const active = (await listPins(admin, pageId, at(302))).filter((p) => p.isActive);
    expect(active.map((p) => p.status)).toEqual(["under_maintenance"]);
    expect((await region(at(302))).status).toBe("under_maintenance");
    await clearPin(admin, { id: active[0].id }, at(303));
  });
});

describe("incidents set the status of the components they name", () => {
  it("the author's status applies at once, unless the satellites say worse; impact raises the page", async () => {
    await setSeen([...slugs.keys()], at(400), false);
    await evaluateStatusPages(at(400));
    expect((await doc(at(400))).indicator).toBe("none");
    const { id } = await openIncident(
      operator,
      {
        title: "Packet loss in Frankfurt",
        impact: "minor",
        body: "Looking into it.",
        satellites: slugs[0],
        isPublished: "on",
        componentStatus: "partial_outage",
      },
      at(401),
    );
    expect(await region(at(402))).toMatchObject({ status: "partial_outage", source: "incident" });
    expect((await doc(at(402))).indicator).toBe("major");
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).componentStatus).toBe("partial_outage");

    await postIncidentUpdate(
      operator,
      { id, status: "identified", impact: "major", body: "Found it.", componentStatus: "auto" },
      at(403),
    );
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).componentStatus).toBeNull();
    // Follows the impact: major → partial outage.
    expect(await region(at(404))).toMatchObject({ status: "partial_outage", source: "incident" });
    await postIncidentUpdate(
      operator,
      { id, status: "monitoring", impact: "major", body: "Better.", componentStatus: "degraded_performance" },
      at(405),
    );
    await setSeen([0, 1, 2, 3, 4, 5], at(406), true);
    await evaluateStatusPages(at(406));
    // 60 % offline under the 80 % major threshold: partial outage, worse than the incident says.
    expect(await region(at(406))).toMatchObject({ status: "partial_outage", source: "computed" });
    await postIncidentUpdate(operator, { id, status: "resolved", impact: "major", body: "Fixed." }, at(407));
    expect((await doc(at(407))).activeIncidents).toHaveLength(0);
  });

  it("refuses a component status that is not one", async () => {
    const error = await openIncident(operator, {
      title: "Bad",
      impact: "minor",
      body: "x",
      satellites: slugs[0],
      componentStatus: "on_fire",
    }).catch((e: unknown) => e);
    expect(Object.keys((error as AppError).fields ?? {})).toContain("componentStatus");
  });
});
