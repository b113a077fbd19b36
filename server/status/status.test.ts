import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { readableSnapshot } from "./access";
import { getSnapshot } from "./cache";
import { statusVersion } from "./changes";
import { createStatusPage, listStatusPages, rotateStatusPageSecret, updateStatusPage } from "./pages";
import { buildSnapshot } from "./snapshot";
import { computeUptime } from "./uptime";

let admin: Ctx;
let operator: Ctx;
const now = new Date();
const ids: Record<string, string> = {};

async function satellite(
  key: string,
  agoSec: number | null,
  extra: Record<string, unknown> = {},
  health = "healthy",
) {
  const s = await registerSatellite(
    admin,
    satelliteInput({ slug: `st-${key}`, name: `Site ${key}`, ...extra }),
  );
  ids[key] = s.id;
  if (agoSec !== null) {
    const seen = new Date(now.getTime() - agoSec * 1000);
    await db.satellite.update({
      where: { id: s.id },
      data: {
        lifecycle: "active",
        lastSeenAt: seen,
        ...connectivityDeadlines(seen, 10),
        reportedHealth: health as "healthy",
        recordedConnectivity: agoSec > 200 ? "offline" : "connected",
      },
    });
  }
}

function pageInput(extra: Record<string, unknown> = {}) {
  return {
    slug: "fleet",
    title: "Fleet",
    visibility: "public",
    includeAll: "on",
    showSatellites: "on",
    allowedOrigins: "https://intranet.example.com",
    ...extra,
  };
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  await satellite("ok", 5);
  await satellite("sick", 5, {}, "critical");
  await satellite("down", 900, { country: "US", lat: 40.7, lon: -74 });
  await satellite("new", null);
  await satellite("labelled", 5, { country: "FR", labels: { tier: "gold", team: "edge" } });
});

describe("status pages, managed by admins", () => {
  it("refuses operators and anonymous callers, and changes nothing", async () => {
    await expect(createStatusPage(operator, pageInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createStatusPage(anonymous, pageInput())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(listStatusPages(operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.statusPage.count()).toBe(0);
  });

  it("names the field that is wrong", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ allowedOrigins: "https://example.com/path" }, "allowedOrigins[0]"],
      [{ accentColor: "blue" }, "accentColor"],
      [{ slug: "Not A Slug" }, "slug"],
      [{ visibility: "secret" }, "visibility"],
      [{ includeAll: "", regionIds: "mars-gdpr" }, "regionIds"],
      [{ includeAll: "" }, "regionIds"],
      [{ includeAll: "", satelliteSlugs: "no-such-site" }, "satelliteSlugs"],
      [{ logoUrl: "javascript:alert(1)" }, "logoUrl"],
    ];
    for (const [input, field] of cases) {
      const error = await createStatusPage(admin, pageInput(input)).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(AppError);
      expect(Object.keys((error as AppError).fields ?? {}), field).toContain(field);
    }
    expect(await db.statusPage.count()).toBe(0);
  });

  it("creates a page with an audit row, refuses a second page of the same slug, and announces the change", async () => {
    const before = statusVersion();
    const page = await createStatusPage(admin, pageInput());
    expect(statusVersion()).toBeGreaterThan(before);
    expect(await db.auditEvent.count({ where: { targetId: page.id, action: "status-page.create" } })).toBe(1);
    await expect(createStatusPage(admin, pageInput())).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("what a status page shows", () => {
  it("shows names, cities, regions and statuses only, never operational fields", async () => {
    const snapshot = await buildSnapshot("fleet", now, 0);
    expect(snapshot).not.toBeNull();
    const doc = snapshot!.document;
    const components = doc.regions.flatMap((r) => r.components ?? []);
    const byId = new Map(components.map((c) => [c.id, c]));
    expect(byId.get("st-ok")?.status).toBe("operational");
    expect(byId.get("st-sick")?.status).toBe("partial_outage");
    expect(byId.get("st-down")?.status).toBe("major_outage");
    // Never reported: not shown, so it cannot make a region look down.
    expect(byId.has("st-new")).toBe(false);
    for (const c of components)
      expect(Object.keys(c).sort()).toEqual(["city", "country", "id", "name", "status"]);
    const text = snapshot!.json;
    for (const secret of [
      "uplinkMbps",
      "stackVersion",
      "agentVersion",
      "lat",
      "provider",
      "labels",
      "intranet",
    ]) {
      expect(text).not.toContain(secret);
    }
    // The one US site is down: its region is in major outage, one region of two (docs/status-model.md).
    expect(doc.regions.find((r) => r.id === "us-fedramp")).toMatchObject({
      status: "major_outage",
      source: "computed",
    });
    expect(doc.indicator).toBe("major");
    expect(doc.description).toBe("Partial system outage");
    expect(doc.overall).toBe("partial_outage");
  });

  it("selects by region, label and hand, and shows only roll-ups when asked", async () => {
    await createStatusPage(admin, {
      ...pageInput({ slug: "gold", includeAll: "", labels: "team=edge", satelliteSlugs: "st-down" }),
      showSatellites: "",
    });
    const doc = (await buildSnapshot("gold", now, 0))!.document;
    expect(doc.regions.map((r) => r.id).sort()).toEqual(["eu-gdpr", "us-fedramp"]);
    expect(doc.regions.every((r) => r.components === undefined)).toBe(true);
    expect(doc.regions.find((r) => r.id === "eu-gdpr")?.counts.operational).toBe(1);
  });

  it("lists published incidents that touch the page, and maintenance in progress", async () => {
    await db.incident.create({
      data: {
        title: "Link loss in New York",
        impact: "major",
        satellites: { create: [{ satelliteId: ids.down }] },
        updates: { create: [{ status: "investigating", body: "Looking into it." }] },
      },
    });
    await db.incident.create({
      data: { title: "Draft", impact: "minor", isProposed: true, isPublished: false },
    });
    await db.maintenanceWindow.create({
      data: {
        title: "Router swap",
        startsAt: new Date(now.getTime() - 60_000),
        endsAt: new Date(now.getTime() + 3_600_000),
        satellites: { create: [{ satelliteId: ids.ok }] },
      },
    });
    const doc = (await buildSnapshot("fleet", now, 0))!.document;
    expect(doc.activeIncidents.map((i) => i.title)).toEqual(["Link loss in New York"]);
    expect(doc.activeIncidents[0].regions).toEqual(["us-fedramp"]);
    expect(doc.activeIncidents[0].updates[0].body).toBe("Looking into it.");
    expect(doc.maintenance.map((m) => [m.title, m.active])).toEqual([["Router swap", true]]);
    const ok = doc.regions.flatMap((r) => r.components ?? []).find((c) => c.id === "st-ok");
    expect(ok?.status).toBe("under_maintenance");
  });
});

describe("who may read a status page", () => {
  it("hides unlisted pages without their key and disabled pages from everyone", async () => {
    const created = await createStatusPage(admin, pageInput({ slug: "partners", visibility: "unlisted" }));
    const row = await db.statusPage.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await readableSnapshot("partners", null)).toBeNull();
    expect(await readableSnapshot("partners", "wrong")).toBeNull();
    expect((await readableSnapshot("partners", row.secret))?.page.slug).toBe("partners");

    await rotateStatusPageSecret(admin, { id: created.id });
    expect(await readableSnapshot("partners", row.secret)).toBeNull();

    await updateStatusPage(admin, {
      ...pageInput({ slug: "partners", visibility: "disabled" }),
      id: created.id,
    });
    const fresh = await db.statusPage.findUniqueOrThrow({ where: { id: created.id } });
    expect(await readableSnapshot("partners", fresh.secret)).toBeNull();
    expect(await readableSnapshot("no-such-page", null)).toBeNull();
    expect(await readableSnapshot("../etc", null)).toBeNull();
  });

  it("rebuilds a cached snapshot as soon as a page changes", async () => {
    const first = await getSnapshot("fleet");
    expect(first?.document.page.title).toBe("Fleet");
    const page = await db.statusPage.findUniqueOrThrow({ where: { slug: "fleet" } });
    await updateStatusPage(admin, { ...pageInput({ title: "Fleet status" }), id: page.id });
    expect((await getSnapshot("fleet"))?.document.page.title).toBe("Fleet status");
  });
});

describe("uptime from recorded connectivity", () => {
  it("counts an offline spell as downtime from when a satellite was first seen", async () => {
    const sat = ids.labelled;
    const firstSeen = new Date(now.getTime() - 3 * 3_600_000);
    await db.connectivityEvent.createMany({
      data: [
        { satelliteId: sat, from: "never_seen", to: "connected", at: firstSeen },
        { satelliteId: sat, from: "connected", to: "offline", at: new Date(now.getTime() - 2 * 3_600_000) },
        { satelliteId: sat, from: "offline", to: "connected", at: new Date(now.getTime() - 3_600_000) },
      ],
    });
    const snapshot = (await buildSnapshot("fleet", now, 0))!;
    const uptime = await computeUptime(snapshot, now);
    const days = uptime.components["st-labelled"];
    expect(days).toHaveLength(90);
    const observed = days.reduce((n, d) => n + d.observedMinutes, 0);
    const down = days.reduce((n, d) => n + d.downMinutes, 0);
    expect(down).toBeCloseTo(60, 0);
    expect(observed).toBeCloseTo(180, 0);
    // Days before it was first seen have no data rather than 100 %.
    expect(days[0].uptimePct).toBeNull();
    expect(uptime.regions["eu-gdpr"]).toHaveLength(90);
  });
});
