import { decommissionSatellites, expect, test, uniqueName } from "./fixtures";
import { authFile, gotoReady, registerInAdmin } from "./helpers";

test.use({ storageState: authFile("viewer") });

test("the satellites list filters, sorts and pages on the server and opens a detail page", async ({
  page,
  request,
  enroll,
}) => {
  // One of this test's own in jp-appi, so the region filter and the search find something whatever else exists.
  const own = await enroll({ city: "Tokyo", country: "JP", lat: 35.68, lon: 139.69 });
  await gotoReady(page, "/satellites");
  await expect(page.getByRole("heading", { name: "Satellites" })).toBeVisible();
  const all = await (await request.get("/api/v1/satellites?limit=1")).json();
  expect(all.total).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(`${all.total} satellites match`)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/satellites.png" });

  await page.getByLabel("Region").selectOption("jp-appi");
  await expect(page).toHaveURL(/region=jp-appi/);
  const api = await (await request.get("/api/v1/satellites?region=jp-appi")).json();
  expect(api.total).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(`${api.total} satellites match`)).toBeVisible();
  const regions = await page.locator('tbody tr td[data-label="Region"]').allInnerTexts();
  expect(regions.length).toBe(api.total);
  expect(new Set(regions.map((r) => r.trim()))).toEqual(new Set(["jp-appi"]));

  await page.getByRole("link", { name: "Satellite", exact: true }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await page.getByRole("link", { name: "Satellite ↑" }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.getByRole("link", { name: "Satellite ↓" })).toBeVisible();

  await page.getByLabel("Search").fill(own.slug);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${own.slug}`));
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.locator("tbody tr").getByRole("link", { name: own.name }).click();
  await expect(page.getByRole("heading", { name: own.name })).toBeVisible();
  await expect(page.getByText("never seen — no heartbeat yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Capacity and link" })).toBeVisible();
});

test("the JSON API answers with the same filters and a clear error for bad input", async ({
  request,
  enroll,
}) => {
  for (let i = 0; i < 2; i++) await enroll({ kind: "edge" });
  const page = await (await request.get("/api/v1/satellites?kind=edge&limit=2")).json();
  expect(page.items).toHaveLength(2);
  expect(page.items.every((s: { kind: string }) => s.kind === "edge")).toBe(true);
  const bad = await request.get("/api/v1/satellites?limit=zero");
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(body.code).toBe("VALIDATION");
  expect(body.errors[0].field).toBe("limit");
});

test("the overview shows the fleet map with its figures", async ({ page }) => {
  await gotoReady(page, "/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Fleet figures" })).toContainText("Satellites");
  await page.locator("[data-map-loaded]").waitFor();
  await page.screenshot({ path: "test-results/screens/overview.png" });
});

test("the list puts the worst first, says when each satellite was last seen, and sorts by health", async ({
  page,
  enroll,
}) => {
  // Four of this test's own, found together by their city.
  const city = uniqueName("Sortby");
  const site = { city, country: "NO", lat: 59.91, lon: 10.75 };
  const healthy = await enroll({ ...site, name: `${city} a healthy` });
  const critical = await enroll({ ...site, name: `${city} b critical` });
  const degraded = await enroll({ ...site, name: `${city} c degraded` });
  const never = await enroll({ ...site, name: `${city} d never` });
  await healthy.beat({ compute: "ok", storage: "ok" });
  await critical.beat({ compute: "degraded", storage: "down" });
  await degraded.beat({ compute: "degraded", storage: "ok" });

  await gotoReady(page, `/satellites?q=${city}`);
  const names = () => page.locator("tbody tr td[data-label='Satellite'] a").allInnerTexts();
  // Severity, then name: critical, degraded, never seen, healthy.
  expect(await names()).toEqual([critical.name, degraded.name, never.name, healthy.name]);
  const health = page.getByRole("columnheader", { name: "Health ↑" });
  await expect(health).toHaveAttribute("aria-sort", "ascending");
  const lastSeen = page.locator("tbody tr td[data-label='Last seen']");
  await expect(lastSeen.nth(0)).toHaveText(/^\d+ s ago$/);
  await expect(lastSeen.nth(2)).toHaveText("never");
  await expect(lastSeen.nth(0).locator("time")).toHaveAttribute("title", /UTC$/);

  await health.getByRole("link").click();
  await expect(page).toHaveURL(/sort=severity&dir=desc/);
  await expect.poll(names).toEqual([healthy.name, never.name, degraded.name, critical.name]);
  await page.getByRole("link", { name: "Last seen" }).click();
  await expect(page).toHaveURL(/sort=lastSeen&dir=asc/);
  await expect.poll(async () => (await names()).at(-1)).toBe(never.name);

  // The satellite's page says why it is critical and since when.
  await gotoReady(page, `/satellites/${critical.slug}`);
  const why = page.getByRole("region", { name: "Why this status" });
  await expect(why).toContainText("Critical: storage is down since");
  await expect(why).toContainText("Also degraded: compute.");
  await expect(why.locator("time")).toHaveAttribute("title", /UTC$/);
  await gotoReady(page, `/satellites/${healthy.slug}`);
  await expect(page.getByRole("region", { name: "Why this status" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/satellite-why.png" });
});

test.describe("a satellite never heard from", () => {
  test.use({ storageState: authFile("admin") });

  test("shows how to enroll it, offers no command, and turns live when its agent reports", async ({
    page,
    request,
    browser,
  }) => {
    const slug = uniqueName("e2e-new");
    await registerInAdmin(page, slug, `E2E ${slug}`);
    const id = (await (await page.request.get(`/api/v1/satellites/${slug}`)).json()).id as string;
    try {
      const card = page.getByRole("region", { name: "Enroll this satellite" });
      await expect(card).toContainText("Orrery has never heard from this satellite");
      await expect(card.locator(".snippet code")).toContainText("--join-token orr_join_…");
      // Commands ride on heartbeats: the composer is replaced by why none could arrive.
      const commands = page.getByRole("region", { name: "Commands" });
      await expect(commands).toContainText("has never sent a heartbeat");
      await expect(commands.getByLabel("Command", { exact: true })).toHaveCount(0);

      await card.getByRole("button", { name: `Create a join token for ${slug}` }).click();
      await expect(card.getByRole("status")).toContainText("shown only this once");
      const command = (await card.locator(".snippet code").innerText()).trim();
      expect(command).toMatch(
        /^npx tsx agent\/agent\.ts --core http\S+ --join-token orr_join_\S+ --state-dir \S+$/,
      );
      const joinToken = /--join-token (\S+)/.exec(command)![1];
      expect(joinToken).not.toContain("…");

      // The token is bound to this satellite: the agent enrolls with nothing else, and its first beat turns
      // the page live without a reload.
      const enrolled = await request.post("/api/agent/v1/enroll", {
        data: { joinToken, agentVersion: "1.4.0", stackVersion: "2026.11.1" },
      });
      expect(enrolled.status(), await enrolled.text()).toBe(201);
      const { agentToken, satelliteId } = await enrolled.json();
      expect(satelliteId).toBe(id);
      const sample = { seq: 1, at: new Date().toISOString(), cpuPct: 20, memPct: 40, diskPct: 50 };
      const beat = await request.post("/api/agent/v1/heartbeat", {
        headers: { authorization: `Bearer ${agentToken}` },
        data: {
          agentVersion: "1.4.0",
          stackVersion: "2026.11.1",
          samples: [
            { ...sample, rxMbps: 1, txMbps: 1, rttMs: 20, lossPct: 0, services: { compute: "down" } },
          ],
        },
      });
      expect(beat.status(), await beat.text()).toBe(200);
      await expect(card).toHaveCount(0, { timeout: 15_000 });
      await expect(page.getByRole("region", { name: "Why this status" })).toContainText("compute is down");
      await expect(commands.getByLabel("Command", { exact: true })).toBeVisible();

      // The token was audited like one made in Admin → Join tokens.
      await gotoReady(page, `/audit?q=${slug}`);
      await expect(page.getByText(`bound to ${slug}`).first()).toBeVisible();
    } finally {
      await decommissionSatellites(browser, [{ slug, satelliteId: id }]);
    }
  });
});
