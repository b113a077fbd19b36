// npm run bench:metrics [-- --satellites 10000 --runs 20 --writes-per-sec 1000]
// A Prometheus scrape of GET /metrics at fleet size: seeds 10,000 satellites with the status mix of a real day,
// 30,000 finished commands and an active rollout over the whole fleet on a fresh SQLite file, starts the
// server entry (Next in development mode: /metrics is answered before Next, so no build is needed) and, while
// a second process rewrites satellites' latest rows as heartbeats do (1,000 a second: 10,000 satellites at a
// 10 s interval), measures, each beside a baseline taken in the same run:
//   - a scrape over HTTP rendered anew from the in-memory latest state, and one answered from the rendering
//     shared for a second, against /healthz on the same server (the machine path's floor);
//   - in this process, the delta read that keeps the state current, against the full read and rendering a
//     scrape used to do each time (and the map's JSON for the same fleet, the console's own full read).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { bench, sqliteIso as iso, tsNode } from "./harness";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "10000" },
    runs: { type: "string", default: "20" },
    "writes-per-sec": { type: "string", default: "1000" },
    port: { type: "string", default: "3413" },
  },
});
const SATELLITES = Number(values.satellites);
const RUNS = Number(values.runs);
const WRITES_PER_SEC = Number(values["writes-per-sec"]);
const TOKEN = "bench-metrics-token-0123456789";
const { core, dbFile, env, run } = bench("metrics", Number(values.port));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const worst = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

// ─── A fleet with the status mix of a real day, its commands and a rollout ───────────────────
run(`seeding ${SATELLITES} satellites`, [
  ...tsNode,
  "prisma/seed.ts",
  "--satellites",
  String(SATELLITES),
  "--no-users",
  "--history-days",
  "0",
]);
const sqlite = new Database(dbFile);
const now = Date.now();
// A 300 s interval keeps "connected" satellites connected for the whole run. 1 % never seen, 2 % offline,
// 2 % stale, the rest connected (as bench/map.ts).
sqlite
  .prepare(
    `UPDATE "Satellite" SET "heartbeatIntervalSec" = 300, "lifecycle" = 'active', "stackVersion" = '2.4.1',
       "lastSeenAt" = CASE WHEN rowid % 100 = 0 THEN NULL WHEN rowid % 50 = 1 THEN ? WHEN rowid % 50 = 2 THEN ? ELSE ? END,
       "lastRxMbps" = "downlinkMbps" * ((rowid * 37) % 97) / 100.0, "lastTxMbps" = "uplinkMbps" * ((rowid * 53) % 89) / 100.0`,
  )
  .run(iso(now - 3 * 3_600_000), iso(now - 700_000), iso(now - 5_000));
const ids = (sqlite.prepare(`SELECT "id" FROM "Satellite"`).all() as { id: string }[]).map((r) => r.id);
const releaseId = randomUUID();
const rolloutId = randomUUID();
const stamp = iso(now);
sqlite.transaction(() => {
  sqlite
    .prepare(
      `INSERT INTO "Release" ("id","version","notes","artifactSizeMb","minAgentVersion","createdAt") VALUES (?,?,?,?,?,?)`,
    )
    .run(releaseId, "2.5.0", "", 120, "1.0.0", stamp);
  sqlite
    .prepare(
      `INSERT INTO "Rollout" ("id","name","releaseId","status","selector","maxConcurrency","bakeMinutes","failureThresholdPct","createdAt","updatedAt")
       VALUES (?,?,?,'running','{}',50,10,5,?,?)`,
    )
    .run(rolloutId, "2.5.0 everywhere", releaseId, stamp, stamp);
  const target = sqlite.prepare(
    `INSERT INTO "RolloutTarget" ("id","rolloutId","satelliteId","state","updatedAt") VALUES (?,?,?,?,?)`,
  );
  const command = sqlite.prepare(
    `INSERT INTO "Command" ("id","satelliteId","type","payload","idempotencyKey","state","issuedAt","expiresAt","updatedAt")
     VALUES (?,?,?,'{}',?,?,?,?,?)`,
  );
  const types = ["stack.upgrade", "service.restart", "diagnostics.run"];
  const results = ["succeeded", "succeeded", "succeeded", "failed", "expired", "cancelled"];
  ids.forEach((id, i) => {
    target.run(randomUUID(), rolloutId, id, ["pending", "upgrading", "succeeded"][i % 3], stamp);
    for (let k = 0; k < 3; k++) {
      command.run(randomUUID(), id, types[k], randomUUID(), results[(i + k) % 6], stamp, stamp, stamp);
    }
  });
})();
sqlite.close();

// ─── Heartbeats: a process that rewrites latest rows as ingest does ────────────────────────────
// Every 100 ms a tenth of the second's writes, oldest satellites first, in one transaction (a group commit).
const HEARTBEATS = `
const Database = require("better-sqlite3");
const db = new Database(process.env.BENCH_DB, { timeout: 5000 });
db.pragma("journal_mode = WAL");
const ids = db.prepare('SELECT "id" FROM "Satellite"').all().map((r) => r.id);
const per = Math.max(1, Math.round(Number(process.env.BENCH_WPS) / 10));
const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");
const update = db.prepare('UPDATE "Satellite" SET "lastSeenAt" = ?, "updatedAt" = ?, "lastRxMbps" = "downlinkMbps" * ? WHERE "id" = ?');
const batch = db.transaction((at, from) => { for (let k = 0; k < per; k++) update.run(at, at, Math.random(), ids[(from + k) % ids.length]); });
let next = 0;
setInterval(() => { const at = iso(Date.now()); try { batch(at, next); next += per; } catch {} }, 100);
`;

// ─── The server entry ───────────────────────────────────────────────────────────────────────
process.stdout.write("▸ starting the server entry\n");
const server = spawn(process.execPath, [...tsNode, "server/main.ts", "--dev"], {
  env: { ...env, NODE_ENV: "development", METRICS_TOKEN: TOKEN },
  stdio: ["ignore", "ignore", "inherit"],
});
let heartbeats: ReturnType<typeof spawn> | null = null;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${core}/healthz`)).ok) break;
    } catch {
      if (i > 900) throw new Error("the server entry did not start");
    }
    await sleep(100);
  }
  await sleep(3_000); // let Next's development compiler settle before timing anything

  const timed = async (path: string, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const res = await fetch(`${core}${path}`, { headers });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return { ms: performance.now() - started, body };
  };
  const auth = { authorization: `Bearer ${TOKEN}` };
  const first = await timed("/metrics", auth); // the first loads the state in full and warms the JIT
  process.stdout.write(`▸ heartbeats: ${WRITES_PER_SEC} latest rows rewritten a second\n`);
  heartbeats = spawn(process.execPath, ["-e", HEARTBEATS], {
    env: { ...process.env, BENCH_DB: dbFile, BENCH_WPS: String(WRITES_PER_SEC) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await sleep(3_000);
  process.stdout.write(`▸ ${RUNS} scrapes over HTTP, each rendered anew from the latest state\n`);
  const computed: number[] = [];
  const shared: number[] = [];
  const floor: number[] = [];
  let body = "";
  for (let i = 0; i < RUNS; i++) {
    await sleep(1_100); // past the second a rendering is shared
    const r = await timed("/metrics", auth);
    computed.push(r.ms);
    body = r.body;
    shared.push((await timed("/metrics", auth)).ms);
    floor.push((await timed("/healthz")).ms);
  }
  const lines = body.split("\n").filter((l) => l && !l.startsWith("#"));
  const fleetTotal = lines
    .filter((l) => l.startsWith("orrery_satellites{"))
    .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);

  // ─── In this process: the delta read against the full read a scrape used to make ─────────────
  process.stdout.write(`▸ ${RUNS} reads each, in this process: delta, full read + render, the map\n`);
  Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, NODE_ENV: "production", LOG_LEVEL: "warn" });
  const { FleetState } = await import("../server/fleet-state");
  const { driverReader } = await import("../server/fleet-state/rows");
  const { regionsNow } = await import("../server/metrics/fleet-source");
  const { renderFleet } = await import("../server/metrics/fleet-series");
  const { fleetMap } = await import("../server/map/fleet-map");
  const { systemActor } = await import("../server/auth/actor");
  let deltaSize = 0;
  let deltaFetched = 0;
  const reader = {
    ...driverReader,
    stampsSince: async (since: Date) => {
      const stamps = await driverReader.stampsSince(since);
      deltaSize = stamps.length;
      deltaFetched = 0;
      return stamps;
    },
    byIds: (ids: readonly string[]) => ((deltaFetched = ids.length), driverReader.byIds(ids)),
  };
  const state = new FleetState({ reader, fullReloadMs: 3_600_000 });
  await state.current();
  const regionIds = await regionsNow();
  const delta: number[] = [];
  const deltaRows: number[] = [];
  const deltaFull: number[] = [];
  const full: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await sleep(1_000); // the background timer's pace
    let t = performance.now();
    await state.refresh();
    const d = performance.now() - t;
    t = performance.now();
    renderFleet(await driverReader.all(), regionIds, new Date());
    const f = performance.now() - t;
    t = performance.now();
    await fleetMap({ actor: systemActor }, {});
    const m = performance.now() - t;
    // The first of each warms up.
    if (i > 0) {
      delta.push(d);
      deltaRows.push(deltaSize);
      deltaFull.push(deltaFetched);
      full.push(f);
      map.push(m);
    }
  }

  console.log(`\nGET /metrics at ${SATELLITES} satellites (orrery_satellites sums to ${fleetTotal})`);
  console.log(`  exposition: ${lines.length} series, ${(body.length / 1e6).toFixed(2)} MB`);
  console.log(
    `  while ${WRITES_PER_SEC} latest rows a second are rewritten; first scrape (full load) ${ms(first.ms)}\n`,
  );
  console.log(`                                                  median     worst`);
  console.log(
    `  scrape, rendered anew from the latest state   ${ms(median(computed))} ${ms(worst(computed))}`,
  );
  console.log(`  scrape, rendering shared (within 1 s)         ${ms(median(shared))} ${ms(worst(shared))}`);
  console.log(`  baseline: GET /healthz                        ${ms(median(floor))} ${ms(worst(floor))}`);
  console.log(`  delta read keeping the state current, 1 s     ${ms(median(delta))} ${ms(worst(delta))}`);
  console.log(
    `    (per delta read: ${median(deltaRows)} stamps in the 5 s overlap, ${median(deltaFull)} rows fetched; medians)`,
  );
  console.log(`  baseline: full fleet read + render (before)   ${ms(median(full))} ${ms(worst(full))}`);
  console.log(`  baseline: the map's JSON, in process          ${ms(median(map))} ${ms(worst(map))}`);
  console.log(`\n  target: a scrape's worst within 250 ms at 10,000 satellites`);
} finally {
  heartbeats?.kill("SIGTERM");
  server.kill("SIGTERM");
}
process.exit(0);
