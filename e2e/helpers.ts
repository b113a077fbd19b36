import { expect, type Page } from "@playwright/test";

export const ROLES = ["admin", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const PASSWORD = "orrery-demo";

export const authFile = (role: Role) => `e2e/.auth/${role}.json`;

/** Navigates and waits until React has hydrated, so clicks reach live controls. */
export async function gotoReady(page: Page, path: string) {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await gotoReady(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  return nav.getByRole("link").allInnerTexts();
}

/** Waits until the map has drawn everything it was asked to (maplibre's `idle`). */
export async function mapIdle(page: Page) {
  await page.locator("[data-map-loaded]").waitFor();
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.orreryFleetMap;
        if (!map) throw new Error("the map has not started");
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
        else map.once("idle", () => resolve());
      }),
  );
}
