// npm run bench:ingest [-- --db postgres] [--agents 3000 --seconds 15 --rate 4000 --port 3401]
// For each database (SQLite always; PostgreSQL too with --db postgres) it makes a fresh database, seeds the
// satellites, starts the core's machine path (the gateway and reconciler server/main.ts runs; heartbeats never
// reach Next, so no build is needed), enrolls the agents over HTTP and drives heartbeats with autocannon (one
// token per request, rotating). Beside them it prints a no-op baseline from the same run: the same heartbeat
// requests, same load generator and connections, answered by an endpoint that parses the body and does no
// database work. The steady run offers --rate heartbeats/s; the target is 4,000/s at p99 ≤ 100 ms on
// PostgreSQL. The PostgreSQL database is made fresh from BENCH_PG_URL (default the local server) and named
// BENCH_PG_PREFIX_<random> (default orrery_ingest_…); it is dropped at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" }, // sqlite | postgres (postgres runs SQLite too, for the comparison)
    pg: { type: "boolean", default: false }, // the old spelling of --db postgres
    agents: { type: "string", default: "3000" },
    seconds: { type: "string", default: "15" },
    connections: { type: "string", default: "100" },
    rate: { type: "string", default: "4000" }, // the steady run's offered heartbeats/s
    port: { type: "string", default: "3401" },
    profile: { type: "string" }, // a folder: the server writes a V8 CPU profile there
    serve: { type: "boolean", default: false }, // internal: this process is the core under test
  },
});
const AGENTS = Number(values.agents);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const RATE = Number(values.rate);
const PORT = Number(values.port);
const core = `http://127.0.0.1:${PORT}`;
const root = fileURLToPath(new URL("..", import.meta.url));
const NOOP_PATH = "/bench/noop";
const benchStarted = performance.now();

if (values.serve) {
  await serve();
} else {
  await main();
}

/** The core under test: server/main.ts's machine path plus a no-op endpoint for the baseline. */
async function serve() {
  const { createGateway } = await import("../server/gateway");
  const { ingestWriter } = await import("../server/ingest");
  const { superviseReconciler } = await import("../server/reconciler/supervise");
  const { refuseDeliveryInThisProcess } = await import("../server/outbox/background");
  const { startBus, stopBus } = await import("../server/bus");
  // As server/main.ts: the outbox belongs to the reconciler, and the bus runs before the first request.
  refuseDeliveryInThisProcess();
  startBus();
  const gateway = createGateway();
  const server = createServer((req, res) => {
    if (gateway.handle(req, res)) return;
    if (req.method === "POST" && req.url === NOOP_PATH) {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { samples: { seq: number }[] };
        const lastSeq = body.samples[body.samples.length - 1].seq;
        const answer = { accepted: 1, duplicates: 0, lastSeq, commands: [], heartbeatIntervalSec: 30 };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 65_000;
  server.listen(PORT, "127.0.0.1");
  const reconciler = superviseReconciler();
  process.on("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    void Promise.all([reconciler.stop(), ingestWriter().close(), stopBus()]).finally(() => process.exit(0));
  });
}

type Figures = { rps: number; p50: number; p99: number; errors: number; total: number };
type Pass = { kind: string; flat: Figures; steady: Figures; noop?: Figures };

async function main() {
  const kinds = values.pg || values.db === "postgres" ? ["SQLite", "PostgreSQL"] : ["SQLite"];
  const passes: Pass[] = [];
  for (const kind of kinds) passes.push(await pass(kind, passes.length === 0));
  const fmt = (f: Figures) =>
    `${Math.round(f.rps).toLocaleString("en").padStart(8)} /s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`;
  const steadyTitle = `at a steady ${RATE.toLocaleString("en")}/s`.padEnd(22);
  console.log(
    `\nIngest, ${AGENTS.toLocaleString("en")} distinct agents, ${CONNECTIONS} connections, ${SECONDS} s per run, 1 sample per heartbeat`,
  );
  for (const p of passes) {
    if (p.noop) console.log(`  no-op baseline, as fast as it goes      ${fmt(p.noop)}`);
    console.log(`  ${p.kind.padEnd(10)} as fast as it goes      ${fmt(p.flat)}`);
    console.log(`  ${p.kind.padEnd(10)} ${steadyTitle}  ${fmt(p.steady)}`);
  }
  const noop = passes[0].noop as Figures;
  for (const p of passes)
    console.log(`  ${p.kind} heartbeat cost vs no-op: ${(noop.rps / p.flat.rps).toFixed(1)}×`);
}

async function pass(kind: string, withNoop: boolean): Promise<Pass> {
  const dir = mkdtempSync(join(tmpdir(), "orrery-ingest-"));
  let databaseUrl = `file:${join(dir, "orrery.db")}`;
  let drop: () => Promise<void> = async () => undefined;
  if (kind === "PostgreSQL") ({ url: databaseUrl, drop } = await freshPostgres());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    NEXTAUTH_SECRET: "orrery-bench-secret-orrery-bench-secret",
    LOG_LEVEL: "warn",
  };
  // Absolute loaders, so the seed can run in the bench's own folder: it writes its join-token file under its
  // working directory on PostgreSQL, and must not overwrite the checkout's data/.
  const loaders = ["--import", import.meta.resolve("tsx"), "--import", join(root, "scripts/register.mjs")];
  const seedDir = join(dir, "seed");
  mkdirSync(seedDir);
  step(`${kind}: seeding ${AGENTS} satellites`);
  const seeded = spawnSync(
    process.execPath,
    [
      ...loaders,
      join(root, "prisma/seed.ts"),
      "--satellites",
      String(Math.ceil(AGENTS / 0.96) + 50),
      "--no-users",
    ],
    {
      cwd: seedDir,
      env: { ...env, NODE_ENV: "development", TSX_TSCONFIG_PATH: join(root, "tsconfig.json") },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (seeded.status !== 0) throw new Error("seeding failed");
  const tokensFile = join(kind === "SQLite" ? dir : join(seedDir, "data"), "demo-join-tokens.json");
  const fleet = (JSON.parse(readFileSync(tokensFile, "utf8")) as { joinToken: string }[]).slice(0, AGENTS);

  step(`${kind}: starting the core`);
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
  const server: ChildProcess = spawn(
    process.execPath,
    [...profile, ...loaders, fileURLToPath(import.meta.url), "--serve", "--port", String(PORT)],
    {
      cwd: root,
      env: { ...env, NODE_ENV: "production", ORRERY_DEMO: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    await waitForCore();
    const tokens = await enroll(kind, fleet);
    const load = heartbeats(tokens);
    // Every agent beats once and the reconciler records the fleet coming online, so the runs below measure
    // steady ingest rather than thousands of satellites connecting in the same second.
    step(`${kind}: warm-up, one heartbeat per agent, then two reconciler ticks`);
    for (let i = 0; i < tokens.length; i += 50) {
      await Promise.all(
        tokens.slice(i, i + 50).map(() => {
          const req = load.request({});
          return fetch(`${core}/api/agent/v1/heartbeat`, { method: "POST", ...req }).then((r) => r.text());
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 12_000));
    let noop: Figures | undefined;
    if (withNoop) {
      step("no-op baseline: the same heartbeat requests to an endpoint without database work");
      noop = await cannon({ requests: [{ method: "POST", path: NOOP_PATH, setupRequest: load.request }] });
    }
    const path = "/api/agent/v1/heartbeat";
    step(`${kind}: heartbeats, as fast as they go`);
    const flat = await cannon({ requests: [{ method: "POST", path, setupRequest: load.request }] });
    step(`${kind}: heartbeats at a steady ${RATE}/s`);
    const steady = await cannon({
      overallRate: RATE,
      requests: [{ method: "POST", path, setupRequest: load.request }],
    });
    return { kind, flat, steady, noop };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await drop();
  }
}

function step(text: string) {
  process.stdout.write(`▸ ${Math.round((performance.now() - benchStarted) / 1000)} s: ${text}\n`);
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `${process.env.BENCH_PG_PREFIX ?? "orrery_ingest"}_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function waitForCore() {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${core}/healthz`)).ok) return;
    } catch {
      if (i > 600) throw new Error("the core did not start");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function enroll(kind: string, fleet: { joinToken: string }[]): Promise<string[]> {
  step(`${kind}: enrolling ${fleet.length} agents over HTTP`);
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
  return tokens;
}

/** Heartbeats rotating over the agents, each with its next seq. */
function heartbeats(tokens: string[]) {
  const seqs = new Array<number>(tokens.length).fill(0);
  let next = 0;
  return {
    request(request: Record<string, unknown>) {
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
    },
  };
}

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
