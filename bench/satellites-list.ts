// npm run bench:list [-- --satellites 10000]: server time of the Satellites list with a large fleet.
// Seeds a fresh SQLite file (or, with DATABASE_URL=postgresql://…, a fresh PostgreSQL database), then times
// listSatellites() for the queries the page makes, next to a primary-key lookup measured in the same run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: { satellites: { type: "string", default: "10000" }, runs: { type: "string", default: "30" } },
});
const count = Number(values.satellites);
const runs = Number(values.runs);

let dropPg: (() => Promise<void>) | null = null;
const base = process.env.DATABASE_URL;
if (base?.startsWith("postgres")) {
  const name = `orrery_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropPg = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  process.env.DATABASE_URL = `file:${join(mkdtempSync(join(tmpdir(), "orrery-bench-")), "bench.db")}`;
}

const seedStart = Date.now();
const seeded = spawnSync(
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/register.mjs", "prisma/seed.ts", "--satellites", String(count)],
  { stdio: ["ignore", "pipe", "inherit"], env: process.env, encoding: "utf8" },
);
if (seeded.status !== 0) throw new Error("seeding failed");
const seedMs = Date.now() - seedStart;

const { db } = await import("../server/db");
const { listProviders, listSatellites } = await import("../server/satellites/list");
const { fleetSummary } = await import("../server/satellites/summary");
const { listRegions } = await import("../server/compliance/regions");
const viewer = await db.user.findFirstOrThrow({ where: { role: "viewer" } });
const ctx = {
  actor: {
    kind: "user" as const,
    id: viewer.id,
    email: viewer.email,
    name: viewer.name,
    role: viewer.role,
    regionIds: null,
  },
};

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: pick(0.5), p95: pick(0.95), max: samples[samples.length - 1] };
}

const cases: [string, () => Promise<unknown>][] = [
  ["baseline: primary-key lookup", () => db.satellite.findFirst({ where: { id: viewer.id } })],
  ["first page, sorted by name", () => listSatellites(ctx, {})],
  ["page 100 of 50", () => listSatellites(ctx, { page: 100 })],
  ["search 'san'", () => listSatellites(ctx, { q: "san" })],
  ["region eu-gdpr + kind edge", () => listSatellites(ctx, { region: "eu-gdpr", kind: "edge" })],
  [
    "connectivity never_seen, sort last seen",
    () => listSatellites(ctx, { connectivity: "never_seen", sort: "lastSeen" }),
  ],
  [
    "health unknown, sort country desc",
    () => listSatellites(ctx, { health: "unknown", sort: "country", dir: "desc" }),
  ],
  ["label tier=gold, 100 per page", () => listSatellites(ctx, { label: "tier=gold", limit: 100 })],
  [
    "the whole Satellites page (list + filter options)",
    () => Promise.all([listSatellites(ctx, {}), listRegions(ctx), listProviders(ctx)]),
  ],
  ["the Overview's fleet summary", () => fleetSummary(ctx)],
];

const kind = process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL";
console.log(
  `\nSatellites list, ${count.toLocaleString("en")} satellites on ${kind} (seeded in ${seedMs} ms), ${runs} runs each`,
);
console.log(`${"query".padEnd(52)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`);
for (const [name, fn] of cases) {
  const t = await time(fn);
  console.log(
    `${name.padEnd(52)} ${t.p50.toFixed(1).padStart(8)} ${t.p95.toFixed(1).padStart(8)} ${t.max.toFixed(1).padStart(8)}`,
  );
}
await db.$disconnect();
await dropPg?.();
