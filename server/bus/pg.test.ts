import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createBus, PgTransport, type Bus, type ResyncInfo } from "./index";

// Two buses with listening connections and origins of their own stand in for two replicas on one database.
// Runs when DATABASE_URL names PostgreSQL (the test setup gives this file a fresh database of its own).
const url = process.env.DATABASE_URL ?? "";
const isPostgres = url.startsWith("postgres");

const pools: pg.Pool[] = [];
const buses: Bus[] = [];
afterAll(async () => {
  await Promise.all(buses.map((b) => b.stop()));
  await Promise.all(pools.map((p) => p.end()));
});

function replica(name: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  const bus = createBus({
    origin: name,
    transport: new PgTransport({
      connectionString: url,
      query: (sql, params) => pool.query(sql, params),
      applicationName: `orrery-bus-test-${name}`,
      minBackoffMs: 20,
      maxBackoffMs: 200,
    }),
  });
  buses.push(bus);
  const resyncs: ResyncInfo[] = [];
  bus.onResync((info) => resyncs.push(info));
  return { bus, pool, resyncs };
}

/** Resolves once `check` holds, or fails after `ms`: a deadline, not a measurement. */
async function within(ms: number, check: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!isPostgres)("bus on PostgreSQL", () => {
  it("carries messages between replicas, reconnects after its connection is killed, and resyncs", async () => {
    const a = replica("a");
    const b = replica("b");
    const onA: unknown[] = [];
    const onB: unknown[] = [];
    a.bus.subscribe("agent.revoked", (m) => onA.push(m));
    b.bus.subscribe("agent.revoked", (m) => onB.push(m));
    await within(5_000, () => a.bus.isConnected && b.bus.isConnected);
    expect(b.resyncs).toEqual([{ reason: "connected", missed: true }]);

    a.bus.publish({ type: "agent.revoked", satelliteId: "s1" });
    await within(1_000, () => onB.length === 1);
    expect(onB).toEqual([{ type: "agent.revoked", satelliteId: "s1" }]);

    // A's own NOTIFY comes back to A before B's later one: once B's has arrived, A's would have too.
    b.bus.publish({ type: "agent.revoked", credentialId: "c1" });
    await within(1_000, () => onA.length === 2);
    expect(onA).toEqual([
      { type: "agent.revoked", satelliteId: "s1" },
      { type: "agent.revoked", credentialId: "c1" },
    ]);

    const { rows } = await a.pool.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE application_name = 'orrery-bus-test-b' AND datname = current_database()`,
    );
    expect(rows).toEqual([{ killed: true }]);
    await within(5_000, () => b.resyncs.length === 2 && b.bus.isConnected);
    expect(b.resyncs[1]).toEqual({ reason: "connected", missed: true });

    a.bus.publish({ type: "agent.revoked", satelliteId: "s2" });
    // B's own message was delivered to it at once, locally.
    await within(1_000, () => onB.length === 3);
    expect(onB[2]).toEqual({ type: "agent.revoked", satelliteId: "s2" });
    // A kept its connection throughout: it resynced once, when it first connected.
    expect(a.resyncs).toEqual([{ reason: "connected", missed: true }]);
  });

  it("stops listening when stopped, and a stopped bus no longer receives", async () => {
    const a = replica("c");
    const b = replica("d");
    const onB: unknown[] = [];
    b.bus.subscribe("status.changed", (m) => onB.push(m));
    await within(5_000, () => a.bus.isConnected && b.bus.isConnected);
    await b.bus.stop();
    const { rows } = await a.pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = 'orrery-bus-test-d' AND datname = current_database()`,
    );
    expect(rows).toHaveLength(0);
    // A third replica still listening hears it; by then B would have too, were it listening.
    const onC: unknown[] = [];
    const c = replica("e");
    c.bus.subscribe("status.changed", (m) => onC.push(m));
    await within(5_000, () => c.bus.isConnected);
    a.bus.publish({ type: "status.changed" });
    await within(1_000, () => onC.length === 1);
    expect(onB).toEqual([]);
  });
});
