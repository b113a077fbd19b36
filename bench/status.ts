// npm run bench:status [-- --satellites 1000 --small 10 --seconds 10 --connections 32 --rounds 3 --only summary]
// Starts the built console on a fresh SQLite file with a seeded fleet, a live-looking status mix, an open
// incident and an ended maintenance, warms the status snapshots, then drives, on the page of the whole fleet
// ("global") and on a small page, the public JSON, every Statuspage v2 answer (the JSON paths, one incident,
// the history feeds) and the SVG badge with autocannon, and prints requests/s and p99 next to a no-op
// request on the same machine path (GET /healthz), measured in the same run. The load generator shares the
// machine's two cores with the server.
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { bench, sqliteIso as iso, tsNode } from "./harness";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "1000" },
    small: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    port: { type: "string", default: "3403" },
    rounds: { type: "string", default: "3" },
    // Only the lines whose label contains this text (the no-op baseline is always measured).
    only: { type: "string" },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Math.max(1, Number(values.rounds));
const { core, dbFile, run, build, start } = bench("status", Number(values.port));

build();
run(`seeding ${values.satellites} satellites and the public page "global"`, [
  ...tsNode,
  "prisma/seed.ts",
  "--satellites",
  String(values.satellites),
  "--no-users",
]);

// Most satellites report, a few are offline or unwell, and one incident is open: the page has work. The
// heartbeat interval is an hour so no satellite goes stale while the bench runs (a full run takes ~20 min):
// a page whose content moves mid-run would fail its 304 lines and measure rebuilds, not answers.
const sqlite = new Database(dbFile);
const now = Date.now();
const DAY = 86_400_000;
// The deadlines the core would write for a 3,600 s interval (lib/connectivity.ts): 2 beats + 20 s, 6 beats.
const STALE_MS = 7_220_000;
const OFFLINE_MS = 21_600_000;
sqlite
  .prepare(
    `UPDATE "Satellite" SET "lifecycle" = 'active', "heartbeatIntervalSec" = 3600,
       "lastSeenAt" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "staleAfter" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "offlineAfter" = CASE WHEN rowid % 40 = 0 THEN ? ELSE ? END,
       "reportedHealth" = CASE WHEN rowid % 25 = 0 THEN 'degraded' WHEN rowid % 60 = 0 THEN 'critical' ELSE 'healthy' END`,
  )
  .run(
    iso(now - DAY),
    iso(now),
    iso(now - DAY + STALE_MS),
    iso(now + STALE_MS),
    iso(now - DAY + OFFLINE_MS),
    iso(now + OFFLINE_MS),
  );
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
// A small page of a few satellites, and a maintenance that ended an hour ago on the whole fleet.
sqlite
  .prepare(
    `INSERT INTO "StatusPage" ("id", "slug", "title", "visibility", "allowedOrigins", "includeAll", "createdAt", "updatedAt")
     VALUES ('bench-small', 'small', 'Small', 'public', '[]', false, ?, ?)`,
  )
  .run(iso(now), iso(now));
sqlite
  .prepare(
    `INSERT INTO "StatusPageSatellite" ("statusPageId", "satelliteId")
     SELECT 'bench-small', "id" FROM "Satellite" ORDER BY rowid LIMIT ?`,
  )
  .run(Number(values.small));
sqlite
  .prepare(
    `INSERT INTO "MaintenanceWindow" ("id", "title", "description", "startsAt", "endsAt", "createdAt", "updatedAt")
     VALUES ('bench-maintenance', 'Core router swap', 'New routers.', ?, ?, ?, ?)`,
  )
  .run(iso(now - 7_200_000), iso(now - 3_600_000), iso(now), iso(now));
sqlite.close();

const server = await start();

// autocannon keeps each response body as a string (`body += chunk`), so it decodes every compressed body
// as UTF-8: about 250 µs for a 23 KB gzip, on the same two cores as the server. That measured the load
// generator (a large page's v2 summary read "2,500 req/s"), not the answer. Nothing here reads the bodies,
// so the queue keeps none; the bytes are still counted.
const Queue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js") as {
  prototype: { addBody: (data: Buffer) => void };
};
Queue.prototype.addBody = () => {};

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

/** A first read builds the page's snapshot and the answer; returns its size and ETag. */
async function warm(path: string): Promise<{ size: number; etag: string }> {
  const res = await fetch(`${core}${path}`);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return { size: (await res.arrayBuffer()).byteLength, etag: res.headers.get("etag") ?? "" };
}

const GZIP = { "accept-encoding": "gzip" };
/** Each line: its label, its path, and the request headers (gzip, as readers' libraries ask). */
function linesFor(slug: string): [string, string, Record<string, string>][] {
  const v2 = `/status/${slug}/api/v2`;
  return [
    ["JSON   /api/status/<slug>", `/api/status/${slug}`, GZIP],
    ["v2     summary.json", `${v2}/summary.json`, GZIP],
    ["v2     summary.json, br", `${v2}/summary.json`, { "accept-encoding": "gzip, deflate, br" }],
    ["v2     status.json", `${v2}/status.json`, GZIP],
    ["v2     components.json", `${v2}/components.json`, GZIP],
    ["v2     incidents.json", `${v2}/incidents.json`, GZIP],
    ["v2     incidents/unresolved.json", `${v2}/incidents/unresolved.json`, GZIP],
    ["v2     scheduled-maintenances.json", `${v2}/scheduled-maintenances.json`, GZIP],
    ["v2     …/upcoming.json", `${v2}/scheduled-maintenances/upcoming.json`, GZIP],
    ["v2     …/active.json", `${v2}/scheduled-maintenances/active.json`, GZIP],
    ["v2     incidents/<id>.json", `/status/${slug}/incidents/bench-incident.json`, GZIP],
    ["v2     history.atom", `/status/${slug}/history.atom`, GZIP],
    ["v2     history.rss", `/status/${slug}/history.rss`, GZIP],
  ];
}

const fmt = (f: Figures, floor: number | null) => {
  const ok = floor !== null && f.rps >= floor && f.p99 <= 25 && f.errors === 0;
  return `${Math.round(f.rps).toLocaleString("en").padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   errors ${f.errors}${floor === null ? "" : ok ? "   ✓" : "   ✗"}`;
};

/** One measured line: what it asks, the status every answer should have, and its floor (none: a baseline). */
type Line = {
  label: string;
  path: string;
  headers: Record<string, string>;
  expect: number;
  floor: number | null;
  runs: Figures[];
};
const line = (
  label: string,
  path: string,
  headers: Record<string, string> = {},
  expect = 200,
  floor: number | null = 10_000,
): Line => ({ label, path, headers, expect, floor, runs: [] });
/** The run with the median rate, so a line's p50 and p99 come from the same run as its rate. */
const median = (l: Line): Figures => [...l.runs].sort((a, b) => a.rps - b.rps)[(l.runs.length - 1) >> 1];

try {
  const pages: [string, string][] = [
    ["global", `${values.satellites} satellites`],
    ["small", `${values.small} satellites`],
  ];
  const noop = line("baseline: no-op GET /healthz", "/healthz", {}, 200, null);
  const sections: { title: string; lines: Line[] }[] = [];
  // Each page's ETag when warmed: a page that changed during the run measured rebuilds, which the end says.
  const etags = new Map<string, string>();
  for (const [slug, title] of pages) {
    const json = await warm(`/api/status/${slug}`);
    etags.set(slug, json.etag);
    const summary = await warm(`/status/${slug}/api/v2/summary.json`);
    const lines = linesFor(slug).map(([label, path, headers]) => line(label, path, headers));
    for (const l of lines) await warm(l.path);
    lines.push(
      line("JSON revalidated (304)", `/api/status/${slug}`, { "if-none-match": json.etag }, 304),
      line(
        "v2 summary revalidated (304)",
        `/status/${slug}/api/v2/summary.json`,
        { "if-none-match": summary.etag },
        304,
      ),
    );
    sections.push({
      title: `Page "${slug}", ${title}: JSON ${(json.size / 1024).toFixed(0)} KB, v2 summary ${(summary.size / 1024).toFixed(0)} KB before compression`,
      lines,
    });
  }
  await warm("/api/status/global/badge.svg");
  const badge = line("badge  /api/status/global/badge.svg", "/api/status/global/badge.svg", GZIP, 200, 5_000);
  const keyless = line("unlisted page without its key (404)", "/api/status/hidden", {}, 404, null);
  const unknown = line("unknown slug (404)", "/api/status/never-made", {}, 404, null);
  const only = values.only;
  const picked = (l: Line) => l === noop || !only || l.label.includes(only);
  for (const s of sections) s.lines = s.lines.filter(picked);
  const all = [noop, ...sections.flatMap((s) => s.lines), badge, keyless, unknown].filter(picked);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const l of all) {
      process.stdout.write(`▸ round ${round}/${ROUNDS}: GET ${l.path}\n`);
      l.runs.push(await cannon(l.path, l.headers, l.expect));
    }
  }

  const moved: string[] = [];
  for (const [slug, etag] of etags) {
    if ((await warm(`/api/status/${slug}`)).etag !== etag) moved.push(slug);
  }
  const print = (l: Line) => `  ${l.label.padEnd(38)} ${fmt(median(l), l.floor)}`;
  console.log(`
Public status on the machine path. ${CONNECTIONS} connections, ${SECONDS} s per run, the median of ${ROUNDS} rounds,
load generator on the same 2 cores; target: JSON and v2 ≥ 10,000 req/s warm (badge ≥ 5,000), p99 ≤ 25 ms.
Requests ask for gzip unless marked br; the load generator counts the bytes of each answer without decoding them.

${sections.map((s) => [s.title, ...s.lines.map(print), print(noop), ""].join("\n")).join("\n")}
${[badge, keyless, unknown, noop].filter(picked).map(print).join("\n")}
`);
  if (moved.length > 0) {
    console.log(
      `✗ The page${moved.length > 1 ? "s" : ""} ${moved.join(", ")} changed during the run: the lines measured rebuilds, not a warm answer.`,
    );
    process.exitCode = 1;
  }
} finally {
  server.kill("SIGTERM");
}
