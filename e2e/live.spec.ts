import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, type EnrolledSatellite } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

// Live views refresh themselves: nothing in this spec reloads a page after opening it.

/** The satellite's agent: one heartbeat, then an ack for each command it delivered. */
async function agentRuns(
  request: APIRequestContext,
  satellite: EnrolledSatellite,
  seq: number,
  result: Record<string, unknown>,
): Promise<string[]> {
  const auth = { authorization: `Bearer ${satellite.agentToken}` };
  const sample = {
    seq,
    at: new Date().toISOString(),
    cpuPct: 20,
    memPct: 40,
    diskPct: 50,
    rxMbps: 100,
    txMbps: 50,
    rttMs: 20,
    lossPct: 0,
    services: { dns: "ok" },
  };
  const beat = await request.post("/api/agent/v1/heartbeat", {
    headers: auth,
    data: { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [sample] },
  });
  expect(beat.status(), await beat.text()).toBe(200);
  const { commands } = (await beat.json()) as { commands: { id: string }[] };
  for (const c of commands) {
    const ack = await request.post(`/api/agent/v1/commands/${c.id}/ack`, {
      headers: auth,
      data: { status: "succeeded", message: "diagnostics gathered", result },
    });
    expect(ack.status(), await ack.text()).toBe(200);
  }
  return commands.map((c) => c.id);
}

/** Never page.reload(): a row's state may only change because the page refreshed itself. */
function forbidReloads(page: Page) {
  let loads = 0;
  page.on("load", () => loads++);
  return () => loads;
}

test.describe("live views", () => {
  test.use({ storageState: authFile("operator") });

  test("the Commands page moves a command from queued to succeeded by itself", async ({
    page,
    context,
    satellite,
    request,
  }) => {
    await gotoReady(page, `/commands?satellite=${satellite.slug}`);
    const loads = forbidReloads(page);
    await expect(page.getByTestId("live-refresh")).toBeVisible();
    await expect(page.getByText("No command matches these filters.")).toBeVisible();

    // Another tab sends the command from the satellite's page.
    const sender = await context.newPage();
    await gotoReady(sender, `/satellites/${satellite.slug}`);
    const card = sender.getByRole("region", { name: "Commands", exact: true });
    await card.getByLabel("Command", { exact: true }).selectOption("diagnostics.run");
    await card.getByLabel("Reason").fill("e2e: live check");
    await card.getByRole("button", { name: "Review…" }).click();
    await card.getByRole("button", { name: "Send to 1 satellite" }).click();
    await expect(card.getByRole("status")).toContainText("Sent diagnostics.run");
    await sender.close();

    const row = page.getByRole("row", { name: `diagnostics.run for ${satellite.slug}` });
    await expect(row.getByText("queued", { exact: true })).toBeVisible();
    await expect(row).toContainText("Reason: e2e: live check");

    const ackedAt = Date.now();
    const acked = await agentRuns(request, satellite, 100, { uptimeSec: 3600, stackVersion: "2026.11.1" });
    expect(acked).toHaveLength(1);
    await expect(row.getByText("succeeded", { exact: true })).toBeVisible();
    const seenAfterMs = Date.now() - ackedAt;
    // The result reads as fields, not JSON.
    await expect(row.getByText("Uptime", { exact: true })).toBeVisible();
    await expect(row.getByText("1 h", { exact: true })).toBeVisible();
    await expect(row).not.toContainText('{"uptimeSec"');
    expect(loads()).toBe(0);
    test.info().annotations.push({ type: "succeeded shown after", description: `${seenAfterMs} ms` });
    console.log(`live: the Commands page showed "succeeded" ${seenAfterMs} ms after the ack`);
  });

  test("an incident's page shows an update posted elsewhere", async ({ page, browser, satellite }) => {
    const title = `Live incident ${Date.now().toString(36)}`;
    await gotoReady(page, "/incidents/new");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Impact", { exact: true }).selectOption("minor");
    await page.getByLabel("What is happening", { exact: true }).fill("Looking into elevated latency.");
    const picker = page.getByLabel("Affected satellites", { exact: true });
    await picker.fill(satellite.slug);
    await picker.press("Enter");
    await expect(page.getByRole("button", { name: `Remove ${satellite.slug}` })).toBeVisible();
    await page.getByRole("button", { name: "Open incident" }).click();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    const path = new URL(page.url()).pathname;

    // A viewer keeps the incident open; the operator posts an update from her own page.
    const viewer = await browser.newPage({ storageState: authFile("viewer") });
    await gotoReady(viewer, path);
    const loads = forbidReloads(viewer);
    const timeline = viewer.getByRole("list", { name: "Updates" });
    await expect(timeline.getByRole("listitem")).toHaveCount(1);

    await page.getByLabel("Status", { exact: true }).selectOption("identified");
    await page.getByLabel("Update", { exact: true }).fill("A congested transit link; rerouting.");
    await page.getByRole("button", { name: "Post update" }).click();

    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    await expect(timeline.getByRole("listitem").first()).toContainText(
      "A congested transit link; rerouting.",
    );
    expect(loads()).toBe(0);

    // The list of incidents is live too: resolving it moves it off the open list.
    await gotoReady(viewer, "/incidents");
    const listLoads = forbidReloads(viewer);
    await expect(viewer.getByRole("row", { name: title })).toBeVisible();
    await page.getByRole("button", { name: "Resolve…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Closing note").fill("Rerouted; latency is normal.");
    await dialog.getByRole("button", { name: "Resolve incident" }).click();
    await expect(viewer.getByRole("row", { name: title })).toHaveCount(0);
    expect(listLoads()).toBe(0);
    await viewer.close();
  });
});
