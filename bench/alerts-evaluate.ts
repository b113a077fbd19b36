// node --import tsx --import ./scripts/register.mjs bench/alerts-evaluate.ts [-- --satellites 10000 --runs 15]
// How long the reconciler's alert step takes over a whole fleet, with one rule of every kind and then with
// three of every kind (the reads are one per kind, so more rules should cost little more). Printed beside a
// baseline measured in the same run: reading every live satellite's id, region, labels and state once.
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { bench, sqliteIso as iso, tsNode } from "./harness";

const { values } = parseArgs({
  options: { satellites: { type: "string", default: "10000" }, runs: { type: "string", default: "15" } },
});
const RUNS = Number(values.runs);
const { dbFile, env, run } = bench("alerts-evaluate", 3411);

run(`seeding ${values.satellites} satellites`, [
  ...tsNode,
  "prisma/seed.ts",
  "--satellites",
  String(values.satellites),
  "--no-users",
  "--history-days",
  "0",
]);
// One in 40 offline for an hour, one in 60 critical: the rules have alerts to hold.
const sqlite = new Database(dbFile);
const now = Date.now();
sqlite
  .prepare(
    `UPDATE "Satellite" SET "lifecycle" = 'active', "heartbeatIntervalSec" = 10,
       "lastSeenAt" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "offlineAfter" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "reportedHealth" = CASE WHEN rowid % 60 = 0 THEN 'critical' ELSE 'healthy' END`,
  )
  .run(iso(now - 3_600_000), iso(now), iso(now - 3_420_000), iso(now + 180_000));
sqlite.close();

Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, NODE_ENV: "production", LOG_LEVEL: "warn" });
const { db } = await import("../server/db");
const { evaluateAlerts } = await import("../server/alerts/step");

const KINDS = [
  ["satellite_offline", { minutes: 5 }],
  ["region_impacted", { percent: 2 }],
  ["rollout_paused", {}],
  ["command_failed", {}],
  ["agent_outdated", { version: "0.0.1" }],
] as const;
async function addRules(copy: number) {
  for (const [kind, params] of KINDS) {
    await db.alertRule.create({ data: { name: `${kind} ${copy}`, kind, params, regionIds: [] } });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
async function time(fn: (at: Date) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const at = new Date(now + (i + 1) * 5_000);
    const t = performance.now();
    await fn(at);
    out.push(performance.now() - t);
  }
  return out;
}

const baseline = await time(() =>
  db.satellite.findMany({
    where: { lifecycle: { not: "decommissioned" } },
    select: { id: true, regionId: true, labelText: true, offlineAfter: true, reportedHealth: true },
  }),
);
await addRules(1);
const opened = await evaluateAlerts(new Date(now));
const one = await time((at) => evaluateAlerts(at));
await addRules(2);
await addRules(3);
await evaluateAlerts(new Date(now + 100_000)); // the new rules open their alerts
const three = await time((at) => evaluateAlerts(new Date(at.getTime() + 100_000)));
const firing = await db.alert.count({ where: { state: "firing" } });

console.log(`\nalert evaluation over ${values.satellites} satellites, ${RUNS} runs each`);
console.log(`  baseline: read every live satellite once      ${fmt(baseline)}`);
console.log(`  first pass, 5 rules (opens ${opened.opened} alerts)`);
console.log(`  steady pass, 5 rules (one of each kind)       ${fmt(one)}`);
console.log(`  steady pass, 15 rules (three of each kind)    ${fmt(three)}  (${firing} alerts firing)`);
await db.$disconnect();
