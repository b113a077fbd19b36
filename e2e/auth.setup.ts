import { expect, test as setup } from "@playwright/test";
import { authFile, ROLES, signIn } from "./helpers";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@orrery.local`);
    await expect(page).toHaveURL("/");
    await expect(page.getByTestId("role")).toHaveText(role);
    await page.context().storageState({ path: authFile(role) });
  });
}
