// What the console benchmarks share: a fresh SQLite file, the built console started on it, and child
// processes run with the same environment.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = process.cwd();
export const tsNode = ["--import", "tsx", "--import", "./scripts/register.mjs"];

export type Bench = {
  core: string;
  dbFile: string;
  env: NodeJS.ProcessEnv;
  /** Runs a Node script to completion, stopping the bench if it fails. */
  run: (title: string, args: string[], extra?: Record<string, string>) => void;
  /** Builds the console unless a build exists (or `force`). */
  build: (force?: boolean) => void;
  /** Starts the server entry and waits until /healthz answers. */
  start: () => Promise<ChildProcess>;
};

export function bench(name: string, port: number): Bench {
  const dbFile = join(mkdtempSync(join(tmpdir(), `orrery-${name}-`)), "orrery.db");
  const core = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    NODE_ENV: "production",
    ORRERY_DEMO: "1", // demo data on plain http: not a production core
    PORT: String(port),
    NEXTAUTH_SECRET: "orrery-bench-secret-orrery-bench-secret",
    LOG_LEVEL: "warn",
    RECONCILER: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;

  function run(title: string, args: string[], extra: Record<string, string> = {}) {
    process.stdout.write(`▸ ${title}\n`);
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      env: { ...env, ...extra } as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) throw new Error(`${title} failed`);
  }

  return {
    core,
    dbFile,
    env,
    run,
    build(force = false) {
      if (force || !existsSync(join(root, ".next/BUILD_ID"))) {
        run("building the console", [join(root, "node_modules/next/dist/bin/next"), "build"]);
      }
    },
    async start() {
      process.stdout.write("▸ starting the console\n");
      const server = spawn(process.execPath, [...tsNode, "server/main.ts"], {
        cwd: root,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${core}/healthz`)).ok) return server;
        } catch {
          if (i > 600) throw new Error("the console did not start");
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** SQLite's stored form of a date, as Prisma writes it. */
export const sqliteIso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
