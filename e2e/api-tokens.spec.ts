import { expect, test } from "@playwright/test";
import { uniqueName } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

test.use({ storageState: authFile("operator") });

test("an operator creates an API token, sees its secret once, and revokes it; an admin sees it", async ({
  page,
  browser,
}) => {
  const name = uniqueName("ci-deploy");
  await gotoReady(page, "/settings/tokens");

  // Only the roles an operator may give are offered.
  const role = page.getByLabel("Role", { exact: true });
  await expect(role.locator("option")).toHaveText(["viewer", "auditor", "operator"]);

  // A nameless token is refused, with the field named.
  await page.getByRole("button", { name: "Create API token" }).click();
  await expect(page.getByText("Name is required", { exact: true })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await role.selectOption("operator");
  await page.getByLabel("Valid for").selectOption("30");
  await page.getByRole("checkbox", { name: "eu-gdpr" }).check();
  await page.getByRole("button", { name: "Create API token" }).click();
  const secret = (await page.getByTestId("new-api-token").innerText()).trim();
  expect(secret).toMatch(/^orr_[0-9A-Za-z]{40}$/);
  await expect(page.getByText("It will not be shown again.")).toBeVisible();

  const row = page.getByRole("row", { name: `${name} (${secret.slice(0, 12)})` });
  await expect(row.getByText("active", { exact: true })).toBeVisible();
  await expect(row.getByText("eu-gdpr")).toBeVisible();

  // Shown once: after a reload the list names the token by its prefix only.
  await gotoReady(page, "/settings/tokens");
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(row.getByRole("cell").first()).toContainText(`${secret.slice(0, 12)}…`);

  // An admin sees it among every user's tokens, with its owner.
  const admin = await browser.newPage({ storageState: authFile("admin") });
  await gotoReady(admin, "/admin/tokens");
  const adminRow = admin.getByRole("row", { name: `${name} (${secret.slice(0, 12)})` });
  await expect(adminRow.getByText("operator@orrery.local")).toBeVisible();
  await expect(adminRow.getByText("active", { exact: true })).toBeVisible();

  // Revoking asks first, then takes effect at once.
  await row.getByRole("button", { name: `Revoke API token ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke ${name}?` });
  await dialog.getByLabel("Reason").fill("rotated after the e2e run");
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();
  await expect(row.getByText("rotated after the e2e run")).toBeVisible();
  await expect(row.getByRole("button", { name: `Revoke API token ${name}` })).toHaveCount(0);

  await gotoReady(admin, "/admin/tokens");
  await expect(adminRow.getByText("revoked", { exact: true })).toBeVisible();
  await admin.close();
});
