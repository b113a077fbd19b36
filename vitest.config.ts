import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // Outside Next the marker package throws by design; tests run server code directly.
      "server-only": fileURLToPath(new URL("./scripts/server-only-stub.mjs", import.meta.url)),
      "@": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".cache/**", ".next/**"],
    environment: "node",
    setupFiles: ["./test/setup-db.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
