import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";
import { classifyTests, DATABASE_MODULES } from "./test/test-projects.ts";

const root = fileURLToPath(new URL("./", import.meta.url));

/*
 * Two projects, sorted by a rule rather than a list (test/test-projects.ts):
 * - domain: a test file that imports, however indirectly, server/db.ts, server/db-raw.ts, prisma/migrate.ts
 *   or a helper under test/, or that names DATABASE_URL. Each file gets a fresh database (test/setup-db.ts);
 *   CI runs this project again on PostgreSQL.
 * - unit: every other test file: pure modules, no database, seconds. In this project the database modules
 *   throw when loaded, so a unit test that reaches the database fails loudly with the reason.
 */
const { unit, domain } = classifyTests(root);

const noDatabase: Plugin = {
  name: "unit-tests-have-no-database",
  enforce: "pre",
  load(id) {
    const file = id.split("?")[0];
    const opened = DATABASE_MODULES.find((m) => file === join(root, m));
    if (!opened) return null;
    const why = `${opened} was loaded by a unit test. Unit tests have no database: import the database module (or a helper under test/) from the test file itself so the rule in test/test-projects.ts sorts it into the domain project.`;
    return `throw new Error(${JSON.stringify(why)});`;
  },
};

export default defineConfig({
  resolve: {
    alias: {
      // Outside Next the marker package throws by design; tests run server code directly.
      "server-only": fileURLToPath(new URL("./scripts/server-only-stub.mjs", import.meta.url)),
      "@": root,
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        plugins: [noDatabase],
        test: { name: "unit", include: unit, setupFiles: ["./test/setup-unit.ts"] },
      },
      {
        extends: true,
        test: { name: "domain", include: domain, setupFiles: ["./test/setup-db.ts"] },
      },
    ],
  },
});
