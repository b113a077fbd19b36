// Fixtures that make what a test needs through Orrery's own interfaces, so no spec depends on the demo
// seed's exact contents, on another spec having run first, or on running alone.
import { randomBytes } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Browser } from "@playwright/test";
import { authFile, gotoReady } from "./helpers";

export { expect };

export type SiteInput = {
  name?: string;
  kind?: "datacenter" | "edge" | "cloud" | "colo";
  city?: string;
  /** The compliance region follows the country (NO → eu-gdpr). */
  country?: string;
  lat?: number;
  lon?: number;
};

export type EnrolledSatellite = {
  slug: string;
  name: string;
  satelliteId: string;
  /** The agent's credential, for a simulator that takes the satellite over. */
  agentToken: string;
  /** Sends one heartbeat with one sample, as the agent would; `services` defaults to all ok. */
  beat: (services?: Record<string, "ok" | "degraded" | "down">) => Promise<void>;
};

/** A name no other test, worker or earlier run has used. */
export const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;

export async function enrollSatellite(
  request: APIRequestContext,
  joinToken: string,
  site: SiteInput = {},
): Promise<EnrolledSatellite> {
  const slug = uniqueName("e2e-sat");
  const name = site.name ?? `E2E ${slug}`;
  const res = await request.post("/api/agent/v1/enroll", {
    data: {
      joinToken,
      satellite: {
        slug,
        name,
        kind: site.kind ?? "edge",
        provider: "own",
        city: site.city ?? "Oslo",
        country: site.country ?? "NO",
        lat: site.lat ?? 59.91,
        lon: site.lon ?? 10.75,
        capacity: { cores: 16, memoryGb: 64, storageTb: 4 },
        link: { uplinkMbps: 1000, downlinkMbps: 1000 },
      },
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { agentToken, satelliteId } = (await res.json()) as { agentToken: string; satelliteId: string };
  let seq = 0;
  const beat = async (services: Record<string, "ok" | "degraded" | "down"> = { compute: "ok" }) => {
    seq++;
    const sample = { seq, at: new Date().toISOString(), cpuPct: 20, memPct: 40, diskPct: 50 };
    const metrics = { rxMbps: 100, txMbps: 50, rttMs: 20, lossPct: 0, services };
    const answer = await request.post("/api/agent/v1/heartbeat", {
      headers: { authorization: `Bearer ${agentToken}` },
      data: { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [{ ...sample, ...metrics }] },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  };
  return { slug, name, satelliteId, agentToken, beat };
}

/**
 * Retires satellites the way an admin does, in Admin → Satellites, so they leave every list, map and count;
 * ones already decommissioned are skipped.
 */
export async function decommissionSatellites(
  browser: Browser,
  satellites: readonly Pick<EnrolledSatellite, "slug" | "satelliteId">[],
) {
  if (satellites.length === 0) return;
  const admin = await browser.newPage({ storageState: authFile("admin") });
  for (const { slug, satelliteId } of satellites) {
    const res = await admin.request.get(`/api/v1/satellites/${slug}`);
    expect(res.status(), await res.text()).toBe(200);
    if ((await res.json()).lifecycle === "decommissioned") continue;
    await gotoReady(admin, `/admin/satellites/${satelliteId}`);
    await admin.getByRole("button", { name: `Decommission ${slug}…` }).click();
    const dialog = admin.getByRole("dialog", { name: `Decommission ${slug}?` });
    await dialog.getByLabel("Reason").fill("end-to-end test finished");
    await dialog.getByRole("button", { name: "Decommission", exact: true }).click();
    await expect(admin).toHaveURL(new RegExp(`/satellites/${slug}$`));
  }
  await admin.close();
}

/** Enrolls a satellite of this test's own (in eu-gdpr unless `site` says otherwise), not yet heartbeating. */
export type Enroll = (site?: SiteInput) => Promise<EnrolledSatellite>;

type TestFixtures = {
  enroll: Enroll;
  satellite: EnrolledSatellite;
};

export const test = base.extend<TestFixtures, { joinToken: string }>({
  /** One multi-use join token per worker, made by the admin in Admin → Join tokens. */
  joinToken: [
    async ({ browser }, provide, workerInfo) => {
      const admin = await browser.newPage({ storageState: authFile("admin") });
      await gotoReady(admin, "/admin/tokens");
      await admin.getByLabel("Uses").fill("1000");
      await admin.getByLabel("Expires in").fill("2h");
      await admin.getByLabel("Note").fill(`e2e fixtures, worker ${workerInfo.workerIndex}`);
      await admin.getByRole("button", { name: "Create join token" }).click();
      const token = (await admin.getByTestId("new-join-token").innerText()).trim();
      await admin.close();
      await provide(token);
    },
    { scope: "worker" },
  ],
  /** Whatever the test enrolled is decommissioned when it ends, pass or fail. */
  enroll: async ({ request, joinToken, browser }, provide) => {
    const enrolled: EnrolledSatellite[] = [];
    await provide(async (site) => {
      const satellite = await enrollSatellite(request, joinToken, site);
      enrolled.push(satellite);
      return satellite;
    });
    await decommissionSatellites(browser, enrolled);
  },
  /** A satellite of this test's own, enrolled in eu-gdpr and connected (one heartbeat sent). */
  satellite: async ({ enroll }, provide) => {
    const satellite = await enroll();
    await satellite.beat();
    await provide(satellite);
  },
});
