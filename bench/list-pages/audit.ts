// The Audit log (app/(console)/audit/page.tsx): its filter suggestions, then the list, newest first, with the
// filters a reader uses and a deep page through the cursor. The seed writes few events for a large fleet,
// so setup adds about three per satellite over 90 days (300,000 at 100k), as connectivity and commands do.
import { listAuditEvents, listAuditFacets } from "../../server/audit-log";
import type { PageBench, PageBenchCtx } from "./types";

/** SQL that differs between the two databases, for the bulk inserts of setup steps. */
export function dialect(kind: PageBenchCtx["db"]) {
  const pg = kind === "postgres";
  return {
    /** A timestamp `secondsAgo` before `now`, in the column's stored form. */
    ago: (now: Date, secondsAgo: string) =>
      pg
        ? `(to_timestamp(${Math.floor(now.getTime() / 1000)} - (${secondsAgo})) AT TIME ZONE 'UTC')`
        : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${Math.floor(now.getTime() / 1000)} - (${secondsAgo}), 'unixepoch')`,
    as: (expr: string, type: string) => (pg ? `CAST(${expr} AS "${type}")` : expr),
    json: (text: string) => (pg ? `CAST('${text}' AS jsonb)` : `'${text}'`),
  };
}

/** Runs statements through the drivers (Prisma's per-row cost would dominate a bulk insert), then analyzes. */
export async function execBulk(kind: PageBenchCtx["db"], statements: string[]): Promise<void> {
  const raw = await import("../../server/db-raw");
  if (kind === "sqlite") {
    const db = raw.rawSqlite();
    db.transaction(() => statements.forEach((s) => db.exec(s)))();
    db.exec("ANALYZE");
  } else {
    const pool = raw.rawPgPool();
    for (const s of statements) await pool.query(s);
    await pool.query("ANALYZE");
  }
}

/** Whether a kept database (--keep) already holds the row a setup step writes first. */
export async function alreadyAdded(kind: PageBenchCtx["db"], table: string, id: string): Promise<boolean> {
  const raw = await import("../../server/db-raw");
  const sql = `SELECT 1 AS "one" FROM "${table}" WHERE "id" = ${kind === "sqlite" ? "?" : "$1"}`;
  return kind === "sqlite"
    ? raw.rawSqlite().prepare(sql).get(id) !== undefined
    : ((await raw.rawPgPool().query(sql, [id])).rowCount ?? 0) > 0;
}

let seeded = false;
let deep: string | null = null;

async function addEvents(ctx: PageBenchCtx): Promise<void> {
  if (seeded) return;
  seeded = true;
  if (await alreadyAdded(ctx.db, "AuditEvent", "bench-a-1-0")) return;
  const d = dialect(ctx.db);
  const span = 90 * 86_400;
  const started = Date.now();
  await execBulk(ctx.db, [
    `WITH s AS (SELECT "id", "slug", ROW_NUMBER() OVER (ORDER BY "id") AS n FROM "Satellite"),
          k(i) AS (VALUES (0), (1), (2))
     INSERT INTO "AuditEvent" ("id","at","actorType","actorId","actorLabel","action","targetType","targetId","summary")
     SELECT 'bench-a-' || s.n || '-' || k.i,
            ${d.ago(ctx.now, `((s.n * 3 + k.i) * ${span}) / (${ctx.satellites * 3})`)},
            ${d.as(`CASE k.i WHEN 0 THEN 'system' WHEN 1 THEN 'user' ELSE 'agent' END`, "ActorType")},
            NULL,
            CASE k.i WHEN 0 THEN 'reconciler' WHEN 1 THEN 'operator@orrery.local' ELSE s."slug" END,
            CASE k.i WHEN 0 THEN (CASE s.n % 2 WHEN 0 THEN 'satellite.offline' ELSE 'satellite.online' END)
                     WHEN 1 THEN 'command.issue' ELSE 'command.finish' END,
            'satellite', s."id",
            CASE k.i WHEN 0 THEN 'Connectivity changed' WHEN 1 THEN 'Issued a command' ELSE 'The agent finished a command' END
     FROM s CROSS JOIN k`,
  ]);
  console.log(`  (setup: ${ctx.satellites * 3} audit events in ${Date.now() - started} ms)`);
}

const pages: PageBench[] = [
  {
    name: "audit",
    setup: addEvents,
    async run({ auditor }) {
      await Promise.all([listAuditFacets(auditor), listAuditEvents(auditor, {})]);
    },
  },
  {
    name: "audit: action command.issue",
    async run({ auditor }) {
      await Promise.all([listAuditFacets(auditor), listAuditEvents(auditor, { action: "command.issue" })]);
    },
  },
  {
    name: "audit: actor + target type",
    async run({ auditor }) {
      await Promise.all([
        listAuditFacets(auditor),
        listAuditEvents(auditor, { actor: "operator@orrery.local", targetType: "satellite" }),
      ]);
    },
  },
  {
    name: "audit: one satellite",
    async run({ auditor, ids }) {
      await Promise.all([
        listAuditFacets(auditor),
        listAuditEvents(auditor, { targetType: "satellite", target: ids.satelliteSlug }),
      ]);
    },
  },
  {
    name: "audit: one week, search",
    async run({ auditor, now }) {
      const from = new Date(now.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(now.getTime() - 33 * 86_400_000).toISOString().slice(0, 10);
      await Promise.all([
        listAuditFacets(auditor),
        listAuditEvents(auditor, { from, to, q: "Connectivity" }),
      ]);
    },
  },
  {
    name: "audit: 200 pages deep, by cursor",
    async setup({ auditor }) {
      // The cursor a reader holds after pressing "Older" 199 times.
      let cursor: string | null = null;
      for (let i = 1; i < 200; i++) cursor = (await listAuditEvents(auditor, cursor ? { cursor } : {})).next;
      deep = cursor;
    },
    async run({ auditor }) {
      await Promise.all([listAuditFacets(auditor), listAuditEvents(auditor, { cursor: deep })]);
    },
  },
];

export default pages;
