// npm run demo: migrate, seed the demo fleet when the database is empty, build, and start the console.
// Honours PORT and DATABASE_URL (SQLite file by default).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const tsNode = ["--import", "tsx", "--import", "./scripts/register.mjs"];
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/orrery.db";
// The seed writes the demo fleet's join tokens beside the SQLite file (data/ for PostgreSQL).
const dataDir = databaseUrl.startsWith("file:")
  ? dirname(((p) => (isAbsolute(p) ? p : resolve(root, p)))(databaseUrl.slice(5).replace(/\?.*$/, "")))
  : join(root, "data");
const fleetFile = join(dataDir, "demo-join-tokens.json");
let simulator = null;

function startSimulator() {
  if (process.env.ORRERY_SIMULATOR === "off" || !existsSync(fleetFile)) return;
  const count = JSON.parse(readFileSync(fleetFile, "utf8")).length;
  console.log(`▸ Starting the simulator: ${count} virtual agents report over the agent protocol`);
  simulator = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "agent/simulate.ts",
      "--core",
      `http://localhost:${port}`,
      "--fleet-file",
      fleetFile,
      "--state-file",
      join(dataDir, "simulator-state.json"),
      "--satellites",
      String(count),
    ],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
}

function step(title, command, args, env = {}) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

step("Migrating and seeding the demo fleet (only when the database is empty)", process.execPath, [
  ...tsNode,
  "prisma/seed.ts",
  "--if-empty",
]);
step("Building the console", process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
  NEXT_TELEMETRY_DISABLED: "1",
});

console.log(`\n▸ Starting Orrery on http://localhost:${port}`);
const server = spawn(process.execPath, [...tsNode, "server/main.ts"], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NODE_ENV: "production", PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && String(chunk).includes("listening")) {
    announced = true;
    const password = process.env.DEMO_PASSWORD ? "the DEMO_PASSWORD you set" : "orrery-demo";
    console.log(`
  Orrery is ready: http://localhost:${port}

  Sign in as
    admin@orrery.local      admin: users, satellites, everything
    operator@orrery.local   operator: commands, rollouts, incidents
    viewer@orrery.local     viewer: read-only
  password: ${password}

  Ctrl-C stops it.
`);
    startSimulator();
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    simulator?.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code) => process.exit(code ?? 0));
