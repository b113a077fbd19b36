// The HA test's reads of the shared database: the reconciler lease, the samples stored, commands and rollouts.
import { createHash } from "node:crypto";
import pg from "pg";
import { type AgentLedger, fingerprint } from "./agents";

// Prisma keeps DateTime as UTC in `timestamp without time zone`: read it as UTC whatever this machine's zone.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(" ", "T")}Z`));

export class Store {
  private readonly client: pg.Client;

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  connect = () => this.client.connect();
  end = () => this.client.end();

  async leaseHolder(): Promise<{ holder: string; expiresAt: Date } | null> {
    const { rows } = await this.client.query<{ holder: string; expiresAt: Date }>(
      `SELECT holder, "expiresAt" FROM "Lease" WHERE name = 'reconciler'`,
    );
    return rows[0] ?? null;
  }

  /** Every acknowledged sample stored exactly once, with the values sent; nothing stored that was never sent. */
  async samples(ledger: AgentLedger, satelliteIds: string[]) {
    const { rows } = await this.client.query<{
      satelliteId: string;
      seq: string;
      at: Date;
      cpuPct: number;
      memPct: number;
      rxMbps: number;
      copies: string;
    }>(
      `SELECT "satelliteId", seq::text AS seq, min(at) AS at, min("cpuPct") AS "cpuPct", min("memPct") AS "memPct",
              min("rxMbps") AS "rxMbps", count(*)::text AS copies
         FROM "TelemetrySample" WHERE "satelliteId" = ANY($1) GROUP BY "satelliteId", seq`,
      [satelliteIds],
    );
    const stored = new Map(rows.map((r) => [`${r.satelliteId}:${r.seq}`, fingerprint(r)]));
    const duplicated = rows.filter((r) => r.copies !== "1").length;
    let missing = 0;
    let differing = 0;
    for (const [key, print] of ledger.acknowledged) {
      const found = stored.get(key);
      if (found === undefined) missing++;
      else if (found !== print) differing++;
    }
    // Stored but never acknowledged: sent in a request whose answer was lost, and still in the agent's buffer.
    const unacknowledged = [...stored.keys()].filter((k) => !ledger.acknowledged.has(k));
    const neverSent = unacknowledged.filter((k) => !ledger.unanswered.has(k)).length;
    const checksum = (entries: Iterable<[string, string]>) => {
      const hash = createHash("sha256");
      for (const [k, v] of [...entries].sort(([x], [y]) => (x < y ? -1 : 1))) hash.update(`${k}=${v}\n`);
      return hash.digest("hex").slice(0, 16);
    };
    const ackedStored = [...stored].filter(([k]) => ledger.acknowledged.has(k));
    return {
      acknowledged: ledger.acknowledged.size,
      stored: rows.length,
      duplicated,
      missing,
      differing,
      storedUnacknowledged: unacknowledged.length,
      neverSent,
      sentChecksum: checksum(ledger.acknowledged),
      storedChecksum: checksum(ackedStored),
    };
  }

  /** Commands the core handed out more than once, and whether any reached an agent under another key. */
  async commands(ledger: AgentLedger) {
    const { rows } = await this.client.query<{
      id: string;
      idempotencyKey: string;
      deliveries: number;
      state: string;
    }>(`SELECT id, "idempotencyKey", deliveries, state::text AS state FROM "Command"`);
    const keyOf = new Map(rows.map((r) => [r.id, r.idempotencyKey]));
    let redelivered = 0;
    let keyMismatch = 0;
    for (const [id, seen] of ledger.deliveries) {
      if (seen.count > 1) redelivered++;
      if (seen.keys.size !== 1 || [...seen.keys][0] !== keyOf.get(id)) keyMismatch++;
    }
    const delivery = new Map([...ledger.deliveries].map(([id, s]) => [id, s.replicas]));
    const crossAcks = ledger.acks.filter(
      (a) => a.status < 300 && [...(delivery.get(a.commandId) ?? [])].some((r) => r !== a.replica),
    ).length;
    const states = new Map<string, number>();
    for (const r of rows) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    return {
      issued: rows.length,
      delivered: ledger.deliveries.size,
      redelivered,
      keyMismatch,
      crossAcks,
      states,
    };
  }

  async rollout(id: string): Promise<{ status: string; targets: Record<string, number> }> {
    const { rows } = await this.client.query<{ status: string }>(
      `SELECT status::text AS status FROM "Rollout" WHERE id = $1`,
      [id],
    );
    const counts = await this.client.query<{ state: string; n: string }>(
      `SELECT state::text AS state, count(*)::text AS n FROM "RolloutTarget" WHERE "rolloutId" = $1 GROUP BY state`,
      [id],
    );
    return {
      status: rows[0]?.status ?? "missing",
      targets: Object.fromEntries(counts.rows.map((r) => [r.state, Number(r.n)])),
    };
  }
}
