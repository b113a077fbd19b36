import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

// A webhook receiver on 127.0.0.1 in the test process: the demo core admits private receivers.
let server: Server;
let hookUrl: string;
const received: { event: string; delivery: string; body: unknown }[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        event: String(req.headers["x-orrery-event"]),
        delivery: String(req.headers["x-orrery-delivery"]),
        body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "null"),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orrery`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function shoot(
  page: Page,
  path: string,
  selector: string,
  name: string,
  prepare?: (page: Page) => Promise<void>,
) {
  for (const [viewport, size] of [
    [{ width: 1280, height: 900 }, "desktop"],
    [{ width: 390, height: 844 }, "phone"],
  ] as const) {
    await page.setViewportSize(viewport);
    await gotoReady(page, path);
    await prepare?.(page);
    const target = page.locator(selector);
    await target.scrollIntoViewIfNeeded();
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the ${size} screen`).toBeLessThanOrEqual(0);
      await target.screenshot({
        path: `docs/screenshots/${name}-${size}${theme === "dark" ? "-dark" : ""}.png`,
      });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("anyone subscribes a webhook on the public page; it is pinged, and the admin sees it with its delivery log and removes it", async ({
  browser,
  satellite,
}) => {
  // The fixture's satellite reports from Oslo, so the page has a region to choose.
  expect(satellite.slug).toBeTruthy();
  const anon = await browser.newPage();
  await expect
    .poll(async () => {
      await gotoReady(anon, "/status/global");
      return anon.locator("#subscribe").getByLabel("Only the parts I choose").count();
    })
    .toBe(1);
  await shoot(anon, "/status/global", "#subscribe", "status-subscribe");
  await gotoReady(anon, "/status/global");
  const form = anon.locator("#subscribe");
  // Without SMTP on this core there is no email option at all.
  await expect(form.getByLabel("Email")).toHaveCount(0);
  await form.getByLabel("Webhook URL").fill("not a url");
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByText(/must be a full URL/).first()).toBeVisible();
  await form.getByLabel("Only the parts I choose").check();
  await form.getByLabel("Webhook URL").fill(hookUrl);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByText(/pick at least one region or site/i).first()).toBeVisible();
  await form.getByRole("group", { name: "Components to follow" }).getByRole("checkbox").first().check();
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByText("Webhook added.")).toBeVisible();
  await expect(form.locator("code").filter({ hasText: /^whsec_/ })).toBeVisible();
  await expect.poll(() => received.filter((r) => r.event === "subscriber.verify").length).toBe(1);
  expect(received[0].body).toMatchObject({ page: { status_indicator: expect.any(String) }, ping: {} });
  await anon.close();

  const admin = await browser.newPage({ storageState: authFile("admin") });
  await gotoReady(admin, "/admin/status-pages");
  await admin.getByRole("link", { name: "Orrery Cloud", exact: true }).first().click();
  await admin.waitForURL(/\/admin\/status-pages\/[^/]+$/);
  const path = `${new URL(admin.url()).pathname}/subscribers`;
  await gotoReady(admin, path);
  const table = admin.getByRole("table", { name: "Subscribers" });
  await expect(table).toContainText(hookUrl);
  await expect(table).toContainText("Active");
  await admin.locator("details").first().click();
  await expect(admin.locator("details").first()).toContainText("subscriber.verify");
  await shoot(admin, path, "main", "status-subscribers", (p) => p.locator("details").first().click());
  await gotoReady(admin, path);
  await admin.getByRole("button", { name: `Remove the subscriber ${hookUrl}` }).click();
  await expect(admin.getByText("No subscribers yet")).toBeVisible();
  await admin.close();

  const viewer = await browser.newPage({ storageState: authFile("viewer") });
  await viewer.goto(path);
  await expect(viewer.getByText(hookUrl)).toHaveCount(0);
  await viewer.close();
});
