// Fixtures that make what a test needs through Orrery's own interfaces, so no spec depends on the demo
// seed's exact contents, on another spec having run first, or on running alone.
import { randomBytes } from "node:crypto";
import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { authFile, gotoReady } from "./helpers";

export { expect };

type SiteInput = {
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
  return { slug, name, satelliteId, beat };
}

export const test = base.extend<{ satellite: EnrolledSatellite }, { joinToken: string }>({
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
  /** A satellite of this test's own, enrolled in eu-gdpr and connected (one heartbeat sent). */
  satellite: async ({ request, joinToken }, provide) => {
    const satellite = await enrollSatellite(request, joinToken);
    await satellite.beat();
    await provide(satellite);
  },
});
