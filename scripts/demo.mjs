// npm run demo: migrate, seed the demo fleet when the database is empty, build, and start the console.
// Honours PORT and DATABASE_URL (SQLite file by default).
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const tsNode = ["--import", "tsx", "--import", "./scripts/register.mjs"];

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
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
