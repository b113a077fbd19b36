import { expect, test } from "@playwright/test";
import { decommissionSatellites } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

test.use({ storageState: authFile("admin") });

test("a join token made in Admin enrolls an agent whose heartbeat shows on the satellite page", async ({
  page,
  request,
  browser,
}) => {
  await gotoReady(page, "/admin/tokens");
  await page.getByLabel("Uses").fill("1");
  await page.getByLabel("Expires in").fill("2h");
  await page.getByLabel("Note").fill("e2e rack");
  await page.getByRole("button", { name: "Create join token" }).click();
  const token = (await page.getByTestId("new-join-token").innerText()).trim();
  expect(token).toMatch(/^orr_join_[A-Za-z0-9_-]{43}$/);

  // The agent protocol is answered on the server entry's machine path, in front of Next.
  const slug = `e2e-agent-${Date.now().toString(36)}`;
  const enroll = await request.post("/api/agent/v1/enroll", {
    data: {
      joinToken: token,
      satellite: {
        slug,
        name: "Oslo Edge E2E",
        kind: "edge",
        provider: "own",
        city: "Oslo",
        country: "NO",
        lat: 59.91,
        lon: 10.75,
        capacity: { cores: 32, memoryGb: 128, storageTb: 8 },
        link: { uplinkMbps: 1000, downlinkMbps: 1000 },
      },
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
    },
  });
  expect(enroll.status()).toBe(201);
  const { agentToken, satelliteId } = await enroll.json();
  const beat = await request.post("/api/agent/v1/heartbeat", {
    headers: { authorization: `Bearer ${agentToken}` },
    data: {
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
      samples: [
        {
          seq: 1,
          at: new Date().toISOString(),
          cpuPct: 12,
          memPct: 40,
          diskPct: 55,
          rxMbps: 120,
          txMbps: 80,
          rttMs: 21,
          lossPct: 0,
          services: { compute: "ok", storage: "degraded" },
        },
      ],
    },
  });
  expect(beat.status()).toBe(200);
  expect(await beat.json()).toMatchObject({ accepted: 1, duplicates: 0, lastSeq: 1 });

  await gotoReady(page, `/satellites/${slug}`);
  await expect(page.getByRole("heading", { name: "Oslo Edge E2E" })).toBeVisible();
  await expect(page.getByText(/^connected — last seen/)).toBeVisible();
  await expect(page.getByText("degraded", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("eu-gdpr").first()).toBeVisible();

  // The used token is listed by its hint only, and can no longer enroll anyone.
  await gotoReady(page, "/admin/tokens?status=used");
  await expect(page.getByText(`orr_join_…${token.slice(-4)}`)).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  const again = await request.post("/api/agent/v1/enroll", {
    data: { joinToken: token, agentVersion: "1", stackVersion: "1" },
  });
  expect(again.status()).toBe(401);
  await decommissionSatellites(browser, [{ slug, satelliteId }]);
});

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });
  test("cannot open join tokens", async ({ page }) => {
    await gotoReady(page, "/admin/tokens");
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  });
});
