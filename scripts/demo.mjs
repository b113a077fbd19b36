// npm run demo: migrate, seed the demo fleet when the database is empty, build, and start the console as a
// demo (ORRERY_DEMO=1) on 127.0.0.1 unless HOST says otherwise: its passwords are published.
// Honours PORT, HOST and DATABASE_URL (SQLite file by default).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { demoServerEnv, superviseDemo } from "./demo-processes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The accounts the seed creates, as the login page lists them.
const DEMO_ACCOUNTS = JSON.parse(readFileSync(join(root, "prisma/seed-data/demo-accounts.json"), "utf8"));
const port = process.env.PORT ?? "3000";
const host = demoServerEnv(process.env, port).HOST;
const isLoopbackOnly = ["127.0.0.1", "::1", "localhost"].includes(host);
// The simulator dials the address the console listens on; a wildcard one is reached on loopback.
const coreHost = ["0.0.0.0", "::", ""].includes(host) ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
const url =
  isLoopbackOnly || coreHost === "127.0.0.1" ? `http://localhost:${port}` : `http://${coreHost}:${port}`;
const tsNode = ["--import", "tsx", "--import", "./scripts/register.mjs"];
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/orrery.db";
// The seed writes the demo fleet's join tokens beside the SQLite file (data/ for PostgreSQL).
const dataDir = databaseUrl.startsWith("file:")
  ? dirname(((p) => (isAbsolute(p) ? p : resolve(root, p)))(databaseUrl.slice(5).replace(/\?.*$/, "")))
  : join(root, "data");
const fleetFile = join(dataDir, "demo-join-tokens.json");

// A PostgreSQL URL in the shell is more likely production's than a demo's: seed demo data there only on request.
if (!databaseUrl.startsWith("file:") && process.env.ORRERY_DEMO_ON_POSTGRES !== "1") {
  console.error(
    "npm run demo refuses a PostgreSQL DATABASE_URL: it would seed demo satellites, accounts and a public page there. Unset DATABASE_URL for the SQLite demo, or set ORRERY_DEMO_ON_POSTGRES=1 for a throwaway database.",
  );
  process.exit(1);
}

function simulatorCommand() {
  if (process.env.ORRERY_SIMULATOR === "off" || !existsSync(fleetFile)) return null;
  const count = JSON.parse(readFileSync(fleetFile, "utf8")).length;
  console.log(`▸ Starting the simulator: ${count} virtual agents report over the agent protocol`);
  return {
    command: process.execPath,
    args: [
      "--import",
      "tsx",
      "agent/simulate.ts",
      "--core",
      `http://${coreHost}:${port}`,
      "--fleet-file",
      fleetFile,
      "--state-file",
      join(dataDir, "simulator-state.json"),
      "--satellites",
      String(count),
    ],
    options: { cwd: root },
  };
}

function step(title, command, args, env = {}) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

// The demo seed refuses production mode; the demo's data is never production's.
step(
  "Migrating and seeding the demo fleet (only when the database is empty)",
  process.execPath,
  [...tsNode, "prisma/seed.ts", "--if-empty"],
  { NODE_ENV: "development" },
);
step("Building the console", process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
  NEXT_TELEMETRY_DISABLED: "1",
});

console.log(`\n▸ Starting Orrery on ${url} (listening on ${host})`);
const demo = superviseDemo({
  server: {
    command: process.execPath,
    args: [...tsNode, "server/main.ts"],
    options: {
      cwd: root,
      env: demoServerEnv(process.env, port),
    },
  },
  simulator: simulatorCommand,
  onReady() {
    const password = process.env.DEMO_PASSWORD ? "the DEMO_PASSWORD you set" : "orrery-demo";
    const reach = isLoopbackOnly
      ? "Only this machine can reach it (HOST=0.0.0.0 opens it to the network; the password is public)."
      : `It listens on ${host}: anyone who reaches it can sign in with the published password.`;
    console.log(`
  Orrery is ready: ${url}
  ${reach}

  Sign in as
${DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(26)}${a.role}: ${a.does}`).join("\n")}
  password: ${password}

  Ctrl-C stops it.
`);
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => demo.stop(signal));
demo.done.then((code) => process.exit(code));
