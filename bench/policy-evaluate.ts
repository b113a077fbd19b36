// node --import tsx --import ./scripts/register.mjs bench/policy-evaluate.ts [-- --satellites 10000 --runs 5]
// How long the reconciler's policy step takes to re-evaluate a whole fleet against 12 policies (the nine
// defaults plus three more), printed beside a baseline from the same run: reading the rows alone (satellites,
// facts and stored results through the drivers), and the pure evaluation alone.
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { bench, sqliteIso as iso, tsNode } from "./harness";

const { values } = parseArgs({
  options: { satellites: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } },
});
const RUNS = Number(values.runs);
const { dbFile, env, run } = bench("policy-evaluate", 3412);

run(`seeding ${values.satellites} satellites`, [
  ...tsNode,
  "prisma/seed.ts",
  "--satellites",
  String(values.satellites),
  "--no-users",
  "--history-days",
  "0",
]);
// A realistic mix of host facts, reported an hour ago: some satellites fail each check, some report nothing.
const now = Date.now();
const sqlite = new Database(dbFile);
const ids = sqlite.prepare(`SELECT "id" FROM "Satellite"`).pluck().all() as string[];
const put = sqlite.prepare(
  `INSERT OR REPLACE INTO "SatelliteFacts" ("satelliteId","osName","agentVersion","diskEncrypted","timeSynced","clockOffsetMs","fipsEnabled","pendingSecurityUpdates","lastBackupAt","reportedAt","updatedAt")
   VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
);
sqlite.transaction(() => {
  ids.forEach((id, i) => {
    if (i % 25 === 0) return; // an old agent: no facts at all
    put.run(
      id,
      "Ubuntu",
      "1.4.0",
      i % 11 ? 1 : 0,
      i % 37 ? 1 : 0,
      (i % 900) - 450,
      i % 3 ? 1 : 0,
      i % 13 === 0 ? null : i % 17,
      i % 19 ? iso(now - (i % 30) * 3_600_000) : null,
      iso(now - 3_600_000),
      iso(now - 3_600_000),
    );
  });
})();
sqlite.close();

Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, NODE_ENV: "production", LOG_LEVEL: "warn" });
const { db } = await import("../server/db");
const { systemActor } = await import("../server/auth/actor");
const { installDefaultPolicies } = await import("../server/policies/defaults");
const { createPolicy, updatePolicy } = await import("../server/policies/manage");
const { evaluatePolicies, decide } = await import("../server/policies/pass");
const { loadActivePolicies } = await import("../server/policies/current");
const { loadSnapshot } = await import("../server/policies/snapshot");

await installDefaultPolicies(db);
const ctx = { actor: systemActor };
await createPolicy(ctx, {
  id: "cost-center",
  name: "Cost centre",
  kind: "required-labels",
  severity: "low",
  params: { labels: ["cost-center"] },
});
await createPolicy(ctx, {
  id: "eu-clock",
  name: "Tight clock (EU)",
  kind: "clock-offset",
  severity: "low",
  params: { maxOffsetMs: 100 },
  scope: { regions: ["eu-gdpr"] },
});
await createPolicy(ctx, {
  id: "edge-patches",
  name: "Edge patches",
  kind: "patch-currency",
  severity: "high",
  params: { maxPending: 3 },
  scope: { kinds: ["edge"] },
});
const policies = await loadActivePolicies();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0).padStart(5)} ms, max ${Math.max(...xs)
    .toFixed(0)
    .padStart(5)} ms`;
async function time(fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

let t = performance.now();
const first = await evaluatePolicies(new Date(now), { force: true });
const firstMs = performance.now() - t;
const baseline = await time(() => loadSnapshot(null));
const snapshot = await loadSnapshot(null);
const pure = await time(() => decide(policies, snapshot, new Date(now)));
const steady = await time((i) => evaluatePolicies(new Date(now + (i + 1) * 1000), { force: true }));
// A policy change: a new version, and the flips it causes written as changes.
await updatePolicy(ctx, "patch-currency", { params: { maxPending: 5 } });
t = performance.now();
const changed = await evaluatePolicies(new Date(now + 10_000));
const changedMs = performance.now() - t;
const results = await db.policyResult.count();
const changes = await db.policyResultChange.count();

console.log(
  `\npolicy evaluation: ${snapshot.satellites.length} satellites × ${policies.length} policies, ${RUNS} runs each`,
);
console.log(`  baseline: read satellites, facts and results   ${fmt(baseline)}`);
console.log(`  pure evaluation alone (no I/O)                 ${fmt(pure)}`);
console.log(`  full re-evaluation, nothing changed            ${fmt(steady)}`);
console.log(
  `  first pass (writes ${first.writes} results + changes)     ${firstMs.toFixed(0).padStart(5)} ms`,
);
console.log(
  `  after a policy change (${changed.writes} writes)              ${changedMs.toFixed(0).padStart(5)} ms`,
);
console.log(`  stored: ${results} results, ${changes} change rows`);
await db.$disconnect();
