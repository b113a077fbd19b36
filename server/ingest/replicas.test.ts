// Two cores behind a load balancer each run their own writer. An agent whose heartbeat times out retries on
// whichever core answers next, so the same samples reach both, at the same moment. Dedupe of (satellite, seq)
// is the database's (the sample table's unique key), not either process's: this proves it holds.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample } from "../../test/gateway";
import type { SampleInput } from "../agents/schemas";
import { db } from "../db";
import { isSqlite, openSqlite } from "../db-raw";
import { registerSatellite } from "../satellites/register";
import { PgIngestWriter } from "./pg-writer";
import { SqliteIngestWriter } from "./sqlite-writer";
import type { IngestJob, IngestResult, IngestWriter } from "./types";

const SATELLITES = 12;
const SEQS = 40;
const now = new Date("2026-11-20T10:00:00.000Z");
const pools: pg.Pool[] = [];

/** A writer with its own connections, as another replica would have. */
function replica(): IngestWriter {
  if (isSqlite) return new SqliteIngestWriter(openSqlite(0));
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  pools.push(pool);
  return new PgIngestWriter(pool);
}

/** Deterministic, so a failure replays the same interleaving. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const ids: string[] = [];
beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  for (let i = 0; i < SATELLITES; i++) ids.push((await registerSatellite(admin, satelliteInput())).id);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe("sequence dedupe across replicas", () => {
  it("stores every (satellite, seq) exactly once when heartbeats and their retries land on both", async () => {
    const replicas = [replica(), replica()];
    const random = prng(17);
    // Each heartbeat carries its agent's last few samples (a buffer not yet acknowledged), so consecutive
    // heartbeats overlap; a third of them is also retried on the other replica at the same time.
    const sends: { to: number; job: IngestJob }[] = [];
    for (const satelliteId of ids) {
      for (let seq = 1; seq <= SEQS; seq++) {
        const from = Math.max(1, seq - Math.floor(random() * 3));
        const samples: SampleInput[] = [];
        for (let s = from; s <= seq; s++)
          samples.push(sample(s, new Date(now.getTime() - (SEQS - s) * 10_000)) as SampleInput);
        const job = {
          satelliteId,
          intervalSec: 10,
          agentVersion: "1.4.0",
          stackVersion: "2026.11.1",
          samples,
          now,
        };
        const to = random() < 0.5 ? 0 : 1;
        sends.push({ to, job });
        if (random() < 0.35) sends.push({ to: 1 - to, job });
      }
    }
    // Interleave the agents and spread the sends over a few dozen milliseconds so both replicas flush
    // overlapping batches of the same satellites.
    sends.sort(() => random() - 0.5);
    const results = await Promise.all(
      sends.map(
        ({ to, job }, i) =>
          new Promise<IngestResult>((resolve, reject) =>
            setTimeout(() => replicas[to].submit(job).then(resolve, reject), (i % 40) + random() * 5),
          ),
      ),
    );
    await Promise.all(replicas.map((r) => r.close()));

    const rows = await db.telemetrySample.groupBy({
      by: ["satelliteId"],
      where: { satelliteId: { in: ids } },
      _count: { _all: true },
      _sum: { seq: true },
      _max: { seq: true },
    });
    const expectedSum = (SEQS * (SEQS + 1)) / 2;
    expect(
      rows.map((r) => [r._count._all, Number(r._sum.seq), Number(r._max.seq)]),
      "per satellite: rows, sum of seqs, highest seq",
    ).toEqual(ids.map(() => [SEQS, expectedSum, SEQS]));

    // Exactly one writer counted each sample as new; every other copy was answered as a duplicate.
    const accepted = new Map<string, number>();
    sends.forEach(({ job }, i) =>
      accepted.set(job.satelliteId, (accepted.get(job.satelliteId) ?? 0) + results[i].accepted),
    );
    expect([...accepted.values()]).toEqual(ids.map(() => SEQS));
    const sent = sends.reduce((n, s) => n + s.job.samples.length, 0);
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
    expect(duplicates).toBe(sent - SATELLITES * SEQS);

    // The latest state moved only forward, to the newest sample, whichever replica saw it last.
    const satellites = await db.satellite.findMany({ where: { id: { in: ids } } });
    expect(satellites.map((s) => Number(s.lastSeq))).toEqual(ids.map(() => SEQS));
  });
});
