import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

type Satellite = { slug: string; name: string };

/** Opens an incident through the console's form and waits for its page. */
async function openIncident(page: Page, title: string, satellite: Satellite) {
  await gotoReady(page, "/incidents/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Impact", { exact: true }).selectOption("major");
  await page.getByLabel("What is happening", { exact: true }).fill("Elevated packet loss on the uplink.");
  const picker = page.getByLabel("Affected satellites", { exact: true });
  await picker.fill(satellite.slug);
  await picker.press("Enter");
  await expect(page.getByRole("button", { name: `Remove ${satellite.slug}` })).toBeVisible();
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents\/c[a-z0-9]{20,}$/);
  return new URL(page.url()).pathname;
}

test.describe("an operator", () => {
  test.use({ storageState: authFile("operator") });

  test("opens an incident on one satellite, moves it to identified, and resolves it", async ({
    page,
    satellite,
  }) => {
    const title = `Uplink packet loss ${Date.now().toString(36)}`;
    await gotoReady(page, "/incidents");
    await page.getByRole("link", { name: "Open incident" }).click();
    await expect(page.getByRole("heading", { name: "Open an incident" })).toBeVisible();

    // Without a satellite the form is refused, the field named, and what was typed kept.
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("What is happening", { exact: true }).fill("Elevated packet loss on the uplink.");
    await page.getByRole("button", { name: "Open incident" }).click();
    await expect(page.getByText("Pick at least one affected satellite", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Affected satellites", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);

    const path = await openIncident(page, title, satellite);
    const affected = page.getByRole("region", { name: "Affected satellites" });
    await expect(affected.getByRole("link", { name: satellite.name })).toHaveAttribute(
      "href",
      `/satellites/${satellite.slug}`,
    );
    const timeline = page.getByRole("list", { name: "Updates" });
    await expect(timeline.getByRole("listitem")).toHaveCount(1);
    await expect(timeline.getByRole("listitem").first()).toContainText("investigating");

    await page.getByLabel("Status", { exact: true }).selectOption("identified");
    await page.getByLabel("Update", { exact: true }).fill("A faulty optic on the uplink.");
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    const newest = timeline.getByRole("listitem").first();
    await expect(newest).toContainText("identified");
    await expect(newest).toContainText("major impact");
    await expect(newest).toContainText("A faulty optic on the uplink.");
    await expect(newest).toContainText("Otto Operator");

    await page.getByRole("button", { name: "Resolve…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Closing note").fill("Optic replaced; loss is back to zero.");
    await dialog.getByRole("button", { name: "Resolve incident" }).click();
    await expect(timeline.getByRole("listitem")).toHaveCount(3);
    await expect(timeline.getByRole("listitem").first()).toContainText("resolved");
    await expect(page.getByRole("button", { name: "Post update" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/incident.png", fullPage: true });

    await gotoReady(page, "/incidents/resolved");
    await page.getByRole("row", { name: title }).getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  });
});

test("a viewer sees incidents without write controls, and a forged update is refused", async ({
  browser,
  satellite,
}) => {
  const operator = await browser.newContext({ storageState: authFile("operator") });
  const operatorPage = await operator.newPage();
  const title = `Storage latency ${Date.now().toString(36)}`;
  const path = await openIncident(operatorPage, title, satellite);

  // Capture the exact request the operator's update form sends, without letting it through.
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await operatorPage.route(`**${path}`, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  await operatorPage.getByLabel("Status", { exact: true }).selectOption("monitoring");
  await operatorPage.getByLabel("Update", { exact: true }).fill("Forged: all clear.");
  await operatorPage.getByRole("button", { name: "Post update" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const forged = captured as unknown as { headers: Record<string, string>; body: Buffer };

  const viewer = await browser.newContext({ storageState: authFile("viewer") });
  const page = await viewer.newPage();
  await gotoReady(page, "/incidents");
  await expect(page.getByRole("heading", { name: "Incidents", exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open incident" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Schedule maintenance" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Dismiss" })).toHaveCount(0);

  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("list", { name: "Updates" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Affected satellites" }).getByRole("link")).toHaveCount(1);
  for (const name of ["Post update", "Resolve…", "Publish", "Save satellites"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByText("Edit affected satellites")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Post an update" })).toHaveCount(0);

  await gotoReady(page, "/incidents/maintenance");
  await expect(page.getByRole("heading", { name: "Maintenance", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Schedule maintenance" })).toHaveCount(0);
  await page.goto("/incidents/new");
  await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();

  // Replay the operator's update with the viewer's session: refused, and the timeline is unchanged.
  const response = await viewer.request.post(path, {
    headers: {
      "next-action": forged.headers["next-action"],
      "content-type": forged.headers["content-type"],
      accept: "text/x-component",
    },
    data: forged.body,
  });
  const text = await response.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain('"ok":true');

  await operatorPage.unroute(`**${path}`);
  await gotoReady(operatorPage, path);
  const timeline = operatorPage.getByRole("list", { name: "Updates" });
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline).not.toContainText("Forged: all clear.");
  await expect(operatorPage.getByRole("heading", { name: title })).toBeVisible();
  await operator.close();
  await viewer.close();
});
