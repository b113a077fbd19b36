import { expect, type Page } from "@playwright/test";

export const ROLES = ["admin", "operator", "viewer", "auditor"] as const;
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

/**
 * Registers a satellite in Admin → Satellites as an admin would (no agent yet: it is never seen) and lands
 * on its page. Its region follows Portugal: eu-gdpr.
 */
export async function registerInAdmin(page: Page, slug: string, name: string) {
  await gotoReady(page, "/admin/satellites/new");
  const values: Record<string, string> = {
    Slug: slug,
    Name: name,
    Provider: "own",
    City: "Lisbon",
    Latitude: "38.72",
    Longitude: "-9.14",
    Cores: "16",
    "Memory (GB)": "64",
    "Storage (TB)": "4",
    "Uplink (Mbps)": "1000",
    "Downlink (Mbps)": "1000",
  };
  for (const [label, value] of Object.entries(values))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Kind").selectOption("edge");
  await page.getByLabel("Country").selectOption("PT");
  await page.getByRole("button", { name: "Register satellite" }).click();
  await expect(page).toHaveURL(new RegExp(`/satellites/${slug}$`));
}
