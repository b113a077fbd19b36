// npm run test:e2e: builds the console, seeds a fresh SQLite file and runs Playwright in Debian's Chromium.
import { existsSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`
✗ Chromium was not found at ${chromium}.
  The end-to-end tests drive Debian's Chromium (Playwright's own browser download does not work here).
  Install it with:   sudo apt-get install -y chromium
  or point CHROMIUM_PATH at another Chromium binary.
`);
  process.exit(1);
}

function run(title, command, args, env = {}) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dbFile = join(root, "test-results/e2e/orrery.db");
rmSync(join(root, "test-results/e2e"), { recursive: true, force: true });
run("Building the console", process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"]);
run(
  "Seeding a fresh database for the browser tests",
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/register.mjs", "prisma/seed.ts", "--satellites", "300"],
  { DATABASE_URL: `file:${dbFile}`, NODE_ENV: "test" },
);
run(
  "Running Playwright in Chromium",
  process.execPath,
  [join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
  { E2E_DATABASE_URL: `file:${dbFile}`, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
);
