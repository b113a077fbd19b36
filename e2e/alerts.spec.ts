import { startHttpReceiver, type HttpReceiver } from "../server/outbox/test-receivers";
import { verifySignature } from "../server/outbox/signing";
import type { Page } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

// A webhook receiver of the test's own on 127.0.0.1: the browser-test core is a demo core, where Orrery
// may send to private receivers (WEBHOOK_ALLOW_PRIVATE follows ORRERY_DEMO).
let receiver: HttpReceiver;
test.beforeAll(async () => {
  receiver = await startHttpReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

/** Each page at desktop and phone width, light and dark, into test-results/screens; nothing overflows at 390 px. */
async function shoot(page: Page, path: string, name: string) {
  for (const [viewport, size] of [
    [{ width: 1440, height: 900 }, "desktop"],
    [{ width: 390, height: 844 }, "phone"],
  ] as const) {
    await page.setViewportSize(viewport);
    await gotoReady(page, path);
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the ${size} screen`).toBeLessThanOrEqual(0);
      const suffix = theme === "dark" ? "-dark" : "";
      await page.screenshot({ path: `test-results/screens/alerts-${name}-${size}${suffix}.png` });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("adds a webhook channel, sends it a test, makes a rule and sees it fire", async ({
    page,
    enroll,
    request,
  }) => {
    test.setTimeout(150_000);
    const channel = uniqueName("e2e-hook");
    const rule = uniqueName("e2e-rule");

    // A channel with a secret Orrery makes up and shows once.
    await gotoReady(page, "/alerts/channels/new");
    await page.getByLabel("Name").fill(channel);
    await page.getByLabel("Kind").selectOption("webhook");
    await page.getByLabel("URL").fill(`${receiver.url}/orrery`);
    await page.getByRole("button", { name: "Create channel" }).click();
    await expect(page.getByText("Channel created.")).toBeVisible();
    const secret = (await page.getByTestId("channel-secret").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);

    // Send test: delivered at once, and signed with that secret.
    await gotoReady(page, "/alerts/channels");
    const row = page.getByRole("row").filter({ hasText: channel });
    await expect(row.getByText("set", { exact: true })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
    await row.getByRole("button", { name: `Send a test to ${channel}` }).click();
    await expect(row.getByRole("status")).toHaveText(/^Delivered/);
    const test1 = receiver.received.find((r) => (r.json as { type?: string }).type === "channel.test")!;
    expect(
      verifySignature(test1.headers["x-orrery-signature"] as string, test1.body, secret, new Date()),
    ).toBe(true);

    // A rule that only this test's satellite can meet: an agent older than 0.0.1.
    const satellite = await enroll();
    const beat = await request.post("/api/agent/v1/heartbeat", {
      headers: { authorization: `Bearer ${satellite.agentToken}` },
      data: {
        agentVersion: "0.0.1-e2e",
        stackVersion: "2026.11.1",
        samples: [
          {
            seq: 1,
            at: new Date().toISOString(),
            cpuPct: 20,
            memPct: 40,
            diskPct: 50,
            rxMbps: 100,
            txMbps: 50,
            rttMs: 20,
            lossPct: 0,
            services: { compute: "ok" },
          },
        ],
      },
    });
    expect(beat.status(), await beat.text()).toBe(200);

    await gotoReady(page, "/alerts/rules/new");
    await page.getByLabel("Name").fill(rule);
    await page.getByLabel("Watches").selectOption("agent_outdated");
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect(page.locator("#field-version-error")).toHaveText(
      "Enter the oldest agent version that is fine",
    );
    await page.getByLabel("Oldest agent that is fine").fill("0.0.1");
    await page.getByRole("checkbox", { name: channel }).check();
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect(page).toHaveURL(/\/alerts\/rules$/);
    await expect(page.getByRole("row").filter({ hasText: rule })).toContainText("agent older than 0.0.1");

    // The reconciler fires it within a tick or two; the page shows it without a reload.
    await gotoReady(page, "/alerts/active");
    const firing = page.getByRole("table", { name: "Firing alerts" });
    await expect(firing.getByRole("row").filter({ hasText: satellite.slug })).toContainText(
      "runs agent 0.0.1-e2e, older than 0.0.1",
      { timeout: 20_000 },
    );
    await expect
      .poll(
        () => receiver.received.filter((r) => (r.json as { type?: string }).type === "alert.firing").length,
      )
      .toBeGreaterThan(0);
    const fired = receiver.received.find((r) => (r.json as { type?: string }).type === "alert.firing")!;
    expect(
      verifySignature(fired.headers["x-orrery-signature"] as string, fired.body, secret, new Date()),
    ).toBe(true);

    await shoot(page, "/alerts/active", "active");
    await shoot(page, "/alerts/channels", "channels");
    await shoot(page, "/alerts/rules", "rules");
    await shoot(page, "/alerts/rules/new", "rule-form");
    await shoot(page, "/alerts/silences", "silences");

    // Clean up: the rule goes (its alert resolves), so no later spec sees it.
    await gotoReady(page, "/alerts/rules");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Delete rule ${rule}` }).click();
    await expect(page.getByRole("row").filter({ hasText: rule })).toHaveCount(0);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("cannot open the alerts", async ({ page }) => {
    await gotoReady(page, "/alerts/active");
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    const api = await page.request.get("/api/v1/alerts");
    expect(api.status()).toBe(403);
  });
});

test.describe("an operator", () => {
  test.use({ storageState: authFile("operator") });

  test("may set and end a silence but not add channels", async ({ page }) => {
    await gotoReady(page, "/alerts/channels/new");
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    await gotoReady(page, "/alerts/silences");
    const reason = uniqueName("e2e-silence");
    await page.getByLabel("Reason").fill(reason);
    await page.getByLabel("For", { exact: true }).fill("30m");
    await page.getByRole("button", { name: "Set silence" }).click();
    await expect(page.getByText("Silence set.")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: reason });
    await expect(row).toContainText("active");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: `End the silence ${reason}` }).click();
    await expect(row).toContainText("ended early");
  });
});
