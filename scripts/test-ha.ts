// npm run test:ha [-- --short] [-- --skip-build]: HAProxy (scripts/ha/haproxy.cfg) in front of two replicas
// and a worker on one fresh PostgreSQL database, with 1,000 simulated agents and a signed-in browser. It
// SIGKILLs the replica leading the reconciler, SIGTERMs the other, restarts both, and then checks that every
// acknowledged sample is stored exactly once, no command reached an agent under another key, and a change on
// replica A is seen on replica B within a second. docs/operations.md, "Running replicas", explains the setup.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFleet } from "./ha/agents";
import { BrowserSession } from "./ha/browser";
import { Cluster, ready, sleep } from "./ha/cluster";
import { report } from "./ha/report";
import { Api, credentialRevocation, statusPageChange } from "./ha/probes";
import { clusterEnv, ensureBuild, freshDatabase, migrateAndSeed } from "./ha/setup";
import { Store } from "./ha/store";
import { Workload } from "./ha/workload";

const argv = process.argv.slice(2);
const isShort = argv.includes("--short");
const agentCount = Number(argv[argv.indexOf("--agents") + 1]) || 1_000;
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ports = {
  ha: port("ORRERY_HA_PORT", 3293),
  A: port("ORRERY_HA_PORT_A", 3301),
  B: port("ORRERY_HA_PORT_B", 3302),
};
const TICK_MS = 2_000;
const LEASE_TTL_MS = 4 * TICK_MS; // server/reconciler/index.ts: four passes
const RUN_MS = (isShort ? 75 : 180) * 1_000;
const root = process.cwd();
const base = (p: number) => `http://127.0.0.1:${p}`;
const log = (m: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${m}`);

async function main(): Promise<boolean> {
  ensureBuild(root, argv.includes("--skip-build"));
  const database = await freshDatabase(
    process.env.ORRERY_HA_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  );
  const logDir = mkdtempSync(join(tmpdir(), "orrery-ha-"));
  const env = clusterEnv(database.url, base(ports.ha), TICK_MS);
  const password = randomBytes(12).toString("base64url");
  const cluster = new Cluster(root, logDir, env);
  const store = new Store(database.url);
  const browser = new BrowserSession();
  let fleet: ReturnType<typeof startFleet> | null = null;
  const workload = new Workload();
  try {
    const seeded = migrateAndSeed(env, password);
    await store.connect();
    log(`logs in ${logDir}; database ${new URL(database.url).pathname.slice(1)}`);
    const [a, b] = [cluster.replica("A", ports.A), cluster.replica("B", ports.B)];
    await Promise.all([ready(a, `${base(ports.A)}/readyz`), ready(b, `${base(ports.B)}/readyz`)]);
    const haproxy = cluster.haproxy(`127.0.0.1:${ports.ha}`, {
      A: `127.0.0.1:${ports.A}`,
      B: `127.0.0.1:${ports.B}`,
    });
    await ready(haproxy, `${base(ports.ha)}/readyz`);
    await leaderAmong(cluster, store, ["A", "B"], 30_000);
    cluster.worker();
    log("replicas A and B ready behind haproxy; worker started");

    fleet = startFleet(base(ports.ha), seeded.joinToken, agentCount, () => {});
    const enrolled = Date.now();
    while (fleet.runner.count("running") < agentCount && Date.now() - enrolled < 120_000) await sleep(500);
    log(
      `${fleet.runner.count("running")}/${agentCount} agents enrolled in ${((Date.now() - enrolled) / 1000).toFixed(1)} s`,
    );
    const runStarted = Date.now();
    await browser.start(base(ports.ha), seeded.email, password);
    const api = new Api(base(ports.ha), seeded.apiToken);
    const rolloutId = await workload.start(api, fleet.ledger.satelliteIds(), isShort ? 150 : 300);
    log(`browser signed in; rollout ${rolloutId} running; commands issued every 3 s`);

    const apiA = new Api(base(ports.A), seeded.apiToken);
    const statusMs = await statusPageChange(apiA, base(ports.B), 1);
    const revokeMs = await credentialRevocation(apiA, base(ports.A), base(ports.B), seeded.joinToken);
    log(
      `status page change on A seen on B after ${statusMs} ms; revocation on A refused on B after ${revokeMs} ms`,
    );
    await sleep(isShort ? 5_000 : 20_000);

    // SIGKILL the replica whose reconciler holds the lease (its whole process group, like a dead machine).
    const setPhase = (phase: string) => {
      fleet!.ledger.phase = phase;
      browser.phase = phase;
      workload.phase = phase;
    };
    const leader = await leaderAmong(cluster, store, ["A", "B"], 60_000);
    const other = leader === "A" ? "B" : "A";
    const before = await store.leaseHolder();
    const rolloutAtKill = await store.rollout(rolloutId);
    setPhase("sigkill");
    const killedAt = Date.now();
    cluster.signal(leader, "SIGKILL");
    let failoverMs: number | null = null;
    let newLeader: string | null = null;
    while (Date.now() - killedAt < 4 * LEASE_TTL_MS) {
      const now = await store.leaseHolder();
      if (now && now.holder !== before?.holder) {
        failoverMs = Date.now() - killedAt;
        newLeader = cluster.ownerOf(Number(now.holder.split(":")[1]));
        break;
      }
      await sleep(100);
    }
    log(`SIGKILL ${leader}: lease taken by ${newLeader} after ${failoverMs} ms (TTL ${LEASE_TTL_MS} ms)`);
    await sleep(isShort ? 3_000 : 10_000);
    await ready(cluster.replica(leader, ports[leader]), `${base(ports[leader])}/readyz`);
    await sleep(2_000); // two good health checks put it back in rotation
    setPhase("restarted");
    log(`${leader} restarted and ready`);
    await sleep(isShort ? 5_000 : 15_000);

    // SIGTERM the other replica, as systemd or Kubernetes would: it must drain without an agent noticing.
    setPhase("sigterm");
    const termAt = Date.now();
    cluster.signal(other, "SIGTERM", false);
    const code = await cluster.procs.get(other)!.exited;
    const drainMs = Date.now() - termAt;
    log(`SIGTERM ${other}: exited ${code} after ${drainMs} ms`);
    await ready(cluster.replica(other, ports[other]), `${base(ports[other])}/readyz`);
    await sleep(2_000);
    setPhase("after");
    log(`${other} restarted and ready`);

    while (Date.now() - runStarted < RUN_MS) await sleep(1_000);
    setPhase("end");
    await workload.stop();
    await browser.stop();
    await fleet.runner.stop();
    for (let i = 0; i < 200 && fleet.ledger.inFlight > 0; i++) await sleep(100);
    const rolloutAtEnd = await store.rollout(rolloutId);
    await cluster.stopAll(); // SIGTERM: every ingest writer flushes before the counts
    return report({
      isShort,
      agents: agentCount,
      ledger: fleet.ledger,
      samples: await store.samples(fleet.ledger, fleet.ledger.satelliteIds()),
      commands: await store.commands(fleet.ledger),
      browser,
      workload,
      failover: { leader, newLeader, failoverMs, ttlMs: LEASE_TTL_MS },
      drain: { replica: other, code, drainMs },
      probes: { statusMs, revokeMs },
      rollout: { atKill: rolloutAtKill, atEnd: rolloutAtEnd },
    });
  } finally {
    fleet?.runner.stop().catch(() => undefined);
    await browser.stop().catch(() => undefined);
    await cluster.stopAll();
    await store.end().catch(() => undefined);
    if (!argv.includes("--keep")) await database.drop().catch(() => undefined);
  }
}

/** Waits until one of `names` holds the reconciler lease, and names it. */
async function leaderAmong(cluster: Cluster, store: Store, names: string[], ms: number): Promise<"A" | "B"> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const lease = await store.leaseHolder();
    const owner =
      lease && lease.expiresAt.getTime() > Date.now()
        ? cluster.ownerOf(Number(lease.holder.split(":")[1]))
        : null;
    if (owner && names.includes(owner)) return owner as "A" | "B";
    if (owner === "worker") {
      // The worker leads: restart it so a replica takes over (it releases the lease on SIGTERM).
      cluster.signal("worker", "SIGTERM", false);
      await cluster.procs.get("worker")?.exited;
      await sleep(3 * TICK_MS);
      cluster.worker();
    }
    await sleep(200);
  }
  throw new Error(`no replica among ${names.join(", ")} took the reconciler lease`);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(
      `test:ha failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
