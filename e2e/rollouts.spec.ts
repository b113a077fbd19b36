import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { MAP_ROLLOUT_STATES } from "../lib/fleet-map";
import { baseURL } from "../playwright.config";
import { authFile, gotoReady, signIn } from "./helpers";

// Real agents over HTTP: simulators enroll a few demo satellites that no other spec has touched, one
// answering every upgrade, one failing every upgrade. The waves bake 0 minutes; a simulated upgrade that
// takes 20 to 60 s at a real site runs ten times faster here, so each rollout takes seconds.
test.describe.configure({ mode: "serial" });

type Token = { slug: string; agentVersion: string; stackVersion: string };
type Satellite = {
  slug: string;
  regionId: string;
  lifecycle: string;
  connectivity: string;
  agentVersion: string | null;
  stackVersion: string | null;
};

const DIR = "test-results/e2e";
const version = `2050.${Date.now().toString().slice(-6)}.0`;
const sims: ChildProcess[] = [];
let fleet: { certified: string; failing: string; uncertified: string };
let healthy: Satellite[];
let failing: Satellite;
let uncertified: Satellite;
let completedRolloutUrl: string;

async function satellites(request: APIRequestContext): Promise<Satellite[]> {
  const res = await request.get("/api/v1/satellites?limit=10000&sort=slug");
  expect(res.ok()).toBe(true);
  return (await res.json()).items as Satellite[];
}

/**
 * Regions where no satellite has ever reported (so no other spec's agent can join the rollout) and whose
 * untouched, active, agent-1.4 satellites the simulators can bring up; smallest regions first.
 */
function pickRegions(all: Satellite[], tokens: Map<string, Token>) {
  const byRegion = new Map<string, Satellite[]>();
  for (const s of all) byRegion.set(s.regionId, [...(byRegion.get(s.regionId) ?? []), s]);
  const quiet = [...byRegion.entries()]
    .filter(([id, list]) => id !== "eu-gdpr" && list.every((s) => s.connectivity === "never_seen"))
    .map(([id, list]) => ({
      id,
      size: list.length,
      ready: list.filter((s) => s.lifecycle === "active" && tokens.get(s.slug)?.agentVersion === "1.4.0"),
    }))
    .sort((a, b) => a.size - b.size || (a.id < b.id ? -1 : 1));
  const certified = quiet.find((r) => r.ready.length >= 2);
  const failingRegion = quiet.find((r) => r !== certified && r.ready.length >= 1);
  const uncertifiedRegion = quiet.find((r) => r !== certified && r !== failingRegion && r.ready.length >= 1);
  if (!certified || !failingRegion || !uncertifiedRegion)
    throw new Error("the demo fleet has too few quiet regions");
  return {
    regions: { certified: certified.id, failing: failingRegion.id, uncertified: uncertifiedRegion.id },
    healthy: certified.ready.slice(0, 2),
    failing: failingRegion.ready[0],
    uncertified: uncertifiedRegion.ready[0],
  };
}

function simulate(name: string, slugs: string[], failureRate: number) {
  const tokens = JSON.parse(readFileSync(`${DIR}/demo-join-tokens.json`, "utf8")) as { slug: string }[];
  writeFileSync(`${DIR}/${name}-fleet.json`, JSON.stringify(tokens.filter((t) => slugs.includes(t.slug))));
  // --speed 5 beats every 2 s, so a queued command rides back at once; --command-speed 10 shortens upgrades.
  const sim = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "agent/simulate.ts",
      ...["--core", baseURL, "--fleet-file", `${DIR}/${name}-fleet.json`],
      ...["--state-file", `${DIR}/${name}-state.json`, "--satellites", String(slugs.length)],
      ...["--upgrade-failure-rate", String(failureRate), "--offline-share", "0", "--speed", "5"],
      ...["--command-speed", "10"],
      ...["--duration", "600"],
    ],
    { stdio: "ignore" },
  );
  sims.push(sim);
}

/** The highest rollout state the map draws (clusters carry their worst member's). */
async function worstOnMap(page: Page): Promise<string> {
  await page.locator("[data-map-loaded]").waitFor();
  const index = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const map = window.orreryFleetMap;
        if (!map) throw new Error("the map has not started");
        const read = () => {
          const features = map.queryRenderedFeatures({ layers: ["sat-points", "sat-clusters"] });
          resolve(
            Math.max(-1, ...features.map((f) => Number(f.properties.rollout ?? f.properties.rolloutWorst))),
          );
        };
        if (map.loaded() && !map.isMoving()) read();
        else map.once("idle", read);
      }),
  );
  return MAP_ROLLOUT_STATES[index] ?? "nothing drawn";
}

async function planRollout(page: Page, opts: { region: string; bySlug?: string[]; gatePct: string }) {
  await gotoReady(page, "/rollouts/new");
  await page.getByLabel("Release", { exact: true }).selectOption({ label: `${version} — agent 1.4.0+` });
  await page.getByRole("checkbox", { name: opts.region, exact: true }).check();
  if (opts.bySlug) await page.getByLabel("Satellites by hand").fill(opts.bySlug.join("\n"));
  // One wave after the canary: the canary, then everyone else.
  await page.getByRole("button", { name: "Remove wave 1", exact: true }).click();
  await page.getByRole("button", { name: "Remove wave 1", exact: true }).click();
  await expect(page.getByLabel("Wave 1 reaches (% of targets)")).toHaveValue("100");
  await page.getByLabel("Max concurrency").fill("2");
  await page.getByLabel("Bake (minutes)").fill("0");
  await page.getByLabel("Failure gate (%)").fill(opts.gatePct);
}

test.beforeAll(async ({ playwright, browser }) => {
  test.setTimeout(120_000);
  const viewer = await playwright.request.newContext({ baseURL, storageState: authFile("viewer") });
  const tokens = JSON.parse(readFileSync(`${DIR}/demo-join-tokens.json`, "utf8")) as Token[];
  const picked = pickRegions(await satellites(viewer), new Map(tokens.map((t) => [t.slug, t])));
  fleet = picked.regions;
  healthy = picked.healthy;
  failing = picked.failing;
  uncertified = picked.uncertified;
  mkdirSync(DIR, { recursive: true });
  simulate("rollout-ok", [...healthy.map((s) => s.slug), uncertified.slug], 0);
  simulate("rollout-failing", [failing.slug], 1);

  // The release, published through the admin page: certified where the rollouts go, not where it must not.
  const admin = await browser.newPage({ storageState: authFile("admin") });
  await gotoReady(admin, "/admin/releases");
  await admin.getByLabel("Version", { exact: true }).fill(version);
  await admin.getByLabel("Artifact size (MB)").fill("2400");
  await admin.getByLabel("Minimum agent version").fill("1.4.0");
  await admin.getByRole("checkbox", { name: fleet.certified, exact: true }).check();
  await admin.getByRole("checkbox", { name: fleet.failing, exact: true }).check();
  await admin.getByRole("button", { name: "Publish release" }).click();
  await expect(admin.getByText(`Published ${version}`)).toBeVisible();
  await admin.close();

  const live = [...healthy, failing, uncertified].map((s) => s.slug);
  await expect
    .poll(
      async () =>
        (await satellites(viewer)).filter((s) => live.includes(s.slug) && s.connectivity === "connected")
          .length,
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(live.length);
  await viewer.dispose();
});

test.afterAll(() => {
  for (const sim of sims) sim.kill();
});

test.describe("an operator", () => {
  test.use({ storageState: authFile("operator") });

  test("rolls a release out to a small region to completion; an uncertified region never gets it", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await planRollout(page, { region: fleet.certified, bySlug: [uncertified.slug], gatePct: "50" });

    // The live preview: only the two satellites with a live agent qualify; the rest say why not.
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByTestId("target-count")).toHaveText("2");
    const exclusions = preview.getByRole("list", { name: "Exclusions" });
    await expect(exclusions).toContainText(
      `${uncertified.slug} (${fleet.uncertified}) — ${fleet.uncertified} is not certified for ${version}`,
    );
    await expect(preview.getByRole("table", { name: "Planned waves" })).toContainText("wave 1 · 100 %");
    await expect.poll(() => worstOnMap(page)).toBe("pending");

    await page.getByRole("button", { name: "Start rollout" }).click();
    await expect(page).toHaveURL(/\/rollouts\/(?!new$)[a-z0-9]+$/);
    completedRolloutUrl = new URL(page.url()).pathname;
    const status = page.getByRole("region", { name: "Status" });
    await expect(status.getByText("running", { exact: true })).toBeVisible();

    // The page polls; nobody reloads.
    await expect(status.getByText("completed", { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("listitem", { name: "Wave 1 (100 %)" })).toContainText("completed");
    for (const s of healthy) {
      await expect(page.getByRole("row", { name: s.slug, exact: true })).toContainText("succeeded");
    }
    const skipped = page.getByRole("row", { name: uncertified.slug, exact: true });
    await expect(skipped).toContainText("excluded");
    await expect(skipped).toContainText(`${fleet.uncertified} is not certified for ${version}`);
    await expect(skipped).not.toContainText("upgrade");
    await expect.poll(() => worstOnMap(page)).toBe("succeeded");

    const api = async (slug: string) =>
      (await (await page.request.get(`/api/v1/satellites/${slug}`)).json()) as Satellite;
    for (const s of healthy) expect((await api(s.slug)).stackVersion).toBe(version);
    expect((await api(uncertified.slug)).stackVersion).toBe(uncertified.stackVersion);
  });

  test("with failures injected, the rollout pauses by itself and says why", async ({ page }) => {
    test.setTimeout(60_000);
    await planRollout(page, { region: fleet.failing, gatePct: "10" });
    await expect(page.getByRole("region", { name: "Preview" }).getByTestId("target-count")).toHaveText("1");
    await page.getByRole("button", { name: "Start rollout" }).click();
    await expect(page).toHaveURL(/\/rollouts\/(?!new$)[a-z0-9]+$/);

    const reason = page.getByRole("alert").filter({ hasText: "Paused" });
    await expect(reason).toContainText(
      `canary failed on ${failing.slug} (upgrade failed: upgrade to ${version} failed`,
      {
        timeout: 45_000,
      },
    );
    await expect(
      page.getByRole("region", { name: "Status" }).getByText("paused", { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("row", { name: failing.slug, exact: true })).toContainText("failed");
    await expect.poll(() => worstOnMap(page)).toBe("failed");

    // Stopping it for good is the operator's call, confirmed in a dialog.
    await page.getByRole("button", { name: "Abort", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Abort this rollout" });
    await dialog.getByLabel("Reason (optional)").fill("e2e: the canary failed");
    await dialog.getByRole("button", { name: "Abort now" }).click();
    await expect(
      page.getByRole("region", { name: "Status" }).getByText("aborted", { exact: true }),
    ).toBeVisible();
  });
});

test("a region-scoped operator is refused outside their regions", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "eu-operator@orrery.local");
  await expect(page.getByTestId("role")).toHaveText("operator");
  await planRollout(page, { region: fleet.certified, gatePct: "10" });
  // The preview says so as the form changes, and submitting is refused with the same rule, whole.
  const refusal = page.getByRole("alert").filter({ hasText: '"rollouts.write" is region-scoped' });
  await expect(page.getByRole("region", { name: "Preview" }).locator(refusal)).toBeVisible();
  await page.getByRole("button", { name: "Start rollout" }).click();
  await expect(refusal).toHaveCount(2);
  await expect(page).toHaveURL(/\/rollouts\/new$/);
  await context.close();
});

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("follows rollouts but has no controls and cannot plan one", async ({ page }) => {
    await gotoReady(page, "/rollouts");
    await expect(page.getByRole("link", { name: "New rollout" })).toHaveCount(0);
    await expect(page.getByRole("row").filter({ hasText: version }).first()).toBeVisible();
    await gotoReady(page, completedRolloutUrl);
    await expect(
      page.getByRole("region", { name: "Status" }).getByText("completed", { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("group", { name: "Rollout controls" }).getByRole("button")).toHaveCount(0);
    await gotoReady(page, "/rollouts/new");
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  });

  test("polls the rollout as JSON with an ETag, and an unchanged rollout answers 304", async ({ page }) => {
    const api = `/api/v1/${completedRolloutUrl.slice(1)}`;
    const first = await page.request.get(api);
    expect(first.status()).toBe(200);
    expect((await first.json()).status).toBe("completed");
    const etag = first.headers()["etag"];
    expect(etag).toBeTruthy();
    const again = await page.request.get(api, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    // The old address beside the page is gone rather than a second copy.
    expect((await page.request.get(`${completedRolloutUrl}/progress`)).status()).toBe(404);
  });

  test("is told to sign in again, with a way back, when the session ends", async ({ page, context }) => {
    // A completed rollout polls every 30 s: the next poll after the cookies go is the one that fails. The
    // browser's clock is moved past it rather than waited for.
    await page.clock.install();
    await gotoReady(page, completedRolloutUrl);
    await context.clearCookies();
    await page.clock.fastForward("00:31");
    const alert = page.getByRole("alert").filter({ hasText: "Your session has ended" });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
      "href",
      `/login?next=${encodeURIComponent(completedRolloutUrl)}`,
    );
    // The page still shows the last state it had.
    await expect(
      page.getByRole("region", { name: "Status" }).getByText("completed", { exact: true }),
    ).toBeVisible();
  });
});

test("without a session the live endpoint answers a JSON 401, never the sign-in page", async ({
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get(`/api/v1/${completedRolloutUrl.slice(1)}`, { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect((await res.json()).error.code).toBe("UNAUTHORIZED");
  await anonymous.dispose();
});
