import { expect, test, type Page } from "@playwright/test";
import { authFile, gotoReady } from "./helpers";

async function shoot(page: Page, path: string, name: string) {
  for (const [viewport, size] of [
    [{ width: 1280, height: 900 }, "desktop"],
    [{ width: 390, height: 844 }, "phone"],
  ] as const) {
    await page.setViewportSize(viewport);
    await gotoReady(page, path);
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the ${size} screen`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `docs/screenshots/${name}-${size}${theme === "dark" ? "-dark" : ""}.png`,
        fullPage: size === "desktop",
      });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin lists deployment windows with their next opening, and creates one after a refused rule", async ({
  browser,
}) => {
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const page = await admin.newPage();
  await gotoReady(page, "/admin/windows");
  // The demo seed's windows, in plain words.
  await expect(page.getByRole("row", { name: "Australian sites: weeknight changes" })).toContainText(
    /opens in|open now/,
  );
  await expect(page.getByRole("row", { name: "Year-end change freeze" })).toContainText("disabled");

  const name = `Edge freeze ${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind", { exact: true }).selectOption("freeze");
  await page.getByLabel("Recurrence (RRULE)").fill("RRULE:FREQ=DAILY");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("checkbox", { name: "in-dpdp" }).check();
  await page.getByRole("button", { name: "Create window" }).click();
  await expect(page.getByText(/needs a DTSTART line/).first()).toBeVisible();
  await expect(page.getByText(/not a time zone we know/).first()).toBeVisible();

  await page.getByLabel("Recurrence (RRULE)").fill("DTSTART:20261201T230000\nRRULE:FREQ=DAILY");
  await page.getByLabel("Time zone").fill("Asia/Kolkata");
  await page.getByRole("button", { name: "Create window" }).click();
  await expect(page.getByRole("status")).toContainText(`Saved “${name}”`);
  await expect(page.getByRole("row", { name })).toContainText("in-dpdp");

  // Disabled again so it holds nobody else's rollout in this run.
  await page
    .getByRole("row", { name })
    .getByRole("link", { name: `Edit ${name}` })
    .click();
  await page.getByRole("button", { name: "Disable window" }).click();
  await expect(page.getByText("Disabled: it holds nothing now.")).toBeVisible();

  await shoot(page, "/admin/windows", "admin-windows");
  await admin.close();
});
