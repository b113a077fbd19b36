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

// E2E_DATABASE=postgres runs the same specs against a fresh PostgreSQL database (E2E_PG_URL's server, default
// the local one); E2E_SKIP_BUILD=1 reuses a build that is already there, since one build serves both databases.
const onPostgres = process.env.E2E_DATABASE === "postgres";
const pgServer = process.env.E2E_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbFile = join(root, "test-results/e2e/orrery.db");
rmSync(join(root, "test-results/e2e"), { recursive: true, force: true });
if (process.env.E2E_SKIP_BUILD === "1" && existsSync(join(root, ".next/BUILD_ID"))) {
  console.log("\n▸ Reusing the console's build");
} else {
  run("Building the console", process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"]);
}
let databaseUrl = `file:${dbFile}`;
if (onPostgres) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: pgServer });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS orrery_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE orrery_e2e");
  await admin.end();
  const url = new URL(pgServer);
  url.pathname = "/orrery_e2e";
  databaseUrl = url.toString();
}
run(
  `Seeding a fresh ${onPostgres ? "PostgreSQL" : "SQLite"} database for the browser tests`,
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/register.mjs", "prisma/seed.ts", "--satellites", "300"],
  { DATABASE_URL: databaseUrl, NODE_ENV: "test" },
);
run(
  "Running Playwright in Chromium",
  process.execPath,
  [join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
  { E2E_DATABASE_URL: databaseUrl, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
);
