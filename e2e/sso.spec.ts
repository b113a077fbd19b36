import type { Browser, Page } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";
import { authFile, gotoReady } from "./helpers";
import { startTestIdp, type TestIdp } from "./sso-idp";
import { TEST_IDP } from "./sso-idp-settings";

// Single sign-on through a real OpenID Connect provider started here, on a loopback port.
test.describe.configure({ mode: "serial" });
let idp: TestIdp;
const sreEu = uniqueName("sre-eu");
const admins = uniqueName("platform-admins");
const alice = uniqueName("alice");
const bob = uniqueName("bob");
const carol = uniqueName("carol");
const emailOf = (id: string) => `${id}@corp.example`;

test.beforeAll(async () => {
  idp = await startTestIdp({
    [alice]: { email: emailOf(alice), name: "Alice Example", groups: [sreEu, "everyone"] },
    [bob]: { email: emailOf(bob), name: "Bob Example", groups: [admins, sreEu] },
    [carol]: { email: emailOf(carol), name: "Carol Example", groups: ["marketing", "everyone"] },
  });
});

test.afterAll(async () => {
  await idp?.close();
});

async function asAdmin(browser: Browser, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ storageState: authFile("admin") });
  await run(await context.newPage());
  await context.close();
}

/** Signs in through the IdP in a fresh browser; `tamper` may rewrite the authorization request's query. */
async function ssoSignIn(browser: Browser, username: string, tamper?: (query: URLSearchParams) => void) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (tamper) {
    await page.route(new RegExp(`^${TEST_IDP.issuer}/auth\\?`), async (route) => {
      const url = new URL(route.request().url());
      tamper(url.searchParams);
      await route.continue({ url: url.toString() });
    });
  }
  await gotoReady(page, "/login");
  await page.getByRole("link", { name: `Sign in with ${TEST_IDP.name}` }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Continue" }).click();
  return { page, close: () => context.close() };
}

async function expectAccess(browser: Browser, email: string, scope: string) {
  await asAdmin(browser, async (page) => {
    await gotoReady(page, "/admin/users");
    await expect(page.getByRole("row", { name: email }).locator("summary")).toHaveText(scope);
  });
}

test("an admin maps IdP groups to roles and region scopes", async ({ browser }) => {
  await asAdmin(browser, async (page) => {
    await gotoReady(page, "/admin/sso");
    await expect(page.getByRole("definition").filter({ hasText: TEST_IDP.issuer })).toBeVisible();
    for (const [group, role, region] of [
      [sreEu, "operator", "eu-gdpr"],
      [admins, "admin", null],
    ] as const) {
      await page.getByLabel("Group", { exact: true }).fill(group);
      await page.getByLabel("Role", { exact: true }).selectOption(role);
      if (region) {
        await page.getByLabel("Region scope", { exact: true }).click();
        await page.getByRole("checkbox", { name: region, exact: true }).check();
        await page.getByLabel("Region scope", { exact: true }).click();
      }
      await page.getByRole("button", { name: "Add mapping" }).click();
      await expect(page.getByRole("status")).toHaveText(`Mapped ${group} to ${role}.`);
      await expect(page.getByRole("row", { name: `${TEST_IDP.id} ${group}` })).toBeVisible();
    }
  });
});

test("the groups give the role and region scope; a removed group takes effect at the next sign-in", async ({
  browser,
}) => {
  const first = await ssoSignIn(browser, alice);
  await expect(first.page).toHaveURL("/");
  await expect(first.page.getByTestId("role")).toHaveText("operator");
  await first.close();
  await expectAccess(browser, emailOf(alice), "eu-gdpr");

  const admin = await ssoSignIn(browser, bob);
  await expect(admin.page.getByTestId("role")).toHaveText("admin");
  await admin.close();
  await expectAccess(browser, emailOf(bob), "All regions");

  idp.people.get(bob)!.groups = [sreEu];
  const again = await ssoSignIn(browser, bob);
  await expect(again.page.getByTestId("role")).toHaveText("operator");
  await again.close();
  await expectAccess(browser, emailOf(bob), "eu-gdpr");
});

test("a person in no mapped group is refused, with the groups the IdP named", async ({ browser }) => {
  const { page, close } = await ssoSignIn(browser, carol);
  await expect(page).toHaveURL(/\/login\/sso-refused/);
  await expect(page.getByRole("heading", { name: "No access to Orrery" })).toBeVisible();
  const seen = page.getByRole("list", { name: "Groups seen" });
  await expect(seen.getByRole("listitem")).toHaveText(["everyone", "marketing"]);
  await gotoReady(page, "/");
  await expect(page).toHaveURL(/\/login/);
  await close();
});

for (const param of ["state", "nonce"]) {
  test(`a tampered ${param} is refused`, async ({ browser }) => {
    const { page, close } = await ssoSignIn(browser, alice, (q) => q.set(param, `${q.get(param)}x`));
    await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
    // Filtered by text: Next's route announcer is an alert too.
    await expect(
      page.getByRole("alert").filter({ hasText: "Single sign-on did not complete" }),
    ).toBeVisible();
    await gotoReady(page, "/");
    await expect(page).toHaveURL(/\/login/);
    await close();
  });
}
