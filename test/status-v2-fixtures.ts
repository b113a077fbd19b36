import { ctxAs, satelliteInput, seedRegions } from "./factories";
import { db } from "../server/db";
import { registerSatellite } from "../server/satellites/register";
import { createStatusPage } from "../server/status/pages";

// Status pages in the states a Statuspage reader meets: all operational, a partial outage, maintenance in
// progress (and one upcoming), a resolved incident; plus unlisted, disabled and roll-up-only pages.

const MIN = 60_000;

async function satellite(
  admin: Awaited<ReturnType<typeof ctxAs>>,
  slug: string,
  country: string,
  health = "healthy",
) {
  const s = await registerSatellite(admin, satelliteInput({ slug, name: slug.toUpperCase(), country }));
  await db.satellite.update({
    where: { id: s.id },
    data: {
      lifecycle: "active",
      lastSeenAt: new Date(),
      staleAfter: new Date(Date.now() + 40_000),
      offlineAfter: new Date(Date.now() + 180_000),
      reportedHealth: health as "healthy",
      recordedConnectivity: "connected",
    },
  });
  return s.id;
}

export type V2Fixtures = { secret: string; rough: string; past: string; works: string; soon: string };

export async function seedV2Pages(): Promise<V2Fixtures> {
  await seedRegions();
  const admin = await ctxAs("admin");
  const page = (slug: string, satelliteSlugs: string, more: Record<string, string> = {}) =>
    createStatusPage(admin, {
      slug,
      title: `${slug} cloud`,
      visibility: "public",
      includeAll: "",
      showSatellites: "on",
      allowedOrigins: "",
      satelliteSlugs,
      ...more,
    });
  await satellite(admin, "calm-fra", "DE");
  await satellite(admin, "calm-nyc", "US");
  const crit = await satellite(admin, "rough-nyc", "US", "critical");
  // One of three satellites unwell: a partial outage of the region (25 % ≤ 33 % < 50 %).
  await satellite(admin, "rough-chi", "US");
  await satellite(admin, "rough-sea", "US");
  const maint = await satellite(admin, "works-zrh", "CH");
  const past = await satellite(admin, "past-lon", "GB");
  await page("calm", "calm-fra\ncalm-nyc");
  await page("rough", "rough-nyc\nrough-chi\nrough-sea");
  await page("works", "works-zrh");
  await page("past", "past-lon");
  await page("rollup", "calm-fra\ncalm-nyc", { showSatellites: "" });
  const unlisted = await page("hidden", "calm-fra", { visibility: "unlisted" });
  await page("gone", "calm-fra", { visibility: "disabled" });
  const secret = (await db.statusPage.findUniqueOrThrow({ where: { id: unlisted.id } })).secret ?? "";

  const now = Date.now();
  const rough = await db.incident.create({
    data: {
      title: "Storage errors in New York",
      impact: "major",
      status: "identified",
      startedAt: new Date(now - 30 * MIN),
      satellites: { create: [{ satelliteId: crit }] },
      updates: {
        create: [
          { status: "investigating", body: "Looking into it.", createdAt: new Date(now - 30 * MIN) },
          { status: "identified", body: "A disk shelf failed.", createdAt: new Date(now - 10 * MIN) },
        ],
      },
    },
  });
  const resolved = await db.incident.create({
    data: {
      title: "London packet loss",
      impact: "minor",
      status: "resolved",
      startedAt: new Date(now - 120 * MIN),
      resolvedAt: new Date(now - 60 * MIN),
      satellites: { create: [{ satelliteId: past }] },
      updates: {
        create: [
          { status: "investigating", body: "Loss on the uplink.", createdAt: new Date(now - 120 * MIN) },
          { status: "monitoring", body: "Rerouted.", createdAt: new Date(now - 90 * MIN) },
          { status: "resolved", body: "Fixed.", createdAt: new Date(now - 60 * MIN) },
        ],
      },
    },
  });
  const works = await db.maintenanceWindow.create({
    data: {
      title: "Router swap in Zurich",
      description: "New core routers.",
      startsAt: new Date(now - 5 * MIN),
      endsAt: new Date(now + 60 * MIN),
      satellites: { create: [{ satelliteId: maint }] },
    },
  });
  const soon = await db.maintenanceWindow.create({
    data: {
      title: "Firmware in Zurich",
      startsAt: new Date(now + 24 * 60 * MIN),
      endsAt: new Date(now + 25 * 60 * MIN),
      satellites: { create: [{ satelliteId: maint }] },
    },
  });
  return { secret, rough: rough.id, past: resolved.id, works: works.id, soon: soon.id };
}
