import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, uniqueName, type Enroll } from "./fixtures";
import { authFile, gotoReady, signIn } from "./helpers";

const COUNTRY = { "eu-gdpr": "NO", "us-fedramp": "US" } as const;

/**
 * A satellite of this test's own in `region`, enrolled through the agent protocol and heard from once: a
 * never-seen satellite's page offers enrollment, not commands.
 */
async function ownSatellite(enroll: Enroll, region: keyof typeof COUNTRY) {
  const us = region === "us-fedramp";
  const satellite = await enroll({
    country: COUNTRY[region],
    ...(us ? { city: "Ashburn", lat: 39.04, lon: -77.49 } : {}),
  });
  await satellite.beat();
  return satellite;
}

function commandsCard(page: Page) {
  return page.getByRole("region", { name: "Commands", exact: true });
}

test.describe("an operator", () => {
  test.use({ storageState: authFile("operator") });

  test("cordons a satellite from its page after a confirmation, and cancels it while queued", async ({
    page,
    enroll,
  }) => {
    const sat = await ownSatellite(enroll, "eu-gdpr");
    await gotoReady(page, `/satellites/${sat.slug}`);
    const card = commandsCard(page);
    await card.getByLabel("Command", { exact: true }).selectOption("satellite.cordon");
    await card.getByLabel("Reason").fill("e2e: replacing a line card");
    await card.getByRole("button", { name: "Review…" }).click();

    // Nothing is sent before the confirmation, which names the satellite and its region.
    await expect(card.getByText(`This will send satellite.cordon to ${sat.slug} in eu-gdpr.`)).toBeVisible();
    await expect(card.getByText("reason: e2e: replacing a line card")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/command-confirm.png" });
    await card.getByRole("button", { name: "Send to 1 satellite" }).click();
    await expect(card.getByRole("status")).toContainText(`Sent satellite.cordon to ${sat.slug} in eu-gdpr`);

    const row = card.getByRole("row", { name: `satellite.cordon for ${sat.slug}` });
    await expect(row.getByText("queued", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Cancel satellite.cordon for ${sat.slug}` }).click();
    await expect(row.getByText("cancelled", { exact: true })).toBeVisible();

    await gotoReady(page, `/commands?satellite=${sat.slug}`);
    const listed = page.getByRole("row", { name: `satellite.cordon for ${sat.slug}` });
    await expect(listed.getByText("cancelled", { exact: true })).toBeVisible();
    await expect(listed.getByText("operator@orrery.local", { exact: true })).toBeVisible();
  });

  test("commands rows picked on the Satellites list, and offers every satellite the filters match", async ({
    page,
    enroll,
  }) => {
    // Three satellites of this test's own, found by a word only they carry, two to a page.
    const word = uniqueName("batch");
    for (let i = 1; i <= 3; i++) await enroll({ name: `E2E ${word} ${i}` });
    const filters = `region=eu-gdpr&q=${word}`;
    const matching = (await (await page.request.get(`/api/v1/satellites?${filters}&limit=1`)).json())
      .total as number;
    expect(matching).toBe(3);
    await gotoReady(page, `/satellites?${filters}&limit=2`);
    const rows = page.getByRole("checkbox", { name: /^Select (?!every)/ });
    await rows.nth(0).check();
    await rows.nth(1).check();
    const bar = page.getByRole("region", { name: "Selected satellites" });
    await expect(bar).toContainText("2 selected.");
    await bar.getByRole("button", { name: "Command these 2…" }).click();
    const dialog = page.getByRole("dialog", { name: "Command 2 satellites" });
    await dialog.getByLabel("Command", { exact: true }).selectOption("diagnostics.run");
    await dialog.getByRole("button", { name: "Review…" }).click();
    await expect(
      dialog.getByText("This will send diagnostics.run to 2 satellites in eu-gdpr (2)."),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "Send to 2 satellites" }).click();
    await expect(dialog.getByRole("status")).toContainText(
      "Sent diagnostics.run to 2 satellites in eu-gdpr (2)",
    );
    await dialog.getByRole("button", { name: "Close" }).click();

    // The whole page, then every match across pages; the confirmation counts them on the server.
    await bar.getByRole("button", { name: "Clear selection" }).click();
    await page.getByRole("checkbox", { name: "Select every satellite on this page" }).check();
    await page.getByRole("button", { name: `Select all ${matching} matching` }).click();
    await expect(bar).toContainText(`All ${matching} satellites matching these filters are selected.`);
    await bar.getByRole("button", { name: `Command these ${matching}…` }).click();
    const all = page.getByRole("dialog", { name: `Command ${matching} satellites` });
    await all.getByRole("button", { name: "Review…" }).click();
    await expect(
      all.getByText(`This will send satellite.cordon to ${matching} satellites in eu-gdpr (${matching}).`),
    ).toBeVisible();
    await all.getByRole("button", { name: "Back" }).click();
    await expect(all.getByRole("button", { name: "Review…" })).toBeVisible();
  });
});

test.describe("an operator's forms", () => {
  test.use({ storageState: authFile("operator") });

  test("restarts a service chosen from the ones the satellite reports, with a reason on the Commands page", async ({
    page,
    enroll,
  }) => {
    const sat = await ownSatellite(enroll, "eu-gdpr");
    await sat.beat({ dns: "ok", storage: "degraded" });
    await gotoReady(page, `/satellites/${sat.slug}`);
    const card = commandsCard(page);
    await card.getByLabel("Command", { exact: true }).selectOption("service.restart");
    const service = card.getByLabel("Service", { exact: true });
    await expect(service.locator("option:not([disabled])")).toHaveText(["dns", "storage"]);

    // Sent without a service: one sentence with the field's label, beside the field and above the form.
    await card.getByRole("button", { name: "Review…" }).click();
    const fieldError = card.getByText("Service is required", { exact: true });
    await expect(fieldError).toBeVisible();
    await expect(card.getByRole("alert").filter({ hasText: "Service is required." })).toBeVisible();
    await expect(card).not.toContainText("payload.service");
    await expect(card).not.toContainText("Invalid input");
    // The error leaves as soon as the field is valid.
    await service.selectOption("storage");
    await expect(fieldError).toHaveCount(0);

    await card.getByLabel("Reason").fill("e2e: storage is degraded");
    await card.getByRole("button", { name: "Review…" }).click();
    await expect(card.getByText("service: storage")).toBeVisible();
    await expect(card.getByText("Reason: e2e: storage is degraded")).toBeVisible();
    await card.getByRole("button", { name: "Send to 1 satellite" }).click();
    await expect(card.getByRole("status")).toContainText(`Sent service.restart to ${sat.slug}`);

    await gotoReady(page, `/commands?satellite=${sat.slug}`);
    const row = page.getByRole("row", { name: `service.restart for ${sat.slug}` });
    await expect(row).toContainText("service: storage");
    await expect(row).toContainText("Reason: e2e: storage is degraded");
  });
});

test("a region-scoped operator is offered to narrow a selection to her regions before filling the form", async ({
  browser,
  enroll,
}) => {
  const word = uniqueName("narrow");
  await enroll({ name: `E2E ${word} 1` });
  await enroll({ name: `E2E ${word} 2` });
  await enroll({ name: `E2E ${word} 3`, country: "US", city: "Ashburn", lat: 39.04, lon: -77.49 });
  const eu = await browser.newContext();
  const page = await eu.newPage();
  await signIn(page, "eu-operator@orrery.local");
  await expect(page).toHaveURL("/");
  await gotoReady(page, `/satellites?q=${word}&limit=2`);
  await page.getByRole("checkbox", { name: "Select every satellite on this page" }).check();
  await page.getByRole("button", { name: "Select all 3 matching" }).click();
  await page.getByRole("button", { name: "Command these 3…" }).click();
  const dialog = page.getByRole("dialog", { name: "Command 3 satellites" });

  // Before anything is typed, the composer says what lies outside her scope and offers the rest.
  const notice = dialog.getByTestId("target-notice");
  await expect(notice).toContainText("1 of these 3 satellites is outside your regions — us-fedramp (1)");
  await notice.getByRole("button", { name: "Narrow to eu-gdpr (2)" }).click();
  await expect(dialog.getByRole("status")).toContainText(
    "Narrowed to the satellites in your regions: eu-gdpr (2).",
  );
  await expect(dialog.getByTestId("target-notice")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Review…" }).click();
  await expect(
    dialog.getByText("This will send satellite.cordon to 2 satellites in eu-gdpr (2)."),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/screens/command-narrowed.png" });
  await dialog.getByRole("button", { name: "Back" }).click();
  await eu.close();
});

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("sees a satellite's commands but no command controls anywhere", async ({ page, enroll }) => {
    const sat = await ownSatellite(enroll, "eu-gdpr");
    await gotoReady(page, `/satellites/${sat.slug}`);
    const card = commandsCard(page);
    await expect(card.getByRole("heading", { name: "Commands" })).toBeVisible();
    await expect(card.getByLabel("Command", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Review|Send to|Cancel/ })).toHaveCount(0);

    await gotoReady(page, "/satellites");
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await gotoReady(page, "/commands");
    await expect(page.getByRole("heading", { name: "Commands", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Cancel / })).toHaveCount(0);
  });
});

test("forged command calls from a viewer and from an EU-scoped operator are refused and queue nothing", async ({
  browser,
  enroll,
}) => {
  // Capture the exact request the operator's Send button makes for a US satellite, without letting it through.
  const operator = await browser.newContext({ storageState: authFile("operator") });
  const page = await operator.newPage();
  const us = await ownSatellite(enroll, "us-fedramp");
  await gotoReady(page, `/satellites/${us.slug}`);
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/satellites/${us.slug}`, async (route) => {
    const req = route.request();
    // The preview goes through; the send is the call that carries the confirmed count.
    if (
      req.method() === "POST" &&
      req.headers()["next-action"] &&
      req.postData()?.includes("expectedCount")
    ) {
      captured = { headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  const card = commandsCard(page);
  await card.getByLabel("Command", { exact: true }).selectOption("satellite.cordon");
  await card.getByRole("button", { name: "Review…" }).click();
  await expect(card.getByText(`This will send satellite.cordon to ${us.slug} in us-fedramp.`)).toBeVisible();
  await card.getByRole("button", { name: "Send to 1 satellite" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const forged = captured as unknown as { headers: Record<string, string>; body: Buffer };
  const replay = (request: APIRequestContext) =>
    request.post(`/satellites/${us.slug}`, {
      headers: {
        "next-action": forged.headers["next-action"],
        "content-type": forged.headers["content-type"],
        accept: "text/x-component",
      },
      data: forged.body,
    });

  const viewer = await browser.newContext({ storageState: authFile("viewer") });
  const asViewer = await (await replay(viewer.request)).text();
  expect(asViewer).toContain("FORBIDDEN");
  expect(asViewer).toContain('does not have the \\"commands.write\\" permission');
  expect(asViewer).not.toContain('"ok":true');

  // The EU-scoped operator sees the rule instead of a form, and a forged call is refused with it.
  const eu = await browser.newContext();
  const euPage = await eu.newPage();
  await signIn(euPage, "eu-operator@orrery.local");
  await expect(euPage).toHaveURL("/");
  await gotoReady(euPage, `/satellites/${us.slug}`);
  const rule = `Your role is limited to eu-gdpr: ${us.slug} is in us-fedramp.`;
  await expect(commandsCard(euPage).getByText(rule)).toBeVisible();
  await expect(commandsCard(euPage).getByRole("button", { name: "Review…" })).toHaveCount(0);
  const asEu = await (await replay(euPage.request)).text();
  expect(asEu).toContain("FORBIDDEN");
  expect(asEu).toContain(rule);
  expect(asEu).not.toContain('"ok":true');

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await gotoReady(page, `/commands?satellite=${us.slug}`);
  await expect(page.getByRole("heading", { name: "No commands" })).toBeVisible();
  await operator.close();
  await viewer.close();
  await eu.close();
});
