import type { Browser, Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expect, test, uniqueName } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

test.describe.configure({ mode: "serial" });
const PASSWORD = "a long enough password";

/** The code an authenticator app would show `offsetSec` from now. */
const codeOf = (secret: string, offsetSec = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSec * 1000,
  });

async function asAdmin(browser: Browser, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ storageState: authFile("admin") });
  await run(await context.newPage());
  await context.close();
}

async function createUser(browser: Browser, role = "viewer"): Promise<string> {
  const email = `${uniqueName("tf")}@example.test`;
  await asAdmin(browser, async (page) => {
    await gotoReady(page, "/admin/users");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Name", { exact: true }).fill("Tess Twofactor");
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByLabel("Initial password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText(`Created ${email} as ${role}.`)).toBeVisible();
  });
  return email;
}

async function requireTwoFactor(browser: Browser, who: "off" | "all") {
  await asAdmin(browser, async (page) => {
    await gotoReady(page, "/admin/sso");
    const section = page.getByRole("region", { name: "Two-factor for local accounts" });
    await section.getByLabel("Two-factor required for").selectOption(who);
    await section.getByRole("button", { name: "Save", exact: true }).click();
    await expect(section.getByRole("status")).toHaveText("Saved.");
  });
}

async function passwordStep(page: Page, email: string) {
  await gotoReady(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Reads the key off the enrolment page, confirms it with a code and answers the recovery codes. */
async function enrol(page: Page): Promise<{ secret: string; codes: string[] }> {
  await expect(page.getByRole("img", { name: "QR code of the two-factor key" }).locator("svg")).toBeVisible();
  const secret = (await page.getByLabel("Secret key").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not the current code" }).first()).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(codeOf(secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return { secret, codes: await list.getByRole("listitem").allInnerTexts() };
}

test.afterAll(async ({ browser }) => {
  await requireTwoFactor(browser, "off");
});

test("a person turns on two-factor; sign-in then asks for a code, once each, or a recovery code", async ({
  browser,
}) => {
  const email = await createUser(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await passwordStep(page, email);
  await expect(page).toHaveURL("/");
  await gotoReady(page, "/account");
  await page.getByRole("link", { name: "Set up two-factor" }).click();
  const { secret, codes } = await enrol(page);
  await page.getByRole("link", { name: "I saved them, continue" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor" })).toBeVisible();
  await expect(page.getByText("10 of 10 recovery codes left")).toBeVisible();

  for (const code of [codeOf(secret, 30), codes[0]]) {
    const other = await browser.newContext();
    const signIn = await other.newPage();
    await passwordStep(signIn, email);
    await expect(signIn.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
    await signIn.getByLabel("Two-factor code").fill(code);
    await signIn.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(signIn).toHaveURL("/");
    await other.close();
  }

  // The same code (and the same recovery code) never works twice.
  const again = await browser.newContext();
  const replay = await again.newPage();
  await passwordStep(replay, email);
  await replay.getByLabel("Two-factor code").fill(codes[0]);
  await replay.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(replay.getByText(/not right, or was already used/)).toBeVisible();
  await expect(replay).toHaveURL(/\/login/);
  await again.close();
  await context.close();
});

test("when admins require two-factor, a person without it can only enrol after the password", async ({
  browser,
}) => {
  const email = await createUser(browser);
  await requireTwoFactor(browser, "all");
  const context = await browser.newContext();
  const page = await context.newPage();
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await expect(page.getByRole("heading", { name: "Set up two-factor" })).toBeVisible();
  // Nothing else answers this session until it has enrolled.
  await page.goto("/satellites");
  await expect(page).toHaveURL(/\/login\/two-factor/);
  expect((await page.request.get("/api/v1/satellites")).status()).toBe(401);

  await enrol(page);
  await page.getByRole("link", { name: "I saved them, continue" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("role")).toHaveText("viewer");
  await context.close();
  await requireTwoFactor(browser, "off");
});

test("Your account lists where the person is signed in, and ends another session at once", async ({
  browser,
}) => {
  const email = await createUser(browser);
  const [here, there] = [await browser.newContext(), await browser.newContext()];
  const [page, other] = [await here.newPage(), await there.newPage()];
  await passwordStep(other, email);
  await expect(other).toHaveURL("/");
  await passwordStep(page, email);
  await expect(page).toHaveURL("/");
  await gotoReady(page, "/account");
  const sessions = page.getByRole("region", { name: "Where you are signed in" });
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await expect(sessions.getByText("this browser")).toHaveCount(1);
  await sessions.getByRole("button", { name: /^End the session of/ }).click();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await other.goto("/satellites");
  await expect(other).toHaveURL(/\/login/);
  await gotoReady(page, "/satellites");
  await expect(page).toHaveURL("/satellites");
  await here.close();
  await there.close();
});
