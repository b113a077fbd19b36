import { expect, test, uniqueName } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

// Greenland: no shipped region lists it, so a satellite there starts in "global" and no other spec's
// satellites move when this file's region takes the country.
const NUUK = { city: "Nuuk", country: "GL", lat: 64.18, lon: -51.72 };

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("creates a region, changes its countries after a preview of who moves, and retires it", async ({
    page,
    enroll,
  }) => {
    test.setTimeout(90_000);
    const satellite = await enroll(NUUK);
    await satellite.beat();
    const regionOf = async () =>
      (
        (await (await page.request.get(`/api/v1/satellites/${satellite.slug}`)).json()) as {
          region: { id: string };
        }
      ).region.id;
    expect(await regionOf()).toBe("global");

    const id = uniqueName("e2e-arctic");
    const name = `Arctic ${id.slice(-6)}`;
    await gotoReady(page, "/admin/regions");
    await page.getByRole("link", { name: "New region" }).click();
    await page.locator("html[data-hydrated]").waitFor();
    await page.getByLabel("Id", { exact: true }).fill(id);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Jurisdiction").fill("Kingdom of Denmark");
    await page.getByLabel("Frameworks").fill("GDPR, ISO 27001");
    await page.getByRole("button", { name: "Use #6c7fb0" }).click();
    await expect(page.getByLabel("Colour", { exact: true })).toHaveValue("#6c7fb0");
    await page.getByRole("button", { name: "Create region" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/regions/${id}\\?created=1$`));
    await expect(page.getByRole("status").filter({ hasText: "Region created." })).toBeVisible();

    // A country another region lists is refused, naming that region.
    const search = page.getByRole("searchbox", { name: "Search countries" });
    await search.fill("Germany");
    await page.getByRole("checkbox", { name: /Germany/ }).check();
    await page.getByRole("button", { name: "Preview the change" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "belongs to EU / EEA (GDPR) (eu-gdpr)" }).first(),
    ).toBeVisible();
    await page.getByRole("button", { name: "Remove Germany" }).click();

    // Greenland moves the satellite: the preview says so, and nothing moves until Apply.
    await search.fill("Greenland");
    await page.getByRole("checkbox", { name: /Greenland/ }).check();
    await page.getByRole("button", { name: "Preview the change" }).click();
    const preview = page.getByRole("region", { name: "Satellites that would move" });
    await expect(preview).toContainText("1 satellite would move");
    const row = preview.getByRole("row", { name: satellite.slug });
    await expect(row).toContainText("global");
    await expect(row).toContainText(id);
    expect(await regionOf()).toBe("global");
    await page.getByRole("button", { name: "Apply: move 1 satellite" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 satellite moved" })).toBeVisible();
    expect(await regionOf()).toBe(id);

    // With a satellite it cannot be deleted; it can be retired, and is then offered for nothing new.
    await expect(page.getByText(`${name} cannot be deleted while something uses it`)).toBeVisible();
    await expect(page.getByRole("link", { name: "1 satellite" })).toHaveAttribute(
      "href",
      `/satellites?region=${id}`,
    );
    await page.getByLabel("Reason (optional)").fill("e2e: merged into the Nordics");
    await page.getByRole("button", { name: `Retire ${name}` }).click();
    await expect(page.getByRole("button", { name: `Restore ${name}` })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Retired" })).toBeVisible();
    await gotoReady(page, "/admin/regions");
    await expect(page.getByRole("row", { name: id })).toContainText("retired");
    await gotoReady(page, "/rollouts/new");
    await expect(page.getByRole("checkbox", { name: "eu-gdpr", exact: true })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: id, exact: true })).toHaveCount(0);
  });
});

test.describe("an operator", () => {
  test.use({ storageState: authFile("operator") });

  test("cannot open the regions admin", async ({ page }) => {
    await gotoReady(page, "/admin/regions");
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    await gotoReady(page, "/admin/regions/eu-gdpr");
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  });
});
