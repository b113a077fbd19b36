// npm run bench:list [-- --satellites 10000 --runs 30 --db sqlite|postgres --pages overview,satellites]:
// the server time of the console's pages with a large fleet. Seeds a fresh database with the real seed
// (prisma/seed.ts), then runs every page module of bench/list-pages/ (each makes the server calls its
// page.tsx makes, in the same parallel shape) and prints p50 and p95 per page beside a `SELECT 1` through the
// same client, measured in the same run. `--keep NAME` keeps the seeded database (a file in the temp folder, or
// the PostgreSQL database orrery_bench_NAME) and reuses it when it exists, so a large fleet is seeded once.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { PageBench, PageBenchCtx, PageBenchModule } from "./list-pages/types";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "10000" },
    runs: { type: "string", default: "30" },
    db: { type: "string", default: "sqlite" },
    pages: { type: "string" },
    keep: { type: "string" },
  },
});
const count = Number(values.satellites);
const runs = Number(values.runs);
if (values.db !== "sqlite" && values.db !== "postgres") throw new Error("--db is sqlite or postgres");
const kind = values.db;
const wanted = values.pages?.split(",").map((p) => p.trim()) ?? null;
const keep = values.keep ?? null;
if (keep !== null && !/^[a-z0-9_]{1,40}$/.test(keep)) throw new Error("--keep is a short lower-case name");
let reused = false;

let dropPg: (() => Promise<void>) | null = null;
if (kind === "postgres") {
  const base = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `orrery_bench_${keep ?? randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  reused = keep !== null && found.rowCount === 1;
  if (!reused) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.NEXTAUTH_SECRET ??= "orrery-bench-secret-orrery-bench-secret";
  if (!keep)
    dropPg = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
} else {
  const file = keep
    ? join(tmpdir(), `orrery-bench-${keep}.db`)
    : join(mkdtempSync(join(tmpdir(), "orrery-bench-")), "bench.db");
  reused = keep !== null && existsSync(file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.LOG_LEVEL ??= "warn";

// The page modules, each file's default export one page or several variants of one.
const dir = join(import.meta.dirname, "list-pages");
const pages: { file: string; page: PageBench }[] = [];
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith(".ts") || f === "types.ts" || f.endsWith(".test.ts")) continue;
  const mod = (await import(join(dir, f))) as PageBenchModule;
  for (const page of [mod.default].flat()) pages.push({ file: basename(f, ".ts"), page });
}
const chosen = pages.filter(
  ({ file, page }) => !wanted || wanted.some((w) => w === file || page.name.startsWith(w)),
);
if (chosen.length === 0) throw new Error(`no page matches --pages ${values.pages}`);

try {
  const seedStart = Date.now();
  const seeded = reused
    ? { status: 0, stdout: "" }
    : spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "--import",
          "./scripts/register.mjs",
          "prisma/seed.ts",
          "--satellites",
          String(count),
        ],
        { stdio: ["ignore", "pipe", "inherit"], env: process.env, encoding: "utf8" },
      );
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}`);
  const seedMs = Date.now() - seedStart;

  const { db } = await import("../server/db");
  const { actorForSession } = await import("../server/users/users");
  const ctxOf = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    return { actor: await actorForSession(user.id, user.sessionVersion), requestId: "bench" };
  };
  // A satellite that has reported, a third into the fleet (any active one when none has).
  const seen =
    (await db.satellite.findFirst({
      where: { lifecycle: "active", lastSeenAt: { not: null } },
      orderBy: { slug: "asc" },
      skip: Math.floor(count / 3),
    })) ??
    (await db.satellite.findFirstOrThrow({ where: { lifecycle: "active" }, orderBy: { slug: "asc" } }));
  const neverSeen =
    (await db.satellite.findFirst({
      where: { lastSeenAt: null, lifecycle: { not: "decommissioned" } },
      orderBy: { slug: "asc" },
    })) ?? seen;
  const ctx: PageBenchCtx = {
    admin: await ctxOf("admin@orrery.local"),
    operator: await ctxOf("operator@orrery.local"),
    scopedOperator: await ctxOf("eu-operator@orrery.local"),
    auditor: await ctxOf("auditor@orrery.local"),
    viewer: await ctxOf("viewer@orrery.local"),
    now: new Date(),
    satellites: count,
    db: kind,
    ids: {
      satellite: seen.id,
      satelliteSlug: seen.slug,
      neverSeenSatellite: neverSeen.id,
      region: "eu-gdpr",
      label: "tier=gold",
    },
  };

  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn(); // warm-up: caches, prepared statements, the fleet state's load
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const pick = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
    return { p50: pick(0.5), p95: pick(0.95), max: samples[samples.length - 1] };
  };
  const row = (name: string, t: { p50: number; p95: number; max: number }) =>
    console.log(
      `${name.padEnd(48)} ${t.p50.toFixed(1).padStart(8)} ${t.p95.toFixed(1).padStart(8)} ${t.max.toFixed(1).padStart(8)}`,
    );

  console.log(
    `\nConsole pages, ${count.toLocaleString("en")} satellites on ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} (${reused ? "reused" : `seeded in ${seedMs} ms`}), ${runs} runs each`,
  );
  console.log(`${"page".padEnd(48)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`);
  row("baseline: SELECT 1", await time(() => db.$queryRaw`SELECT 1`));
  for (const { page } of chosen) {
    await page.setup?.(ctx);
    row(page.name, await time(() => page.run(ctx)));
  }
  await db.$disconnect();
  const { closeRaw } = await import("../server/db-raw");
  await closeRaw();
} finally {
  await dropPg?.();
}
process.exit(0); // the fleet state's and the pool's timers are unref'd, but a stray handle must not hang the bench
