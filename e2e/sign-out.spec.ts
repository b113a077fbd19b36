import { expect, test, type Browser } from "@playwright/test";
import { authFile, gotoReady } from "./helpers";

// Off-site targets on a loopback address and a closed port: if one ever slipped through, nothing leaves
// the machine (and the route below refuses it anyway).
const OFF_SITE = ["/%5C127.0.0.2:9/", "/%09/127.0.0.2:9/", "//127.0.0.2:9/", "/%255C127.0.0.2:9/"];
const isOffSite = (url: URL) => url.hostname === "127.0.0.2";

/**
 * A user of this spec's own, made through the admin UI: signing out ends every session of a user, and the
 * seeded logins' saved sessions are shared by the other specs.
 */
async function createOwnUser(browser: Browser): Promise<{ email: string; password: string }> {
  const email = `sam-${Date.now().toString(36)}@example.test`;
  const password = "a long enough password";
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const page = await admin.newPage();
  await gotoReady(page, "/admin/users");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("Sam Signout");
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByLabel("Initial password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`Created ${email} as operator.`)).toBeVisible();
  await admin.close();
  return { email, password };
}

test("signing out ends the session on the server: a copied cookie is refused at once", async ({
  browser,
  request,
}) => {
  const { email, password } = await createOwnUser(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await context.route(isOffSite, (route) => route.abort());

  // Signing in from a link with an off-site next lands on the start page.
  await gotoReady(page, `/login?next=${OFF_SITE[0]}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/");

  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie, "the session cookie").toBeDefined();
  const copied = { cookie: `${cookie!.name}=${cookie!.value}` };
  expect((await request.get("/api/v1/satellites", { headers: copied })).status()).toBe(200);

  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await gotoReady(page, "/satellites");
  await expect(page).toHaveURL(/\/login/);

  // The copy still looks like a session, but the server no longer accepts it.
  const api = await request.get("/api/v1/satellites", { headers: copied });
  expect(api.status()).toBe(401);
  expect((await api.json()).code).toBe("UNAUTHORIZED");
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies([cookie!]);
  const elsewherePage = await elsewhere.newPage();
  await elsewherePage.goto("/satellites");
  await expect(elsewherePage).toHaveURL(/\/login/);
  await elsewhere.close();
  await context.close();
});

test.describe("a signed-in visitor opening the sign-in page", () => {
  test.use({ storageState: authFile("viewer") });

  test("goes to next only when it is a path on this site", async ({ page }) => {
    await page.route(isOffSite, (route) => route.abort());
    for (const next of OFF_SITE) {
      await page.goto(`/login?next=${next}`);
      await expect(page).toHaveURL("/");
    }
    await page.goto(`/login?next=${encodeURIComponent("/satellites?q=fra")}`);
    await expect(page).toHaveURL("/satellites?q=fra");
  });
});
