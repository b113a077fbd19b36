// node --import tsx --import ./scripts/register.mjs bench/status-evaluate.ts [-- --satellites 10000 --runs 15]
// How long the reconciler's status step takes for one whole-fleet page: load the page's satellites, pins,
// incidents and stored states, threshold and debounce every region, write what moved. Printed next to a
// baseline measured in the same run on the same database: loading the satellites and deriving each one's
// own status alone (what a snapshot did before regions were thresholded).
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { bench, sqliteIso as iso, tsNode } from "./harness";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "10000" },
    runs: { type: "string", default: "15" },
  },
});
const RUNS = Number(values.runs);
const { dbFile, env, run } = bench("status-evaluate", 3409);

run(`seeding ${values.satellites} satellites and the public page "global"`, [
  ...tsNode,
  "prisma/seed.ts",
  "--satellites",
  String(values.satellites),
  "--no-users",
  "--history-days",
  "0",
]);
// Most satellites report, a few are offline or unwell: the regions have work.
const sqlite = new Database(dbFile);
const now = Date.now();
sqlite
  .prepare(
    `UPDATE "Satellite" SET "lifecycle" = 'active', "heartbeatIntervalSec" = 10,
       "lastSeenAt" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "reportedHealth" = CASE WHEN rowid % 25 = 0 THEN 'degraded' WHEN rowid % 60 = 0 THEN 'critical' ELSE 'healthy' END`,
  )
  .run(iso(now - 3_600_000), iso(now));
sqlite.close();

// The server modules read their database from the environment when they load.
Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, NODE_ENV: "production", LOG_LEVEL: "warn" });
const { db } = await import("../server/db");
const { evaluatePage } = await import("../server/status/evaluate");
const { loadPageInputs, PAGE_SELECTION } = await import("../server/status/page-inputs");

const page = await db.statusPage.findUniqueOrThrow({ where: { slug: "global" }, include: PAGE_SELECTION });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: (at: Date) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const at = new Date(now + i * 5_000);
    const t = performance.now();
    await fn(at);
    out.push(performance.now() - t);
  }
  return out;
}

await evaluatePage(page, new Date(now)); // the first pass writes every state; later ones only what moved
const baseline = await time((at) => loadPageInputs(page, at));
const evaluation = await time((at) => evaluatePage(page, at));
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
console.log(
  `\nstatus evaluation, one whole-fleet page of ${values.satellites} satellites, ${RUNS} runs each`,
);
console.log(`  baseline: load + each satellite's status   ${fmt(baseline)}`);
console.log(`  evaluation pass (reconciler step)          ${fmt(evaluation)}`);
await db.$disconnect();
