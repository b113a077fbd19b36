import { expect, test } from "@playwright/test";
import { authFile, navLabels, signIn, gotoReady } from "./helpers";

test.describe("anonymous visitors", () => {
  test("land on /login from any console page, and the API answers 401", async ({ page, request }) => {
    for (const path of ["/", "/satellites", "/admin/users"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    }
    const api = await request.get("/api/v1/satellites");
    expect(api.status()).toBe(401);
    expect((await api.json()).code).toBe("UNAUTHORIZED");
  });

  test("a wrong password shows an error and signs nobody in", async ({ page }) => {
    await signIn(page, "viewer@orrery.local", "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
    await gotoReady(page, "/satellites");
    await expect(page).toHaveURL(/\/login/);
  });

  // Signing out is in sign-out.spec.ts, with a user of its own: it ends every session of that user.
});

const NAV = {
  viewer: ["Overview", "Satellites", "Rollouts", "Commands", "Incidents", "Compliance"],
  auditor: ["Overview", "Satellites", "Rollouts", "Commands", "Incidents", "Compliance", "Audit"],
  operator: ["Overview", "Satellites", "Rollouts", "Commands", "Incidents", "Alerts", "Compliance", "Audit"],
  admin: [
    "Overview",
    "Satellites",
    "Rollouts",
    "Commands",
    "Incidents",
    "Alerts",
    "Compliance",
    "Audit",
    "Admin",
  ],
} as const;

for (const role of ["viewer", "auditor", "operator", "admin"] as const) {
  test.describe(`${role} navigation`, () => {
    test.use({ storageState: authFile(role) });
    test(`shows exactly what a ${role} may use`, async ({ page }) => {
      await gotoReady(page, "/");
      expect(await navLabels(page)).toEqual([...NAV[role]]);
    });
  });
}

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("cannot open admin pages", async ({ page }) => {
    for (const path of ["/admin/users", "/admin/satellites", "/admin/satellites/new", "/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    }
  });
});
