import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, type EnrolledSatellite } from "./fixtures";
import { publishRelease } from "./api-helpers";
import { authFile, gotoReady, mapIdle } from "./helpers";

// The governance walkthrough on satellites of the test's own in eu-gdpr: some report disk encryption off,
// the map's posture mode shows them, an admin waives two with a reason, the evidence report shows the rest
// as violations with evidence, enforce mode refuses a rollout over the violator, and an auditor reads it all
// and can change nothing. (A freeze holding a wave runs on a test clock in the domain tests.)

const POLICY = "disk-encryption";
const REASON = "Disks are replaced with self-encrypting ones in the January maintenance";

async function reportFacts(request: APIRequestContext, s: EnrolledSatellite, diskEncrypted: boolean) {
  const res = await request.post("/api/agent/v1/facts", {
    headers: { authorization: `Bearer ${s.agentToken}` },
    data: {
      agentVersion: "1.4.0",
      osName: "Ubuntu",
      osVersion: "24.04",
      kernel: "6.8.0-45-generic",
      diskEncrypted,
      timeSynced: true,
      clockOffsetMs: 3,
      fipsEnabled: false,
      pendingSecurityUpdates: 0,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** A page at desktop and phone width, light and dark, into test-results/screens; nothing overflows at 390 px. */
async function shoot(page: Page, path: string, name: string, isMap = false) {
  for (const [viewport, size] of [
    [{ width: 1280, height: 900 }, "desktop"],
    [{ width: 390, height: 844 }, "phone"],
  ] as const) {
    await page.setViewportSize(viewport);
    await gotoReady(page, path);
    if (isMap) await mapIdle(page);
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      if (isMap) await mapIdle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the ${size} screen`).toBeLessThanOrEqual(0);
      const suffix = theme === "dark" ? "-dark" : "";
      await page.screenshot({
        path: `test-results/screens/compliance-${name}-${size}${suffix}.png`,
        fullPage: false,
      });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The map's own answer in posture mode: each slug's posture, as the browser draws it. */
async function mapPosture(page: Page, query: string): Promise<Record<string, string>> {
  const res = await page.request.get(`/api/v1/map?posture=1&${query}`);
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { slug: string[]; posture: number[] };
  const names = ["none", "compliant", "waived", "unknown", "violation"];
  return Object.fromEntries(body.slug.map((s, i) => [s, names[body.posture[i]]]));
}

test.describe("governance", () => {
  test.use({ storageState: authFile("admin") });

  test("violations show on the map, two are waived, the report gives the evidence, and an auditor only reads", async ({
    page,
    enroll,
    browser,
  }) => {
    test.setTimeout(540_000);
    const sats: EnrolledSatellite[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await enroll({ country: "NO", city: "Oslo", lat: 59.9 + i / 10, lon: 10.7 });
      await s.beat();
      await reportFacts(page.request, s, i === 3);
      sats.push(s);
    }
    const [waivedA, waivedB, violating, encrypted] = sats;

    // The reconciler evaluates changed satellites every tick: the map's posture mode shows the violations.
    await expect
      .poll(async () => (await mapPosture(page, `violating=${POLICY}`))[violating.slug], { timeout: 30_000 })
      .toBe("violation");
    const before = await mapPosture(page, `violating=${POLICY}`);
    for (const s of [waivedA, waivedB, violating]) expect(before[s.slug]).toBe("violation");
    expect(before[encrypted.slug]).toBeUndefined();

    await gotoReady(page, `/?color=posture&violating=${POLICY}`);
    await expect(page.locator(".map-legend")).toHaveAttribute("data-mode", "posture");
    await expect(page.getByLabel("Show only satellites violating a policy")).toHaveValue(POLICY);

    // The satellite's own page says why, and shows its host facts.
    await gotoReady(page, `/satellites/${violating.satelliteId}`);
    const compliance = page.locator("#compliance");
    await expect(compliance.locator('[data-outcome="violation"]').first()).toBeVisible();
    await expect(compliance.getByTestId("host-facts")).toContainText("Ubuntu 24.04");

    // An admin waives two of them, with a reason.
    for (const s of [waivedA, waivedB]) {
      await gotoReady(page, `/compliance/policies/${POLICY}/waive?satellite=${s.slug}`);
      await page.getByLabel("Reason").fill(REASON);
      await page.getByRole("button", { name: "Waive", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/compliance/policies/${POLICY}\\?waived=1$`));
    }
    // A waiver without a reason is refused, naming the field.
    await gotoReady(page, `/compliance/policies/${POLICY}/waive?satellite=${violating.slug}`);
    await page.getByRole("button", { name: "Waive", exact: true }).click();
    await expect(page.locator("#field-reason-error")).toBeVisible();

    await gotoReady(page, `/compliance/policies/${POLICY}`);
    await expect(page.getByTestId("waivers").locator("tr", { hasText: waivedA.slug })).toContainText("live");
    await expect(page.getByTestId("waivers").locator("tr", { hasText: waivedB.slug })).toContainText("live");

    // The map's answer is shared for 2 s, so the waivers show within a poll or two: waived satellites leave
    // "violating disk encryption" (their colour is their worst result over every policy, which may be another).
    await expect
      .poll(async () => {
        const after = await mapPosture(page, `violating=${POLICY}`);
        return [waivedA, waivedB, violating].map((s) => after[s.slug] ?? "not violating");
      })
      .toEqual(["not violating", "not violating", "violation"]);

    // The report for eu-gdpr: the rest as violations with their reason and since when, the waivers with theirs.
    await gotoReady(page, "/compliance/report?region=eu-gdpr");
    const section = page.getByTestId(`report-policy-${POLICY}`);
    const row = (s: EnrolledSatellite) => section.locator("tr", { hasText: s.slug });
    await expect(row(violating)).toHaveAttribute("data-outcome", "violation");
    await expect(row(waivedA)).toHaveAttribute("data-outcome", "waived");
    await expect(row(encrypted)).toHaveAttribute("data-outcome", "compliant");
    await expect(page.getByTestId("report-waivers")).toContainText(REASON);
    await expect(page.getByTestId("report-audit")).toContainText("policy.waiver-create");
    const csv = await page.request.get("/compliance/report/csv?region=eu-gdpr");
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`"result","`);
    expect(text).toMatch(new RegExp(`"${violating.slug}","eu-gdpr","violation"`));

    // Enforce mode: a rollout over these satellites is refused before it starts, naming the policy and the
    // one violator left (waived and encrypted satellites do not block); back to audit mode afterwards.
    const origin = { origin: new URL(page.url()).origin };
    const setMode = async (mode: string) => {
      const res = await page.request.patch(`/api/v1/policies/${POLICY}`, { headers: origin, data: { mode } });
      expect(res.status(), await res.text()).toBe(200);
    };
    const releaseId = await publishRelease(page.request, origin, 2042);
    await setMode("enforce");
    try {
      const preview = await page.request.post("/api/v1/rollouts/preview", {
        headers: origin,
        data: { releaseId, satellites: sats.map((s) => s.slug), waves: [100] },
      });
      expect(preview.status(), await preview.text()).toBe(200);
      const blockers = ((await preview.json()) as { blockers: string[] }).blockers.join(" ");
      expect(blockers).toMatch(/\(enforced\) is violated by/);
      expect(blockers).toContain(violating.slug);
      for (const s of [waivedA, waivedB, encrypted]) expect(blockers).not.toContain(s.slug);
      const start = await page.request.post("/api/v1/rollouts", {
        headers: origin,
        data: { releaseId, satellites: sats.map((s) => s.slug), waves: [100] },
      });
      expect(start.status()).toBe(412);
      expect(await start.text()).toContain(violating.slug);
    } finally {
      await setMode("audit");
    }

    await shoot(page, "/compliance", "overview");
    await shoot(page, "/compliance/report?region=eu-gdpr", "report");
    await shoot(page, `/satellites/${violating.satelliteId}#compliance`, "satellite");
    await shoot(page, `/?color=posture`, "map", true);
    await shoot(page, `/compliance/policies/${POLICY}`, "policy");

    // An auditor reads the report and the audit log, sees no action anywhere, and a write is refused.
    const context = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      storageState: authFile("auditor"),
    });
    const auditor = await context.newPage();
    await gotoReady(auditor, "/");
    await expect(auditor.getByTestId("role")).toHaveText("auditor");
    const nav = auditor.getByRole("navigation", { name: "Main" });
    for (const item of ["Satellites", "Compliance", "Audit"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await gotoReady(auditor, "/compliance/report?region=eu-gdpr");
    await expect(auditor.getByTestId(`report-policy-${POLICY}`)).toContainText(violating.slug);
    await gotoReady(auditor, "/audit");
    await expect(auditor.getByRole("heading", { name: "Audit log" })).toBeVisible();
    for (const path of [
      `/compliance/policies/${POLICY}`,
      `/satellites/${violating.satelliteId}`,
      "/compliance",
    ]) {
      await gotoReady(auditor, path);
      await expect(
        auditor.locator("#main").getByRole("button", { name: /Waive|Revoke|Edit|Send|Archive|New/ }),
      ).toHaveCount(0);
      await expect(
        auditor.locator("#main").getByRole("link", { name: /^(Waive|Edit|New policy|Edit in Admin)$/ }),
      ).toHaveCount(0);
    }
    await gotoReady(auditor, `/compliance/policies/${POLICY}/waive`);
    await expect(auditor.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    const write = await auditor.request.post("/api/v1/commands", {
      headers: { origin: new URL(auditor.url()).origin },
      data: {
        type: "diagnostics.run",
        target: { satelliteIds: [violating.satelliteId] },
        reason: "auditor tries",
      },
    });
    expect(write.status()).toBe(403);
    await context.close();
  });
});
