import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { countProperty, ringImageId, ringWeights, UNHEALTHY } from "../components/map/cluster-ring";
import { MAP_STATUSES, type MapStatus } from "../lib/fleet-map";
import { baseURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { authFile, gotoReady, mapIdle, signIn } from "./helpers";

test.use({ storageState: authFile("viewer") });

type Rendered = { total: number; clusters: number; points: number; slugs: string[]; statuses: string[] };

/**
 * What the map has drawn, read through maplibre's own rendered-feature query: clusters count their members.
 * A point carries its index in the map's answer, not its slug: the slugs come from the map's look-up.
 */
async function rendered(page: Page): Promise<Rendered> {
  await mapIdle(page);
  return page.evaluate(
    async (statuses) => {
      const map = window.orreryFleetMap!;
      const seenClusters = new Set<number>();
      const seenPoints = new Set<number>();
      let total = 0;
      const found: string[] = [];
      for (const f of map.queryRenderedFeatures({ layers: ["sat-clusters"] })) {
        const id = Number(f.properties.cluster_id);
        if (seenClusters.has(id)) continue;
        seenClusters.add(id);
        total += Number(f.properties.point_count);
      }
      for (const f of map.queryRenderedFeatures({ layers: ["sat-points"] })) {
        const at = Number(f.properties.i);
        if (seenPoints.has(at)) continue;
        seenPoints.add(at);
        total += 1;
        found.push(statuses[Number(f.properties.status)]);
      }
      let slugs: string[] = [];
      if (seenPoints.size > 0) {
        const params = new URLSearchParams(window.location.search);
        params.set("at", [...seenPoints].join(","));
        const res = await fetch(`/api/v1/map/satellites?${params}`);
        const byAt = new Map(
          ((await res.json()) as { items: { at: number; slug: string }[] }).items.map((x) => [x.at, x.slug]),
        );
        slugs = [...seenPoints].map((at) => byAt.get(at) ?? "");
      }
      return { total, clusters: seenClusters.size, points: seenPoints.size, slugs, statuses: found };
    },
    MAP_STATUSES as unknown as string[],
  );
}

/** Waits for the map's data to answer `query` (the filters are applied on the server). */
async function mapAnswered(page: Page, query: string) {
  await page.waitForResponse(
    (r) => r.url().includes("/api/v1/map") && !r.url().includes("/basemap") && r.url().includes(query),
  );
}

async function apiTotal(page: Page, query = ""): Promise<number> {
  const res = await page.request.get(`/api/v1/satellites?limit=1${query ? `&${query}` : ""}`);
  expect(res.status()).toBe(200);
  return (await res.json()).total;
}

test("the map draws every satellite the API counts, and a filter reduces both", async ({ page, enroll }) => {
  // Three of this test's own on one spot in eu-gdpr (so they cluster) and one outside it, whatever else exists.
  for (let i = 0; i < 3; i++) await enroll();
  await enroll({ city: "Ashburn", country: "US", lat: 39.04, lon: -77.49 });
  await gotoReady(page, "/");
  // Read both sides in one go: other tests may enroll or retire satellites meanwhile.
  const drawnMinusCounted = async (query = "") =>
    (await rendered(page)).total - (await apiTotal(page, query));
  await expect.poll(() => drawnMinusCounted(), { timeout: 20_000 }).toBe(0);
  const first = await rendered(page);
  expect(first.total).toBeGreaterThanOrEqual(4);
  expect(first.clusters).toBeGreaterThan(0);
  const figures = page.getByRole("region", { name: "Fleet figures" });
  await expect
    .poll(async () => (await figures.innerText()).includes((await apiTotal(page)).toLocaleString("en")))
    .toBe(true);

  expect(await apiTotal(page, "region=eu-gdpr")).toBeLessThan(await apiTotal(page));
  const answered = mapAnswered(page, "region=eu-gdpr");
  await page.getByLabel("Region", { exact: true }).selectOption("eu-gdpr");
  await answered;
  await expect(page).toHaveURL(/region=eu-gdpr/);
  await expect.poll(() => drawnMinusCounted("region=eu-gdpr"), { timeout: 20_000 }).toBe(0);
  await expect
    .poll(async () =>
      (await page.locator(".kpi-cell").first().innerText()).includes(
        String(await apiTotal(page, "region=eu-gdpr")),
      ),
    )
    .toBe(true);

  // The Satellites list shares the URL's filters.
  await page.goto(`/satellites?region=eu-gdpr`);
  const eu = await apiTotal(page, "region=eu-gdpr");
  await expect(page.getByText(`${eu} satellites match`)).toBeVisible();
});

test("clicking a satellite opens its panel with its name, and Escape closes it", async ({
  page,
  satellite: target,
}) => {
  await gotoReady(page, `/?q=${encodeURIComponent(target.slug)}`);
  await expect.poll(async () => (await rendered(page)).slugs, { timeout: 20_000 }).toEqual([target.slug]);

  const at = await page.evaluate(() => {
    const map = window.orreryFleetMap!;
    const f = map.queryRenderedFeatures({ layers: ["sat-points"] })[0];
    return map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
  });
  const box = (await page.locator(".map-surface").boundingBox())!;
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await expect(page.locator(".map-tip")).toContainText(target.name);
  // A dot is at least 12 px across: a click 5 px off its centre still lands on it.
  await page.mouse.click(box.x + at.x + 5, box.y + at.y);
  const panel = page.getByTestId("map-panel");
  await expect(panel.getByTestId("panel-name")).toHaveText(target.name);
  await expect(page).toHaveURL(new RegExp(`sat=${target.slug}`));
  await expect(panel.getByRole("link", { name: "Open satellite page →" })).toHaveAttribute(
    "href",
    `/satellites/${target.slug}`,
  );
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("switching the colour mode changes the legend", async ({ page }) => {
  await gotoReady(page, "/");
  await mapIdle(page);
  const legend = page.locator(".map-legend");
  await expect(legend).toHaveAttribute("data-mode", "health");
  await expect(legend).toContainText("Offline");
  await page.getByRole("button", { name: "Bandwidth" }).click();
  await expect(legend).toHaveAttribute("data-mode", "bandwidth");
  await expect(legend).toContainText("80 %");
  await expect(page).toHaveURL(/color=bandwidth/);
  await page.getByRole("button", { name: "Compliance region" }).click();
  await expect(legend).toContainText("eu-gdpr");
  await page.getByRole("button", { name: "Rollout" }).click();
  await expect(legend).toContainText("Upgrading");
  const paint = await page.evaluate(() =>
    JSON.stringify(window.orreryFleetMap!.getPaintProperty("sat-points", "circle-color")),
  );
  expect(paint).toContain("rollout");
});

test("a satellite whose agent stops turns stale, then offline, without a reload", async ({
  page,
  enroll,
}) => {
  const satellite = await enroll();
  await gotoReady(page, `/?q=${encodeURIComponent(satellite.slug)}`);
  await expect.poll(async () => (await rendered(page)).statuses, { timeout: 20_000 }).toEqual(["never_seen"]);

  // One heartbeat over the agent protocol, then silence, as from an agent that crashed.
  await satellite.beat();
  const live = ["healthy", "degraded", "critical", "unknown"];
  await expect
    .poll(async () => live.includes((await rendered(page)).statuses[0]), { timeout: 15_000 })
    .toBe(true);
  const url = page.url();
  // This core is stale after 15 s of silence and offline after 30 s (playwright.config.ts). The page
  // polls; nobody reloads.
  await expect
    .poll(async () => (await rendered(page)).statuses, { timeout: 30_000, intervals: [1_000] })
    .toEqual(["stale"]);
  await expect(page.locator(".kpi-cell", { hasText: "Stale" })).toContainText("1");
  await expect
    .poll(async () => (await rendered(page)).statuses, { timeout: 30_000, intervals: [1_000] })
    .toEqual(["offline"]);
  await expect(page.locator(".kpi-cell", { hasText: "Offline" })).toContainText("1");
  expect(page.url()).toBe(url);
});

test("the map's data answers 304 to its ETag and refuses anonymous callers", async ({ page, playwright }) => {
  const first = await page.request.get("/api/v1/map?region=eu-gdpr");
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await page.request.get("/api/v1/map?region=eu-gdpr", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe("");
  const bad = await page.request.get("/api/v1/map?health=purple");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields).toHaveProperty(["health[0]"]);
  // No session at all: not even the test's signed-in storage state.
  const anonymous = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  for (const path of ["/api/v1/map", "/api/v1/satellites.csv", "/api/v1/satellites/anything"]) {
    const res = await anonymous.get(path);
    expect(res.status(), `${path}: ${await res.text()}`).toBe(401);
  }
  await anonymous.dispose();
});

test("the Satellites list exports its filtered rows as CSV", async ({ page }) => {
  await gotoReady(page, "/satellites?region=eu-gdpr");
  const total = await apiTotal(page, "region=eu-gdpr");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^orrery-satellites-\d+\.csv$/);
  const text = readFileSync((await file.path())!, "utf8");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toMatch(/^slug,name,kind/);
  expect(lines).toHaveLength(total + 1);
  // Every text cell is quoted, so no name can turn into a spreadsheet formula.
  expect(lines.slice(1).every((l) => l.includes(',"eu-gdpr",'))).toBe(true);
});

test("each status figure leads to the Satellites list filtered to it, by mouse or keyboard", async ({
  page,
  enroll,
}) => {
  const target = await enroll();
  await target.beat({ compute: "ok", storage: "down" });
  await gotoReady(page, `/?q=${encodeURIComponent(target.slug)}`);
  const critical = page.getByRole("link", { name: "1 critical satellite — show it" });
  await expect(critical).toHaveAttribute(
    "href",
    `/satellites?q=${target.slug}&connectivity=connected&health=critical`,
  );
  await expect(page.getByRole("link", { name: "0 offline satellites — show them" })).toHaveAttribute(
    "href",
    `/satellites?q=${target.slug}&connectivity=offline`,
  );
  // Keyboard: the figure takes focus and Enter follows it.
  await critical.focus();
  await expect(critical).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/satellites\?q=.*connectivity=connected&health=critical/);
  await expect(page.getByText(target.name).first()).toBeVisible();
  expect(await apiTotal(page, `q=${target.slug}&connectivity=connected&health=critical`)).toBe(1);

  // Unfiltered, the figures lead to the whole fleet's list of that status.
  await gotoReady(page, "/");
  const offline = page.locator("a.kpi-cell", { hasText: "Offline" });
  await expect(offline).toHaveAttribute("href", "/satellites?connectivity=offline");
  await expect(offline).toHaveAccessibleName(/^[\d,]+ offline satellites? — show (them|it)$/);
});

test("clusters are rings by status, each drawn from its members' counts", async ({ page, enroll }) => {
  // Three of this test's own on one spot (so they cluster at the world view), one of them critical.
  const sats = [await enroll(), await enroll(), await enroll()];
  for (const s of sats) await s.beat();
  await sats[0].beat({ compute: "down" });
  await gotoReady(page, "/");
  await mapIdle(page);
  const clusters = await page.evaluate(() => {
    const map = window.orreryFleetMap!;
    return map.queryRenderedFeatures({ layers: ["sat-clusters"] }).map((f) => f.properties);
  });
  expect(clusters.length).toBeGreaterThan(0);
  for (const props of clusters) {
    const counts = Object.fromEntries(
      MAP_STATUSES.map((s) => [s, Number(props[countProperty(s)])]),
    ) as Record<MapStatus, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(Number(props.point_count));
    const id = ringImageId("light", ringWeights(counts));
    await expect.poll(() => page.evaluate((i) => window.orreryFleetMap!.hasImage(i), id)).toBe(true);
  }
  // This test's critical satellite is counted: in some cluster's ring, or as a red dot of its own.
  const criticalDrawn = await page.evaluate(
    ({ key, code }) => {
      const map = window.orreryFleetMap!;
      const seen = new Set<number>();
      let n = 0;
      for (const f of map.queryRenderedFeatures({ layers: ["sat-clusters"] })) {
        if (seen.has(Number(f.properties.cluster_id))) continue;
        seen.add(Number(f.properties.cluster_id));
        n += Number(f.properties[key]);
      }
      const dots = map.queryRenderedFeatures({ layers: ["sat-points"] });
      return n + new Set(dots.filter((f) => f.properties.status === code).map((f) => f.properties.i)).size;
    },
    { key: countProperty("critical"), code: MAP_STATUSES.indexOf("critical") },
  );
  expect(criticalDrawn).toBeGreaterThanOrEqual(1);
  // Each cluster with members that are not healthy carries a badge with their number.
  const badges = await page.evaluate((keys) => {
    const map = window.orreryFleetMap!;
    const label = (f: { properties: Record<string, unknown> }) =>
      keys.reduce((n, k) => n + Number(f.properties[k]), 0);
    const want = new Map(
      map
        .queryRenderedFeatures({ layers: ["sat-clusters"] })
        .filter((f) => label(f) > 0)
        .map((f) => [Number(f.properties.cluster_id), label(f)]),
    );
    const got = new Map(
      map
        .queryRenderedFeatures({ layers: ["sat-cluster-badge"] })
        .map((f) => [Number(f.properties.cluster_id), label(f)]),
    );
    return { want: [...want.entries()].sort(), got: [...got.entries()].sort() };
  }, UNHEALTHY.map(countProperty));
  expect(badges.got).toEqual(badges.want);
  // Other colour modes draw plain one-colour clusters.
  await page.getByRole("button", { name: "Bandwidth" }).click();
  await expect
    .poll(() =>
      page.evaluate(() => window.orreryFleetMap!.getLayoutProperty("sat-cluster-ring", "visibility")),
    )
    .toBe("none");
});

test("a region-scoped operator's map opens on her regions, and shows the whole fleet on request", async ({
  browser,
  enroll,
}) => {
  // One of this test's own outside eu-gdpr, so the whole fleet reaches America whatever else exists.
  await enroll({ city: "Ashburn", country: "US", lat: 39.04, lon: -77.49 });
  await enroll();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "eu-operator@orrery.local");
  await expect(page).toHaveURL("/");
  await page.locator("html[data-hydrated]").waitFor();
  const scope = page.getByTestId("map-scope");
  await expect(scope).toContainText("Showing your scope: eu-gdpr");
  await mapIdle(page);
  const view = () =>
    page.evaluate(() => {
      const map = window.orreryFleetMap!;
      const b = map.getBounds();
      return { west: b.getWest(), east: b.getEast(), hasAshburn: b.contains([-77.49, 39.04]) };
    });
  const eu = await view();
  expect(eu.hasAshburn).toBe(false);
  expect(eu.west).toBeGreaterThan(-45);

  await scope.getByRole("button", { name: "Show whole fleet" }).click();
  await expect.poll(async () => (await view()).hasAshburn, { timeout: 10_000 }).toBe(true);
  await expect(scope.getByRole("button", { name: "Show your scope: eu-gdpr" })).toBeVisible();
  await context.close();
});

test("a user of every region has no scope to open on", async ({ page }) => {
  await gotoReady(page, "/");
  await mapIdle(page);
  await expect(page.getByTestId("map-scope")).toHaveCount(0);
});

test("figures that stop updating say so, and recover by themselves", async ({ page }) => {
  await gotoReady(page, "/");
  await mapIdle(page);
  const status = page.getByTestId("map-status");
  await expect(status).toContainText("live, updated");
  await page.route(/\/api\/v1\/map(\?|$)/, (route) => route.abort("connectionrefused"));
  await expect(status).toContainText("Not updated for", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Fleet figures" })).toHaveAttribute("data-stale", "true", {
    timeout: 30_000,
  });
  await page.unroute(/\/api\/v1\/map(\?|$)/);
  await expect(status).toContainText("live, updated", { timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Fleet figures" })).not.toHaveAttribute("data-stale", "true");
});

/** WCAG contrast of two computed colours, rgb() or color(srgb …), the second one opaque. */
function contrast(fg: string, bg: string): number {
  const channels = (c: string) => {
    const n = (c.match(/[\d.]+/g) ?? []).map(Number);
    return c.startsWith("color(") ? n.slice(0, 3) : n.slice(0, 3).map((v) => v / 255);
  };
  const lum = (c: string) => {
    const [r, g, b] = channels(c).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

test("the map's controls and legend keep their contrast in the dark theme", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("orrery-theme", "dark"));
  await gotoReady(page, "/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await mapIdle(page);
  const looks = await page.evaluate(() => {
    const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    const surface = getComputedStyle(document.body).getPropertyValue("--surface").trim();
    return {
      surface,
      group: css(".maplibregl-ctrl-group").backgroundColor,
      groupBorder: css(".maplibregl-ctrl-group").borderTopColor,
      icon: css(".maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon").filter,
      legend: css(".map-legend").backgroundColor,
      legendText: css(".map-legend li").color,
      ocean: "rgb(10, 17, 28)",
    };
  });
  // The buttons are the console's dark surface with light glyphs (maplibre's dark glyphs, inverted).
  expect(looks.group).toBe("rgb(21, 27, 35)");
  expect(looks.icon).toContain("invert(1)");
  // Their edge stands out from the dark sea, and the legend's text from its panel.
  expect(contrast(looks.groupBorder, looks.ocean)).toBeGreaterThan(1.5);
  expect(contrast(looks.legendText, looks.legend)).toBeGreaterThan(4.5);
  // The rings' centres follow the theme.
  const ring = await page.evaluate(() =>
    JSON.stringify(window.orreryFleetMap!.getLayoutProperty("sat-cluster-ring", "icon-image")),
  );
  expect(ring).toContain("ring:dark:");
});
