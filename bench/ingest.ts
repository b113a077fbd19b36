// npm run bench:ingest [-- --agents 3000 --seconds 15] [--pg]
// Starts the built console on a fresh database, enrolls thousands of agents over HTTP, drives heartbeats with
// autocannon (one token per request, rotating), and prints accepted heartbeats/s, p50/p99 and errors next to
// two baselines measured in the same run: a no-op request on the same server, and the same rows inserted
// straight through better-sqlite3 in batched transactions.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";

const { values } = parseArgs({
  options: {
    agents: { type: "string", default: "3000" },
    seconds: { type: "string", default: "15" },
    connections: { type: "string", default: "100" },
    pg: { type: "boolean", default: false },
    port: { type: "string", default: "3401" },
    profile: { type: "string" }, // a folder: the server writes a V8 CPU profile there
    "heartbeats-only": { type: "boolean", default: false },
  },
});
const AGENTS = Number(values.agents);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
const core = `http://127.0.0.1:${PORT}`;
const root = process.cwd();
const tsNode = ["--import", "tsx", "--import", "./scripts/register.mjs"];

const dir = mkdtempSync(join(tmpdir(), "orrery-ingest-"));
let databaseUrl = `file:${join(dir, "orrery.db")}`;
let dropPg: (() => Promise<void>) | null = null;
if (values.pg) {
  const base = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `orrery_ingest_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropPg = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
const env: Record<string, string | undefined> = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  ORRERY_DEMO: "1", // demo data on plain http: not a production core
  PORT: String(PORT),
  NEXTAUTH_SECRET: "orrery-bench-secret-orrery-bench-secret",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** Next's types narrow NODE_ENV; child processes take any string. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

function run(title: string, args: string[], extraEnv: Record<string, string> = {}) {
  process.stdout.write(`▸ ${title}\n`);
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: childEnv(extraEnv),
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error(`${title} failed`);
}

if (!existsSync(join(root, ".next/BUILD_ID")))
  run("building the console", [join(root, "node_modules/next/dist/bin/next"), "build"]);
run(
  `seeding ${AGENTS} satellites`,
  [...tsNode, "prisma/seed.ts", "--satellites", String(Math.ceil(AGENTS / 0.96) + 50), "--no-users"],
  { NODE_ENV: "development" },
);
const fleetFile = values.pg ? join(root, "data/demo-join-tokens.json") : join(dir, "demo-join-tokens.json");
const fleet = (JSON.parse(readFileSync(fleetFile, "utf8")) as { joinToken: string }[]).slice(0, AGENTS);

process.stdout.write("▸ starting the console\n");
const profileArgs = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
const server: ChildProcess = spawn(process.execPath, [...profileArgs, ...tsNode, "server/main.ts"], {
  cwd: root,
  env: childEnv(),
  stdio: ["ignore", "ignore", "inherit"],
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${core}/healthz`)).ok) break;
  } catch {
    if (i > 600) throw new Error("the console did not start");
  }
  await new Promise((r) => setTimeout(r, 100));
}

process.stdout.write(`▸ enrolling ${fleet.length} agents over HTTP\n`);
const tokens: string[] = [];
for (let i = 0; i < fleet.length; i += 50) {
  const batch = await Promise.all(
    fleet.slice(i, i + 50).map(async (f) => {
      const res = await fetch(`${core}/api/agent/v1/enroll`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ joinToken: f.joinToken, agentVersion: "1.4.0", stackVersion: "2026.11.1" }),
      });
      if (res.status !== 201) throw new Error(`enroll answered ${res.status}`);
      return ((await res.json()) as { agentToken: string }).agentToken;
    }),
  );
  tokens.push(...batch);
}

const seqs = new Array<number>(tokens.length).fill(0);
let next = 0;
function heartbeatRequest(request: Record<string, unknown>) {
  const i = next++ % tokens.length;
  const seq = ++seqs[i];
  const sample = {
    seq,
    at: new Date().toISOString(),
    cpuPct: 40 + (seq % 20),
    memPct: 60,
    diskPct: 70,
    rxMbps: 200 + (seq % 50),
    txMbps: 90,
    rttMs: 35,
    lossPct: 0,
    services: { compute: "ok", storage: "ok", network: seq % 97 === 0 ? "degraded" : "ok" },
  };
  return {
    ...request,
    headers: { "content-type": "application/json", authorization: `Bearer ${tokens[i]}` },
    body: JSON.stringify({ agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [sample] }),
  };
}

type Figures = { rps: number; p50: number; p99: number; errors: number; total: number };
async function cannon(opts: Record<string, unknown>): Promise<Figures> {
  const result = await autocannon({
    url: core,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...opts,
  } as autocannon.Options);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

// Warm-up: every agent beats once and the reconciler records the fleet coming online, so the runs below
// measure steady ingest rather than 3,000 satellites connecting in the same second.
process.stdout.write("▸ warm-up: one heartbeat per agent, then two reconciler ticks\n");
for (let i = 0; i < tokens.length; i += 50) {
  await Promise.all(
    tokens.slice(i, i + 50).map((_, j) => {
      const req = heartbeatRequest({}) as { headers: Record<string, string>; body: string };
      void j;
      return fetch(`${core}/api/agent/v1/heartbeat`, {
        method: "POST",
        headers: req.headers,
        body: req.body,
      }).then((r) => r.text());
    }),
  );
}
await new Promise((r) => setTimeout(r, 12_000));

process.stdout.write("▸ no-op baseline (GET /healthz)\n");
const noop = await cannon({ requests: [{ method: "GET", path: "/healthz" }] });
process.stdout.write("▸ heartbeats, as fast as they go\n");
const flat = await cannon({
  requests: [{ method: "POST", path: "/api/agent/v1/heartbeat", setupRequest: heartbeatRequest }],
});
process.stdout.write("▸ heartbeats at a steady 2,000/s\n");
const steady = await cannon({
  overallRate: 2000,
  requests: [{ method: "POST", path: "/api/agent/v1/heartbeat", setupRequest: heartbeatRequest }],
});

server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));

// Baseline: the same rows straight through better-sqlite3, batched as the writer batches them.
const rows = Math.max(flat.total, 20_000);
const raw = new Database(join(dir, "baseline.db"));
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = NORMAL");
raw.exec(`CREATE TABLE t ("satelliteId" TEXT NOT NULL, "seq" INTEGER NOT NULL, "at" TEXT, "receivedAt" TEXT, "cpuPct" REAL, "memPct" REAL,
  "diskPct" REAL, "rxMbps" REAL, "txMbps" REAL, "rttMs" REAL, "lossPct" REAL, "health" TEXT, "services" TEXT, PRIMARY KEY ("satelliteId","seq"))`);
const insert = raw.prepare(`INSERT OR IGNORE INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`);
const batch = raw.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const at = new Date().toISOString();
    insert.run(`sat-${i % AGENTS}`, i, at, at, 41, 60, 70, 200, 90, 35, 0, "healthy", '{"compute":"ok"}');
  }
});
const started = performance.now();
for (let i = 0; i < rows; i += 200) batch(i, Math.min(rows, i + 200));
const directRps = rows / ((performance.now() - started) / 1000);
raw.close();
await dropPg?.();

const kind = values.pg ? "PostgreSQL" : "SQLite";
const fmt = (f: Figures) =>
  `${Math.round(f.rps).toLocaleString("en").padStart(8)} /s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`;
console.log(
  `\nIngest on ${kind}, ${tokens.length.toLocaleString("en")} distinct agents, ${CONNECTIONS} connections, ${SECONDS} s per run`,
);
console.log(`  heartbeats (1 sample each)      ${fmt(flat)}`);
console.log(`  heartbeats at a steady 2,000/s  ${fmt(steady)}`);
console.log(`  baseline: no-op GET /healthz    ${fmt(noop)}`);
console.log(
  `  baseline: better-sqlite3 direct ${Math.round(directRps).toLocaleString("en").padStart(8)} rows/s (batches of 200, same columns)`,
);
console.log(
  `  heartbeat cost vs no-op: ${(noop.rps / flat.rps).toFixed(1)}×; vs direct insert: ${(directRps / flat.rps).toFixed(1)}×`,
);
