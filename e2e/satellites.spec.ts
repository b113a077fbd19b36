import { expect, test } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

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
  const regions = await page.locator("tbody tr td:nth-child(5)").allInnerTexts();
  expect(regions.length).toBe(api.total);
  expect(new Set(regions.map((r) => r.trim()))).toEqual(new Set(["jp-appi"]));

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
  expect(body.error.code).toBe("VALIDATION");
  expect(body.error.fields.limit).toBeTruthy();
});

test("the overview shows the fleet map with its figures", async ({ page }) => {
  await gotoReady(page, "/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Fleet figures" })).toContainText("Satellites");
  await page.locator("[data-map-loaded]").waitFor();
  await page.screenshot({ path: "test-results/screens/overview.png" });
});
