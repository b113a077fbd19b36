// npm run bench:status [-- --satellites 1000 --seconds 10 --connections 32]
// Starts the built console on a fresh SQLite file with a seeded fleet, a live-looking status mix and an open
// incident, warms the status snapshot, then drives the public JSON, the Statuspage v2 JSON and the SVG badge
// with autocannon and prints requests/s and p99 next to a no-op request on the same machine path
// (GET /healthz), measured in the same run. The load generator shares the machine's two cores with the server.
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { bench, sqliteIso as iso, tsNode } from "./harness";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "1000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    port: { type: "string", default: "3403" },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const { core, dbFile, run, build, start } = bench("status", Number(values.port));

build();
run(`seeding ${values.satellites} satellites and the public page "global"`, [
  ...tsNode,
  "prisma/seed.ts",
  "--satellites",
  String(values.satellites),
  "--no-users",
]);

// Most satellites report, a few are late, offline or unwell, and one incident is open: the page has work.
const sqlite = new Database(dbFile);
const now = Date.now();
sqlite
  .prepare(
    `UPDATE "Satellite" SET "lifecycle" = 'active', "heartbeatIntervalSec" = 300,
       "lastSeenAt" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "staleAfter" = ?, "offlineAfter" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "reportedHealth" = CASE WHEN rowid % 25 = 0 THEN 'degraded' WHEN rowid % 60 = 0 THEN 'critical' ELSE 'healthy' END`,
  )
  .run(iso(now - 7_200_000), iso(now), iso(now + 620_000), iso(now - 3_600_000), iso(now + 1_800_000));
sqlite
  .prepare(
    `INSERT INTO "Incident" ("id", "title", "impact", "status", "isProposed", "isPublished", "startedAt", "createdAt", "updatedAt")
     VALUES ('bench-incident', 'Packet loss on transatlantic links', 'minor', 'identified', false, true, ?, ?, ?)`,
  )
  .run(iso(now), iso(now), iso(now));
// An unlisted page: read without its key it must cost what an unknown slug costs, so neither is told apart.
sqlite
  .prepare(
    `INSERT INTO "StatusPage" ("id", "slug", "title", "visibility", "secret", "allowedOrigins", "includeAll", "createdAt", "updatedAt")
     VALUES ('bench-unlisted', 'hidden', 'Hidden', 'unlisted', 'bench-secret-0123456789ab', '[]', true, ?, ?)`,
  )
  .run(iso(now), iso(now));
sqlite.close();

const server = await start();

type Figures = { rps: number; p50: number; p99: number; errors: number };
/** `expect` is the status every answer should have; anything else counts as an error. */
async function cannon(path: string, headers: Record<string, string> = {}, expect = 200): Promise<Figures> {
  const result = await autocannon({
    url: `${core}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors:
      result.errors +
      result.timeouts +
      result.requests.total -
      Number((result.statusCodeStats as Record<string, { count: number }>)[String(expect)]?.count ?? 0),
  };
}

try {
  // Warm: the first read builds the snapshot; the bodies below are then served from memory.
  const json = await fetch(`${core}/api/status/global`);
  if (!json.ok) throw new Error(`/api/status/global answered ${json.status}`);
  const size = (await json.text()).length;
  const etag = json.headers.get("etag") ?? "";
  await fetch(`${core}/api/status/global/badge.svg`).then((r) => r.text());
  const v2 = await fetch(`${core}/status/global/api/v2/summary.json`);
  if (!v2.ok) throw new Error(`/status/global/api/v2/summary.json answered ${v2.status}`);
  const v2Size = (await v2.text()).length;
  const v2Etag = v2.headers.get("etag") ?? "";
  await fetch(`${core}/status/global/api/v2/status.json`).then((r) => r.text());

  process.stdout.write("▸ baseline: no-op GET /healthz\n");
  const noop = await cannon("/healthz");
  process.stdout.write("▸ GET /api/status/global\n");
  const body = await cannon("/api/status/global", { "accept-encoding": "gzip" });
  process.stdout.write("▸ GET /status/global/api/v2/summary.json\n");
  const v2Summary = await cannon("/status/global/api/v2/summary.json", { "accept-encoding": "gzip" });
  process.stdout.write("▸ GET /status/global/api/v2/status.json\n");
  const v2Status = await cannon("/status/global/api/v2/status.json", { "accept-encoding": "gzip" });
  process.stdout.write("▸ GET /status/global/api/v2/summary.json with If-None-Match (304)\n");
  const v2Revalidated = await cannon("/status/global/api/v2/summary.json", { "if-none-match": v2Etag }, 304);
  process.stdout.write("▸ GET /api/status/global/badge.svg\n");
  const badge = await cannon("/api/status/global/badge.svg", { "accept-encoding": "gzip" });
  process.stdout.write("▸ GET /api/status/global with If-None-Match (304)\n");
  const revalidated = await cannon("/api/status/global", { "if-none-match": etag }, 304);
  process.stdout.write("▸ GET /api/status/hidden without its key, and an unknown slug (both 404)\n");
  const keyless = await cannon("/api/status/hidden", {}, 404);
  const unknown = await cannon("/api/status/never-made", {}, 404);

  const fmt = (f: Figures, target = true, floor = 5000) => {
    const ok = f.rps >= floor && f.p99 <= 25 && f.errors === 0;
    return `${Math.round(f.rps).toLocaleString("en").padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   errors ${f.errors}${target ? (ok ? "   ✓" : "   ✗") : ""}`;
  };
  console.log(`
Public status on the machine path: ${values.satellites} satellites on the page (JSON ${(size / 1024).toFixed(0)} KB before gzip),
Statuspage v2 summary ${(v2Size / 1024).toFixed(0)} KB before gzip. ${CONNECTIONS} connections, ${SECONDS} s per run, load generator on the
same 2 cores; target ≥ 5,000 req/s (v2 JSON ≥ 10,000 req/s), p99 ≤ 25 ms

  JSON   /api/status/global            ${fmt(body)}
  v2     …/api/v2/summary.json         ${fmt(v2Summary, true, 10_000)}
  v2     …/api/v2/status.json          ${fmt(v2Status, true, 10_000)}
  v2 revalidated (304)                 ${fmt(v2Revalidated, true, 10_000)}
  badge  /api/status/global/badge.svg  ${fmt(badge)}
  JSON revalidated (304)               ${fmt(revalidated)}
  unlisted page without its key (404)  ${fmt(keyless, false)}
  unknown slug (404)                   ${fmt(unknown, false)}
  baseline: no-op GET /healthz         ${fmt(noop, false)}
`);
} finally {
  server.kill("SIGTERM");
}
