// The compliance pages: the overview (app/(console)/compliance/page.tsx: the matrix and the trend), a
// policy (policies/[id]/page.tsx) and the evidence report (report/page.tsx), each making its page's server
// calls in the same shape. The seed evaluates no policies for a large fleet, so setup writes each
// satellite's result against every active policy (900,000 at 100k with the nine defaults) and a 90-day
// history of changes: a first result for each pair, and a flip for one pair in eight.
import { loadMatrix, loadReport, loadTrend } from "../../app/(console)/compliance/_lib/load";
import { listRegions } from "../../server/compliance/regions";
import { getPolicy, listPolicies, listWaivers, policyVersions, postureAt } from "../../server/policies/read";
import { alreadyAdded, dialect, execBulk } from "./audit";
import type { PageBench, PageBenchCtx } from "./types";

let seeded = false;

async function addResults(ctx: PageBenchCtx): Promise<void> {
  if (seeded) return;
  seeded = true;
  if (!(await alreadyAdded(ctx.db, "PolicyResultChange", "bench-f-1-1"))) await insertResults(ctx);
  // What the first compliance read in a process pays (the warm-up runs below hide it): the whole log.
  const { postureLog } = await import("../../server/policies/read-store");
  const { latestFleet } = await import("../../server/fleet-state");
  const loading = performance.now();
  await Promise.all([postureLog(), latestFleet()]);
  console.log(
    `  (first read of the posture log and the fleet state: ${(performance.now() - loading).toFixed(0)} ms)`,
  );
}

async function insertResults(ctx: PageBenchCtx): Promise<void> {
  const d = dialect(ctx.db);
  const started = Date.now();
  const pairs = `WITH s AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "id") AS n FROM "Satellite"),
    p AS (SELECT "id", "currentVersion", ROW_NUMBER() OVER (ORDER BY "id") AS m FROM "Policy" WHERE "archivedAt" IS NULL)`;
  const outcome = `CASE WHEN (s.n * 7 + p.m * 13) % 20 < 2 THEN 'violation'
    WHEN (s.n * 7 + p.m * 13) % 20 = 2 THEN 'unknown' ELSE 'compliant' END`;
  const flips = `(s.n + p.m) % 8 = 0`;
  const flippedAt = d.ago(ctx.now, `((s.n * 31 + p.m) % 88 + 1) * 86400 + (s.n % 3600)`);
  await execBulk(ctx.db, [
    `DELETE FROM "PolicyResult"`,
    `DELETE FROM "PolicyResultChange"`,
    `${pairs} INSERT INTO "PolicyResult" ("policyId","satelliteId","policyVersion","outcome","reason","since","evaluatedAt")
     SELECT p."id", s."id", p."currentVersion", ${d.as(outcome, "PolicyOutcome")},
       CASE WHEN (s.n * 7 + p.m * 13) % 20 < 3 THEN 'bench reason' ELSE '' END,
       CASE WHEN ${flips} THEN ${flippedAt} ELSE ${d.ago(ctx.now, `90 * 86400`)} END, ${d.ago(ctx.now, "60")}
     FROM s CROSS JOIN p`,
    `${pairs} INSERT INTO "PolicyResultChange" ("id","policyId","satelliteId","policyVersion","outcome","reason","at")
     SELECT 'bench-f-' || s.n || '-' || p.m, p."id", s."id", p."currentVersion",
       ${d.as(`CASE WHEN ${flips} THEN (CASE WHEN ${outcome} = 'compliant' THEN 'violation' ELSE 'compliant' END) ELSE ${outcome} END`, "PolicyOutcome")},
       '', ${d.ago(ctx.now, `90 * 86400`)}
     FROM s CROSS JOIN p`,
    `${pairs} INSERT INTO "PolicyResultChange" ("id","policyId","satelliteId","policyVersion","outcome","reason","at")
     SELECT 'bench-g-' || s.n || '-' || p.m, p."id", s."id", p."currentVersion", ${d.as(outcome, "PolicyOutcome")},
       '', ${flippedAt}
     FROM s CROSS JOIN p WHERE ${flips}`,
  ]);
  console.log(`  (setup: policy results and their history in ${Date.now() - started} ms)`);
}

const pages: PageBench[] = [
  {
    name: "compliance",
    setup: addResults,
    async run({ auditor, now }) {
      await Promise.all([loadMatrix(auditor, now), loadTrend(auditor, 30, now)]);
    },
  },
  {
    name: "compliance: 90 days",
    async run({ auditor, now }) {
      await Promise.all([loadMatrix(auditor, now), loadTrend(auditor, 90, now)]);
    },
  },
  {
    name: "compliance: scoped operator",
    async run({ scopedOperator, now }) {
      await Promise.all([loadMatrix(scopedOperator, now), loadTrend(scopedOperator, 30, now)]);
    },
  },
  ...(
    [
      ["compliance: policy", {}],
      ["compliance: policy, violations in a region", { outcomes: ["violation"], region: "eu-gdpr" }],
      ["compliance: policy, a deep page", { after: "m" }],
    ] as const
  ).map(([name, variant]): PageBench => ({
    name,
    async run({ auditor, now }) {
      const id = "disk-encryption";
      await getPolicy(auditor, id, now);
      await Promise.all([
        policyVersions(auditor, id),
        listWaivers(auditor, { policyId: id, includeEnded: true }, now),
        postureAt(auditor, { at: now, policyId: id, order: "slug", limit: 100, ...variant }),
      ]);
    },
  })),
  {
    name: "compliance: report today",
    async run({ auditor, now }) {
      await Promise.all([
        listRegions(auditor, { includeRetired: true }),
        listPolicies(auditor, { includeArchived: true }, now),
      ]);
      await loadReport(auditor, { at: now.toISOString().slice(0, 10) }, now, { rowsPerPolicy: 200 });
    },
  },
  {
    name: "compliance: report 30 days ago, one region",
    async run({ auditor, now, ids }) {
      await Promise.all([
        listRegions(auditor, { includeRetired: true }),
        listPolicies(auditor, { includeArchived: true }, now),
      ]);
      const at = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
      await loadReport(auditor, { at, region: ids.region }, now, { rowsPerPolicy: 200 });
    },
  },
];

export default pages;
