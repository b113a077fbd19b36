import { defineConfig, devices } from "@playwright/test";
import { testIdpProvidersEnv } from "./e2e/sso-idp-settings";

// The e2e run is prepared by scripts/e2e.mjs (build, fresh seeded SQLite file); this file only drives it.
const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The core's timing, short so no test waits minutes on real time: a satellite beating every 10 s is stale
 * after 15 s of silence and offline after 30 s, and the reconciler passes every second. The map's
 * stale-then-offline test is written against these figures.
 */
export const timing = {
  CONNECTIVITY_STALE_BEATS: "1",
  CONNECTIVITY_STALE_GRACE_SEC: "5",
  CONNECTIVITY_OFFLINE_BEATS: "2",
  CONNECTIVITY_OFFLINE_FLOOR_SEC: "30",
  RECONCILER_TICK_MS: "1000",
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/e2e-output",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: /phone\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
    // A phone: every console page and the public page must fit 390 px without scrolling sideways.
    {
      name: "phone",
      dependencies: ["setup"],
      testMatch: /phone\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, hasTouch: true },
    },
  ],
  webServer: {
    command: "node --import tsx --import ./scripts/register.mjs server/main.ts",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      // A demo core: its accounts are the demo's, on plain http (the production refusals are skipped).
      ORRERY_DEMO: "1",
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e/orrery.db",
      NEXTAUTH_SECRET: "orrery-e2e-secret-orrery-e2e-secret-0123",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // The identity provider e2e/sso.spec.ts starts while it runs; the sign-in page offers it throughout.
      ORRERY_OIDC_PROVIDERS: testIdpProvidersEnv,
      ...timing,
    },
  },
});
