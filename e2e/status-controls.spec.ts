import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

test.use({ storageState: authFile("admin") });

type Region = { id: string; status: string; source: string };
async function regionOf(page: Page, slug: string, id: string): Promise<Region | undefined> {
  const res = await page.request.get(`/api/status/${slug}`);
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { regions: Region[]; indicator: string; description: string };
  expect(doc.indicator).toMatch(/^(none|minor|major|critical|maintenance)$/);
  expect(doc.description.length).toBeGreaterThan(0);
  return doc.regions.find((r) => r.id === id);
}

test("an admin sets a page's thresholds and pins a region; the public JSON follows, and clearing restores it", async ({
  page,
  satellite,
}, testInfo) => {
  // The satellite fixture reports from Oslo: eu-gdpr has at least one site in service.
  expect(satellite.slug).toBeTruthy();
  const slug = `controls-${Date.now().toString(36)}`;
  await gotoReady(page, "/admin/status-pages/new");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Title").fill("Controls");
  await page.getByLabel("The whole fleet").check();
  await page.getByRole("button", { name: "Create status page" }).click();
  await expect(page.getByRole("heading", { name: "Controls" })).toBeVisible();
  const editUrl = page.url();

  // Thresholds out of order are refused next to the field, and nothing is saved.
  await page.getByLabel("Degraded performance from").fill("30");
  await page.getByLabel("Partial outage from").fill("20");
  await page.getByRole("button", { name: "Save status page" }).click();
  await expect(page.getByText(/must be above the degraded performance threshold/).first()).toBeVisible();
  await page.getByLabel("Degraded performance from").fill("5");
  await page.getByLabel("Partial outage from").fill("20");
  await page.getByLabel("Major outage from").fill("40");
  await page.getByLabel("Hold a new status for").fill("60");
  await page.getByRole("button", { name: "Save status page" }).click();
  await expect(page.getByText("Saved.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Degraded performance from")).toHaveValue("5");
  await expect(page.getByLabel("Hold a new status for")).toHaveValue("60");

  await expect.poll(async () => (await regionOf(page, slug, "eu-gdpr"))?.source).toBe("computed");

  // Pin eu-gdpr to a major outage for 30 minutes.
  const pins = page.locator("#pins");
  await pins.getByLabel("Region").selectOption("eu-gdpr");
  await pins.getByLabel("Status", { exact: true }).selectOption("major_outage");
  await pins.getByLabel("For").selectOption("30m");
  await pins.getByLabel("Reason").fill("Carrier confirmed a fibre cut the satellites cannot see");
  await pins.getByRole("button", { name: "Pin status" }).click();
  await expect(page.getByText("Pinned.", { exact: false })).toBeVisible();
  await expect(pins.getByRole("table", { name: "Pins" })).toContainText("Carrier confirmed a fibre cut");
  await expect
    .poll(async () => regionOf(page, slug, "eu-gdpr"))
    .toMatchObject({ status: "major_outage", source: "pin" });
  await pins.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("pins-desktop.png") });
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await page.setViewportSize({ width: 390, height: 844 });
  await pins.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("pins-phone-dark.png") });
  await page.evaluate(() => (document.documentElement.dataset.theme = "light"));
  await page.setViewportSize({ width: 1440, height: 900 });

  // Clearing it early restores what the satellites say.
  await pins.getByRole("button", { name: /^Clear the pin of/ }).click();
  await expect(page.getByText("The pin was cleared.", { exact: false })).toBeVisible();
  await expect.poll(async () => (await regionOf(page, slug, "eu-gdpr"))?.source).toBe("computed");
  expect(page.url().split("?")[0]).toBe(editUrl.split("?")[0]);
});

test.describe("people without the permission", () => {
  test.use({ storageState: authFile("operator") });

  test("an operator cannot open a status page's controls", async ({ page }) => {
    await gotoReady(page, "/admin/status-pages");
    await expect(page.getByText("You cannot open this page")).toBeVisible();
    await expect(page.getByRole("button", { name: "Pin status" })).toHaveCount(0);
  });
});
