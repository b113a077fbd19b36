import type { Page } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";
import { authFile } from "./helpers";

/** Every unknown address answers HTTP 404 with Orrery's own page, in the reader's theme. */
async function expectBrandedNotFound(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await expect(page.getByText("404", { exact: true })).toBeVisible();
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an unknown status page and unknown public addresses", async ({ page }) => {
    await expectBrandedNotFound(page, `/status/${uniqueName("no-page")}`);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    // The machine path and the API answer JSON, never a page.
    for (const path of [`/embed/status/${uniqueName("nope")}`, `/api/status/${uniqueName("nope")}`]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
  });

  test("an unknown /api/v1 path answers a problem 404", async ({ page }) => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await page.request.fetch(`/api/v1/${uniqueName("nothing")}/here`, { method });
      expect(res.status(), method).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect((await res.json()).code).toBe("NOT_FOUND");
    }
  });
});

test.describe("signed in", () => {
  test.use({ storageState: authFile("viewer") });

  test("an unknown console address", async ({ page }) => {
    await expectBrandedNotFound(page, `/${uniqueName("nowhere")}/at/all`);
  });

  test("a satellite, rollout or incident that does not exist, inside the console", async ({ page }) => {
    for (const path of ["/satellites/", "/rollouts/", "/incidents/"]) {
      await expectBrandedNotFound(page, `${path}${uniqueName("missing")}`);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    }
    await page.getByRole("link", { name: "Back to the overview" }).click();
    await expect(page).toHaveURL("/");
  });

  test("keeps the reader's theme", async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem("orrery-theme", "dark"));
    await expectBrandedNotFound(page, `/satellites/${uniqueName("missing")}`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(13, 17, 23)");
  });
});
