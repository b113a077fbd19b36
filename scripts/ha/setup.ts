// The HA test's preparation: a production build, a fresh PostgreSQL database, its migrations and seed, and
// the environment every replica and the worker share.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

const NODE_ARGS = ["--import", "tsx", "--import", "./scripts/register.mjs"];

export type Seeded = { email: string; apiToken: string; joinToken: string };

function run(title: string, args: string[], env: NodeJS.ProcessEnv, capture = false): string {
  process.stdout.write(`▸ ${title}\n`);
  const r = spawnSync(process.execPath, args, {
    env,
    encoding: "utf8",
    stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status})`);
  return r.stdout ?? "";
}

/** Builds unless told to reuse the build there is (`--skip-build`, as CI does after the browser tests). */
export function ensureBuild(root: string, skipBuild: boolean): void {
  const built = existsSync(join(root, ".next/BUILD_ID"));
  if (skipBuild && built) return;
  if (skipBuild) throw new Error("--skip-build: there is no build in .next (run npm run build first)");
  run("building the console (next build)", [join(root, "node_modules/next/dist/bin/next"), "build"], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
  });
}

export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `orrery_ha_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A production core, not a demo: no demo accounts, a real secret, sessions checked against the database.
 * Only TLS is absent (ORRERY_ALLOW_INSECURE_HTTP=1), because the balancer listens on plain loopback http.
 */
export function clusterEnv(databaseUrl: string, publicUrl: string, tickMs: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: publicUrl,
    ORRERY_ALLOW_INSECURE_HTTP: "1",
    TRUSTED_PROXIES: "127.0.0.1",
    RECONCILER_TICK_MS: String(tickMs),
    SHUTDOWN_DRAIN_MS: "5000",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.ORRERY_DEMO;
  delete env.PORT;
  return env;
}

export function migrateAndSeed(env: NodeJS.ProcessEnv, password: string): Seeded {
  run("npm run db:migrate", [...NODE_ARGS, "prisma/migrate.ts"], env);
  const out = run(
    "seeding an admin, an API token and a join token",
    [...NODE_ARGS, "scripts/ha/seed.ts"],
    {
      ...env,
      ORRERY_HA_PASSWORD: password,
    },
    true,
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Seeded;
}
