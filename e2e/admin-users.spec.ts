import { expect, test } from "@playwright/test";
import { authFile, signIn, gotoReady } from "./helpers";

test("an admin creates a user, scopes them, and disabling them ends their session at once", async ({
  browser,
}) => {
  const email = `dana-${Date.now().toString(36)}@example.test`;
  const password = "a long enough password";
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const page = await admin.newPage();
  await gotoReady(page, "/admin/users");

  // Bad input first: a short password is refused and named, and nothing is created.
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("Dana Ops");
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByLabel("Initial password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(/^(Initial password|Password) must be at least 12 characters$/)).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);

  await page.getByLabel("Initial password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`Created ${email} as operator.`)).toBeVisible();
  const row = page.getByRole("row", { name: email });
  await expect(row).toBeVisible();

  // Scope the new operator to two regions.
  await row.getByLabel(`Region scope of ${email}`).click();
  await row.getByRole("checkbox", { name: "eu-gdpr" }).check();
  await row.getByRole("checkbox", { name: "uk-gdpr" }).check();
  await row.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row", { name: email }).getByText("eu-gdpr, uk-gdpr")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/admin-users.png" });

  // The user signs in elsewhere and sees the operator's console, with the scope.
  const user = await browser.newContext();
  const userPage = await user.newPage();
  await signIn(userPage, email, password);
  await expect(userPage).toHaveURL("/");
  await expect(userPage.getByText("eu-gdpr, uk-gdpr")).toBeVisible();

  await page.getByRole("row", { name: email }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("row", { name: email }).getByText("disabled")).toBeVisible();

  // The very next request of the disabled user is refused, with the same cookie.
  await userPage.goto("/satellites");
  await expect(userPage).toHaveURL(/\/login/);
  const api = await userPage.request.get("/api/v1/satellites");
  expect(api.status()).toBe(401);
  await admin.close();
  await user.close();
});
