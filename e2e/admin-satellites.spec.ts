import { expect, test, type Page } from "@playwright/test";
import { authFile, gotoReady } from "./helpers";

async function fillSatelliteForm(page: Page, slug: string, overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    Slug: slug,
    Name: "Lisbon Edge 07",
    Provider: "own",
    City: "Lisbon",
    Latitude: "38.72",
    Longitude: "-9.14",
    Cores: "96",
    "Memory (GB)": "768",
    "Storage (TB)": "60",
    "Uplink (Mbps)": "10000",
    "Downlink (Mbps)": "10000",
    Labels: "tier=gold\nenv=prod",
    ...overrides,
  };
  for (const [label, value] of Object.entries(values))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Kind").selectOption("edge");
  await page.getByLabel("Country").selectOption("PT");
}

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("registers, edits and decommissions a satellite", async ({ page }) => {
    const slug = `pt-lis-e2e-${Date.now().toString(36)}`;
    await gotoReady(page, "/admin/satellites");
    await page.getByRole("link", { name: "Register satellite" }).click();
    await expect(page.getByRole("heading", { name: "Register a satellite" })).toBeVisible();

    // A bad latitude is refused with the field named, and nothing is created.
    await fillSatelliteForm(page, slug, { Latitude: "95" });
    await page.getByRole("button", { name: "Register satellite" }).click();
    await expect(page.getByText("latitude must be between -90 and 90").first()).toBeVisible();
    await expect(page.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");
    const none = await page.request.get(`/api/v1/satellites?q=${slug}`);
    expect((await none.json()).total).toBe(0);

    await page.getByLabel("Latitude").fill("38.72");
    await page.getByRole("button", { name: "Register satellite" }).click();
    await expect(page).toHaveURL(new RegExp(`/satellites/${slug}$`));
    await expect(page.getByRole("heading", { name: "Lisbon Edge 07" })).toBeVisible();
    await expect(page.getByText("eu-gdpr").first()).toBeVisible();
    await expect(page.getByText("tier=gold")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/satellite-detail.png", fullPage: true });

    await page.getByRole("link", { name: "Edit in Admin" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Lisbon Edge 07 (Alfama)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: "Lisbon Edge 07 (Alfama)" })).toBeVisible();

    await page.getByRole("link", { name: "Edit in Admin" }).click();
    await page.getByRole("button", { name: `Decommission ${slug}…` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").fill("Site consolidated into Porto");
    await dialog.getByRole("button", { name: "Decommission" }).click();
    await expect(page).toHaveURL(new RegExp(`/satellites/${slug}$`));
    await expect(page.getByText("decommissioned", { exact: true })).toBeVisible();
    const gone = await page.request.get(`/api/v1/satellites?q=${slug}`);
    expect((await gone.json()).total).toBe(0);

    await gotoReady(page, "/audit?action=satellite.");
    await expect(page.getByText(`Decommissioned ${slug}: Site consolidated into Porto`)).toBeVisible();
  });
});

test("a viewer's call to the admin register action is refused and changes nothing", async ({ browser }) => {
  const slug = `pt-lis-forged-${Date.now().toString(36)}`;
  // Capture the exact request the admin's form would send, without letting it through.
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const adminPage = await admin.newPage();
  await gotoReady(adminPage, "/admin/satellites/new");
  await fillSatelliteForm(adminPage, slug);
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await adminPage.route("**/admin/satellites/new", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  await adminPage.getByRole("button", { name: "Register satellite" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const forged = captured as unknown as { headers: Record<string, string>; body: Buffer };

  // Replay it with a viewer's session.
  const viewer = await browser.newContext({ storageState: authFile("viewer") });
  const response = await viewer.request.post("/admin/satellites/new", {
    headers: {
      "next-action": forged.headers["next-action"],
      "content-type": forged.headers["content-type"],
      accept: "text/x-component",
    },
    data: forged.body,
  });
  const text = await response.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain('"ok":true');

  const check = await adminPage.request.get(`/api/v1/satellites?q=${slug}`);
  expect((await check.json()).total).toBe(0);
  await admin.close();
  await viewer.close();
});
