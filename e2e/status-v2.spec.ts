import { request as httpRequest } from "node:http";
import type { Page } from "@playwright/test";
import { Statuspage } from "statuspage.io";
import { expect, test } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

// The Statuspage v2 API on the built core, read by the real npm client, and the admin's custom host field.
// Binding a host runs only when the core was started with STATUS_CUSTOM_HOSTS naming status.example.test.

const HOST = "status.example.test";

/** A request with the custom host's Host header, as a browser on that domain sends it. */
function onHost(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host: HOST } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("the statuspage.io client reads the demo page, and agrees with the page's own JSON", async ({
  baseURL,
}) => {
  const client = new Statuspage("orrery");
  client.setApiUrl(`${baseURL}/status/global`);
  const summary = await client.api.getSummary();
  const own = (await (await fetch(`${baseURL}/api/status/global`)).json()) as {
    indicator: string;
    description: string;
    regions: { id: string; status: string }[];
    activeIncidents: { id: string }[];
  };
  expect(summary.status).toEqual({ indicator: own.indicator, description: own.description });
  for (const r of own.regions) {
    expect(summary.components.find((c) => c.id === `region:${r.id}`)?.status).toBe(r.status);
  }
  expect((await client.api.incidents.getUnresolved()).incidents.map((i) => i.id).sort()).toEqual(
    own.activeIncidents.map((i) => i.id).sort(),
  );
  const { components } = await client.api.getComponents();
  // Regions with satellites in service appear (a fresh fleet may have none yet); each child names its group.
  expect(components.filter((c) => !c.group_id).length).toBe(own.regions.length);
  for (const c of components.filter((x) => x.group_id)) {
    const group = components.find((g) => g.id === c.group_id) as { group: boolean; components?: string[] };
    expect(group.group).toBe(true);
    expect(group.components).toContain(c.id);
  }
  expect(Array.isArray((await client.api.scheduledMaintenances.getUpcoming()).scheduled_maintenances)).toBe(
    true,
  );
  const rss = await fetch(`${baseURL}/status/global/history.rss`);
  expect(rss.headers.get("content-type")).toContain("application/rss+xml");
});

async function shoot(page: Page, path: string) {
  for (const [viewport, size] of [
    [{ width: 1280, height: 900 }, "desktop"],
    [{ width: 390, height: 844 }, "phone"],
  ] as const) {
    await page.setViewportSize(viewport);
    await gotoReady(page, path);
    const section = page.locator("#custom-host");
    await section.scrollIntoViewIfNeeded();
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the ${size} screen`).toBeLessThanOrEqual(0);
      await section.screenshot({
        path: `docs/screenshots/status-custom-host-${size}${theme === "dark" ? "-dark" : ""}.png`,
      });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("binds the demo page to a custom host, which then answers the v2 API at its root", async ({
    page,
    baseURL,
  }) => {
    await gotoReady(page, "/admin/status-pages");
    const row = page.locator("tr").filter({ has: page.getByText("/status/global", { exact: true }) });
    await row.locator("a.cell-main").click();
    await expect(page.getByRole("heading", { name: "Custom host" })).toBeVisible();
    const path = new URL(page.url()).pathname;
    const select = page.getByLabel("Custom host");
    if ((await select.count()) === 0) {
      await expect(page.getByText("No custom hosts are configured")).toBeVisible();
      await shoot(page, path);
      return;
    }
    await select.selectOption(HOST);
    await page.getByRole("button", { name: "Save custom host" }).click();
    await expect(page.getByText(`now also answers at https://${HOST}/`)).toBeVisible();
    const summary = await onHost(baseURL!, "/api/v2/summary.json");
    expect(summary.status).toBe(200);
    expect(JSON.parse(summary.body).page.url).toBe(`https://${HOST}`);
    await shoot(page, path);
    // Unbind, so the other tests see the page as it was.
    await page.getByLabel("Custom host").selectOption("");
    await page.getByRole("button", { name: "Save custom host" }).click();
    await expect(page.getByText("no longer answers on a custom host")).toBeVisible();
    expect((await onHost(baseURL!, "/api/v2/summary.json")).status).toBe(404);
  });
});
