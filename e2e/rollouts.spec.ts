import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { MAP_ROLLOUT_STATES } from "../lib/fleet-map";
import { baseURL } from "../playwright.config";
import { decommissionSatellites, enrollSatellite, expect, test, type EnrolledSatellite } from "./fixtures";
import { authFile, gotoReady, signIn } from "./helpers";

// Real agents over HTTP: this file enrolls satellites of its own in three regions no other spec enrolls in,
// and simulators take them over, one answering every upgrade, one failing every upgrade. The waves bake
// 0 minutes; a simulated upgrade that takes 20 to 60 s at a real site runs ten times faster here, so each
// rollout takes seconds.
test.describe.configure({ mode: "serial" });

type Satellite = {
  slug: string;
  regionId: string;
  connectivity: string;
  stackVersion: string | null;
};

/** The regions this file rolls out to, each with a country the region covers and a city in it. */
const fleet = { certified: "ch-fadp", failing: "kr-pipa", uncertified: "sg-pdpa" } as const;
const SITES = {
  certified: { city: "Zurich", country: "CH", lat: 47.37, lon: 8.54 },
  failing: { city: "Seoul", country: "KR", lat: 37.57, lon: 126.98 },
  uncertified: { city: "Singapore", country: "SG", lat: 1.35, lon: 103.82 },
};
const STACK = "2026.11.1";

const DIR = "test-results/e2e";
let version: string;
const sims: ChildProcess[] = [];
const enrolled: EnrolledSatellite[] = [];
let healthy: EnrolledSatellite[];
let failing: EnrolledSatellite;
let uncertified: EnrolledSatellite;
let completedRolloutUrl: string;

async function satellites(request: APIRequestContext, query: string): Promise<Satellite[]> {
  const res = await request.get(`/api/v1/satellites?limit=500&${query}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).items as Satellite[];
}

/** Hands enrolled satellites to a simulator, which resumes them with their agent tokens. */
function simulate(
  name: string,
  site: (typeof SITES)[keyof typeof SITES],
  list: EnrolledSatellite[],
  failureRate: number,
) {
  const fleetFile = `${DIR}/${name}-${process.pid}-fleet.json`;
  const stateFile = `${DIR}/${name}-${process.pid}-state.json`;
  const specs = list.map((s) => ({
    ...{ slug: s.slug, satelliteId: s.satelliteId, joinToken: "enrolled-already", heartbeatIntervalSec: 10 },
    ...{ lat: site.lat, lon: site.lon, kind: "edge", uplinkMbps: 1000, downlinkMbps: 1000 },
    ...{ stackVersion: STACK, agentVersion: "1.4.0" },
  }));
  const agents = Object.fromEntries(
    list.map((s) => [
      s.slug,
      { satelliteId: s.satelliteId, agentToken: s.agentToken, seq: 0, stackVersion: STACK, executedKeys: [] },
    ]),
  );
  writeFileSync(fleetFile, JSON.stringify(specs));
  writeFileSync(stateFile, JSON.stringify({ agents }));
  // --speed 5 beats every 2 s, so a queued command rides back at once; --command-speed 10 shortens upgrades.
  const sim = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "agent/simulate.ts",
      ...["--core", baseURL, "--fleet-file", fleetFile],
      ...["--state-file", stateFile, "--satellites", String(list.length)],
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

test.beforeAll(async ({ playwright, browser, joinToken }) => {
  test.setTimeout(120_000);
  version = `2050.${Date.now().toString().slice(-6)}.0`;
  const agents = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const enroll = async (site: (typeof SITES)[keyof typeof SITES]) => {
    const satellite = await enrollSatellite(agents, joinToken, site);
    enrolled.push(satellite);
    return satellite;
  };
  healthy = [await enroll(SITES.certified), await enroll(SITES.certified)];
  failing = await enroll(SITES.failing);
  uncertified = await enroll(SITES.uncertified);
  await agents.dispose();

  // Only this file's agents may report in its regions, or the rollouts would pick up someone else's.
  const viewer = await playwright.request.newContext({ baseURL, storageState: authFile("viewer") });
  const ours = enrolled.map((s) => s.slug);
  const regions = Object.values(fleet)
    .map((id) => `region=${id}`)
    .join("&");
  const strangers = (await satellites(viewer, regions)).filter(
    (s) => !ours.includes(s.slug) && s.connectivity !== "never_seen",
  );
  expect(
    strangers.map((s) => s.slug),
    "satellites reporting in this file's regions",
  ).toEqual([]);

  mkdirSync(DIR, { recursive: true });
  simulate("rollout-ok", SITES.certified, [...healthy, uncertified], 0);
  simulate("rollout-failing", SITES.failing, [failing], 1);

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

  await expect
    .poll(
      async () =>
        (await satellites(viewer, regions)).filter(
          (s) => ours.includes(s.slug) && s.connectivity === "connected",
        ).length,
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(ours.length);
  await viewer.dispose();
});

// The simulators stop first, then the satellites are retired; the rollouts stay in the history.
test.afterAll(async ({ browser }) => {
  for (const sim of sims) sim.kill();
  await decommissionSatellites(browser, enrolled);
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
    expect((await api(uncertified.slug)).stackVersion).toBe(STACK);
  });

  test("with failures injected, the rollout pauses by itself and says why; skipping the canary ends it with exceptions, and retrying starts a new rollout", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await planRollout(page, { region: fleet.failing, gatePct: "10" });
    await expect(page.getByRole("region", { name: "Preview" }).getByTestId("target-count")).toHaveText("1");
    await page.getByRole("button", { name: "Start rollout" }).click();
    await expect(page).toHaveURL(/\/rollouts\/(?!new$)[a-z0-9]+$/);
    const firstUrl = new URL(page.url()).pathname;

    const reason = page.getByRole("alert").filter({ hasText: "Paused" });
    await expect(reason).toContainText(
      `canary failed on ${failing.slug} (upgrade failed: upgrade to ${version} failed`,
      {
        timeout: 45_000,
      },
    );
    const status = page.getByRole("region", { name: "Status" });
    await expect(status.getByText("paused", { exact: true })).toBeVisible();
    await expect(page.getByRole("row", { name: failing.slug, exact: true })).toContainText("failed");
    await expect.poll(() => worstOnMap(page)).toBe("failed");

    // The agent reported the failure: a retry would fail the same way, so Resume offers only to skip it,
    // says what that gives up, and asks why.
    await page.getByRole("button", { name: "Resume…", exact: true }).click();
    const resume = page.getByRole("dialog", { name: "Resume this rollout" });
    await expect(resume.getByRole("list", { name: "Failures the agent reported" })).toContainText(
      failing.slug,
    );
    await expect(resume.getByRole("radio")).toHaveCount(0);
    await expect(resume).toContainText("The release goes on without a validated canary");
    await resume.getByRole("button", { name: "Skip and resume" }).click();
    await expect(resume.getByRole("alert").filter({ hasText: /say why/i })).toBeVisible();
    await resume.getByLabel("Why go on without them?").fill("e2e: the Seoul site is known bad");
    await resume.getByRole("button", { name: "Skip and resume" }).click();

    // The canary shows as skipped, never as a completed wave, and the rollout as completed with exceptions.
    await expect(status.getByText("completed with exceptions", { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    const canary = page.getByRole("listitem", { name: "Wave 0 (canary)" });
    await expect(canary.getByText("skipped", { exact: true })).toBeVisible();
    await expect(canary).toContainText("0 of 1 upgraded, 1 skipped");
    await expect(canary).not.toContainText("completed");
    const left = page.getByRole("region", { name: "Left behind" });
    await expect(left.getByRole("row", { name: failing.slug })).toContainText(
      "skipped by Otto Operator: e2e: the Seoul site is known bad",
    );

    // Retry these: a new rollout of the same release for exactly that satellite, which fails again and pauses.
    await left.getByRole("button", { name: "Retry these" }).click();
    await expect(page).not.toHaveURL(firstUrl);
    await expect(page).toHaveURL(/\/rollouts\/(?!new$)[a-z0-9]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Retry:");
    await expect(page.getByRole("row", { name: failing.slug, exact: true })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Paused" })).toContainText(
      `canary failed on ${failing.slug}`,
      { timeout: 45_000 },
    );

    // Stopping it for good is the operator's call, confirmed in a dialog.
    await page.getByRole("button", { name: "Abort", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Abort this rollout" });
    await dialog.getByLabel("Reason (optional)").fill("e2e: the canary failed again");
    await dialog.getByRole("button", { name: "Abort now" }).click();
    await expect(status.getByText("aborted", { exact: true })).toBeVisible();
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

test("without a session the live endpoint answers a 401 problem, never the sign-in page", async ({
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get(`/api/v1/${completedRolloutUrl.slice(1)}`, { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  expect((await res.json()).code).toBe("UNAUTHORIZED");
  await anonymous.dispose();
});
