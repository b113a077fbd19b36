import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { Browser } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { decommissionSatellites, enrollSatellite, expect, test, type EnrolledSatellite } from "./fixtures";
import { authFile, gotoReady } from "./helpers";

// Words that belong to the console only: capacities, versions, links, providers, users.
const PRIVATE = [
  "Mbps",
  "stackVersion",
  "agentVersion",
  "2026.11.1",
  "orrery.local",
  "uplinkMbps",
  "equinix",
  'lat"',
];

// A few EU satellites of this file's own report over the real agent protocol, so the page has sites in service.
const sites: EnrolledSatellite[] = [];
test.beforeAll(async ({ playwright, joinToken }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  for (const [city, lat, lon] of [
    ["Berlin", 52.52, 13.4],
    ["Munich", 48.14, 11.58],
  ] as const) {
    const site = await enrollSatellite(api, joinToken, { city, country: "DE", lat, lon });
    sites.push(site);
    await site.beat({ compute: "ok", storage: "ok" });
  }
  await api.dispose();
});

test.afterAll(async ({ browser }) => decommissionSatellites(browser, sites));

async function anonymousPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

/** The host page's snippet exactly as docs/status-embeds.md documents it, pointed at `src`. */
function documentedSnippet(src: string): string {
  const doc = readFileSync("docs/status-embeds.md", "utf8");
  const snippet = doc.match(/```html\n([\s\S]*?)```/)?.[1] ?? "";
  expect(snippet).toContain("orrery:resize");
  return snippet.replace("https://orrery.example.com/embed/status/global", src);
}

/** A page on another local origin that frames the status widget with the documented snippet. */
function hostPage(port: number, src: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>Partner intranet</title><h1>Partner intranet</h1>
${documentedSnippet(src)}`);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

test("the public page needs no sign-in and shows nothing private", async ({ browser }) => {
  const { context, page } = await anonymousPage(browser);
  const res = await page.goto("/status/global");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Orrery Cloud" })).toBeVisible();
  await expect(page.getByLabel("Overall status")).toBeVisible();
  // The snapshot behind the page is at most 10 s old.
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel("Regions")).toContainText("EU / EEA (GDPR)", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const html = await page.content();
  for (const word of PRIVATE) expect(html, word).not.toContain(word);

  const json = await page.request.get("/api/status/global");
  expect(json.status()).toBe(200);
  const text = await json.text();
  for (const word of PRIVATE) expect(text, word).not.toContain(word);
  const body = JSON.parse(text);
  expect(Object.keys(body).sort()).toEqual([
    "activeIncidents",
    "description",
    "generatedAt",
    "indicator",
    "maintenance",
    "overall",
    "page",
    "regions",
  ]);
  // Pages that do not exist and console pages stay closed to anonymous readers.
  expect((await page.request.get("/status/no-such-page")).status()).toBe(404);
  await page.goto("/satellites");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("on a phone the page fits the screen and reads top-down, worst first", async ({ browser }) => {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  // The banner states the overall status in words, the JSON's own sentence (read together, as both change).
  await expect(async () => {
    await page.goto("/status/global");
    const doc = await (await page.request.get("/api/status/global")).json();
    await expect(page.getByLabel("Overall status")).toContainText(doc.description, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Regions are rows, worst first; operational ones start closed, the others open.
  const rows = page.locator("details[data-region]");
  const shown = await rows.evaluateAll((els) =>
    els.map((el) => ({ status: el.getAttribute("data-status"), open: (el as HTMLDetailsElement).open })),
  );
  const rank = ["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"];
  const ranks = shown.map((r) => rank.indexOf(r.status ?? ""));
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  for (const r of shown) expect(r.open).toBe(r.status !== "operational");
  await expect(page.getByLabel("Regions")).toContainText(
    /\d+ of \d+ operational|All \d+ operational|1 site, operational/,
  );
  // A closed region opens to its uptime and its sites.
  const first = rows.first();
  if (!(await first.evaluate((el) => (el as HTMLDetailsElement).open)))
    await first.locator("summary").click();
  await expect(first.getByRole("img", { name: /uptime over 90 days/ })).toBeVisible();
  await context.close();
});

test("JSON and badge answer 304 to their ETag, and the Atom feed parses", async ({ browser }) => {
  const { context, page } = await anonymousPage(browser);
  for (const path of [
    "/api/status/global",
    "/api/status/global/badge.svg",
    "/api/status/global/badge.svg?region=eu-gdpr",
  ]) {
    const first = await page.request.get(path);
    expect(first.status(), path).toBe(200);
    expect(first.headers()["cache-control"]).toBe("public, max-age=30, stale-while-revalidate=60");
    const etag = first.headers()["etag"];
    const again = await page.request.get(path, { headers: { "If-None-Match": etag } });
    expect(again.status(), path).toBe(304);
  }
  await page.goto("/status/global");
  const feed = await page.evaluate(async () => {
    const res = await fetch("/status/global/feed.atom");
    const doc = new DOMParser().parseFromString(await res.text(), "application/xml");
    return {
      type: res.headers.get("content-type"),
      error: doc.getElementsByTagName("parsererror").length,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      title: doc.querySelector("feed > title")?.textContent,
    };
  });
  expect(feed).toEqual({
    type: "application/atom+xml; charset=utf-8",
    error: 0,
    root: "feed",
    ns: "http://www.w3.org/2005/Atom",
    title: "Orrery Cloud status",
  });
  await context.close();
});

test.describe("embedding", () => {
  test.use({ storageState: authFile("admin") });

  test("a page on an allowed origin can frame the widget; another origin cannot", async ({
    page,
    browser,
  }) => {
    const slug = `partners-${Date.now().toString(36)}`;
    await gotoReady(page, "/admin/status-pages/new");
    await page.getByLabel("Slug").fill(slug);
    await page.getByLabel("Title").fill("Partner sites");
    await page.getByLabel("The whole fleet").check();
    await page.getByLabel("Origins allowed to embed the widget").fill("http://127.0.0.1:4555");
    await page.getByRole("button", { name: "Create status page" }).click();
    await expect(page.getByRole("heading", { name: "Partner sites" })).toBeVisible();
    await expect(page.getByText(`/embed/status/${slug}`).first()).toBeVisible();

    const src = `${baseURL}/embed/status/${slug}`;
    const allowed = await hostPage(4555, src);
    const refused = await hostPage(4556, src);
    try {
      const { context, page: visitor } = await anonymousPage(browser);
      await visitor.goto("http://127.0.0.1:4555/");
      const widget = visitor.frameLocator("#orrery-status");
      await expect(widget.getByText("Partner sites")).toBeVisible();
      // The widget tells the page its height, and the documented snippet fits the frame to it.
      const height = await widget
        .locator("html")
        .evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
      await expect(visitor.locator("#orrery-status")).toHaveCSS("height", `${height}px`);

      await visitor.goto("http://127.0.0.1:4556/");
      const frame = visitor.frames().find((f) => f !== visitor.mainFrame());
      await expect.poll(() => frame?.url() ?? "").toMatch(/^chrome-error:/);
      await expect(visitor.frameLocator("#orrery-status").getByText("Partner sites")).toHaveCount(0);
      await context.close();
    } finally {
      allowed.close();
      refused.close();
    }

    // Console pages refuse every frame.
    const console = await page.request.get("/satellites");
    expect(console.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  test("an unlisted page answers only with its secret link", async ({ page, browser }) => {
    const slug = `unlisted-${Date.now().toString(36)}`;
    await gotoReady(page, "/admin/status-pages/new");
    await page.getByLabel("Slug").fill(slug);
    await page.getByLabel("Title").fill("Unlisted sites");
    await page.getByLabel("Visibility").selectOption("unlisted");
    await page.getByLabel("The whole fleet").check();
    await page.getByRole("button", { name: "Create status page" }).click();
    const link = (
      await page.locator(".snippet", { hasText: "Public page" }).locator("code").innerText()
    ).trim();
    expect(link).toMatch(new RegExp(`/status/${slug}\\?key=[A-Za-z0-9_-]{24}$`));

    const { context, page: visitor } = await anonymousPage(browser);
    expect((await visitor.request.get(`/status/${slug}`)).status()).toBe(404);
    expect((await visitor.request.get(`/api/status/${slug}`)).status()).toBe(404);
    await visitor.goto(link);
    await expect(visitor.getByRole("heading", { name: "Unlisted sites" })).toBeVisible();
    await context.close();
  });
});

test.describe("an operator", () => {
  test.use({ storageState: authFile("operator") });

  test("publishes an incident in the console, and the public page shows it within the cache time", async ({
    page,
    browser,
    satellite,
  }) => {
    const title = `Power feed work ${Date.now().toString(36)}`;

    const { context, page: visitor } = await anonymousPage(browser);
    await visitor.goto("/status/global");
    await expect(visitor.getByText(title)).toHaveCount(0);

    await gotoReady(page, "/incidents/new");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Impact", { exact: true }).selectOption("minor");
    await page
      .getByLabel("What is happening", { exact: true })
      .fill("One power feed is down; the site runs on the other.");
    const picker = page.getByLabel("Affected satellites", { exact: true });
    await picker.fill(satellite.slug);
    await picker.press("Enter");
    await page.getByRole("button", { name: "Open incident" }).click();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();

    // The JSON and the page allow 30 s of caching; the snapshot itself is rebuilt at once.
    const published = Date.now();
    await expect(async () => {
      await visitor.reload();
      await expect(visitor.getByLabel("Active incidents")).toContainText(title, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    expect(Date.now() - published).toBeLessThan(30_000);
    const json = await (await visitor.request.get("/api/status/global")).json();
    expect(json.activeIncidents.map((i: { title: string }) => i.title)).toContain(title);
    await context.close();
  });
});
