// The Commands list (app/(console)/commands/page.tsx): the live versions, then the list, newest first, with
// the filters an operator uses and a deep page through the cursor. The seed sends no commands to a large
// fleet, so setup adds three per satellite over 90 days (300,000 at 100k): most finished, a few open.
import { listCommands } from "../../server/commands/list";
import { versionsOf } from "../../server/live/versions";
import { alreadyAdded, dialect, execBulk } from "./audit";
import type { PageBench, PageBenchCtx } from "./types";

let seeded = false;
let deep: string | null = null;

async function addCommands(ctx: PageBenchCtx): Promise<void> {
  if (seeded) return;
  seeded = true;
  if (await alreadyAdded(ctx.db, "Command", "bench-c-1-0")) return;
  const { db } = await import("../../server/db");
  const users = await db.user.findMany({
    where: { email: { in: ["operator@orrery.local", "admin@orrery.local"] } },
    select: { id: true, email: true },
  });
  const operator = users.find((u) => u.email.startsWith("operator"))!.id;
  const admin = users.find((u) => u.email.startsWith("admin"))!.id;
  const d = dialect(ctx.db);
  const span = 90 * 86_400;
  const started = Date.now();
  const issued = d.ago(ctx.now, `((s.n * 3 + k.i) * ${span}) / (${ctx.satellites * 3})`);
  await execBulk(ctx.db, [
    `WITH s AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "id") AS n FROM "Satellite"),
          k(i) AS (VALUES (0), (1), (2))
     INSERT INTO "Command" ("id","satelliteId","type","payload","idempotencyKey","state","deliveries",
       "issuedById","issuedAt","expiresAt","finishedAt","updatedAt")
     SELECT 'bench-c-' || s.n || '-' || k.i, s."id",
            CASE (s.n + k.i) % 5 WHEN 0 THEN 'stack.upgrade' WHEN 1 THEN 'satellite.cordon'
              WHEN 2 THEN 'satellite.uncordon' WHEN 3 THEN 'diagnostics.run' ELSE 'satellite.maintenance' END,
            ${d.json("{}")}, 'bench-c-' || s.n || '/' || k.i,
            ${d.as(
              `CASE WHEN s.n % 500 = 0 AND k.i = 0 THEN 'queued' WHEN (s.n + k.i) % 97 = 0 THEN 'failed'
                WHEN (s.n + k.i) % 89 = 0 THEN 'expired' ELSE 'succeeded' END`,
              "CommandState",
            )},
            1,
            CASE WHEN (s.n + k.i) % 7 = 0 THEN '${admin}' WHEN (s.n + k.i) % 11 = 0 THEN NULL ELSE '${operator}' END,
            ${issued}, ${issued}, ${issued}, ${issued}
     FROM s CROSS JOIN k`,
  ]);
  console.log(`  (setup: ${ctx.satellites * 3} commands in ${Date.now() - started} ms)`);
}

const page = (name: string, query: (ctx: PageBenchCtx) => Record<string, string>): PageBench => ({
  name,
  async run(ctx) {
    await versionsOf(ctx.operator, "commands");
    await listCommands(ctx.operator, query(ctx));
  },
});

const pages: PageBench[] = [
  { ...page("commands", () => ({})), setup: addCommands },
  page("commands: state failed", () => ({ state: "failed" })),
  page("commands: state succeeded (most)", () => ({ state: "succeeded" })),
  page("commands: type stack.upgrade", () => ({ type: "stack.upgrade" })),
  page("commands: one satellite", (ctx) => ({ satellite: ctx.ids.satelliteSlug })),
  page("commands: issued by admin", () => ({ issuer: "admin@orrery.local" })),
  page("commands: queued (rare)", () => ({ state: "queued" })),
  page("commands: type link.set-limit (none sent)", () => ({ type: "link.set-limit" })),
  {
    ...page("commands: 200 pages deep, by cursor", () => ({ cursor: deep! })),
    async setup(ctx) {
      // The cursor a reader holds after pressing "Older" 199 times.
      let cursor: string | null = null;
      for (let i = 1; i < 200; i++)
        cursor = (await listCommands(ctx.operator, cursor ? { cursor } : {})).next;
      deep = cursor;
    },
  },
];

export default pages;
